import { Button, Paragraph } from '@utrecht/component-library-react';
import { NavLink, useLocation } from 'react-router-dom';

import { loginPath } from '../auth/returnPath';
import { hasRole, isEditor, useSession } from '../auth/session';
import { useLogout } from '../auth/useLogout';
import { NotificationBell } from '../notifications/NotificationBell';
import { AppLink } from './AppLink';

export function navLinkClass({ isActive }: { isActive: boolean }) {
  return ['utrecht-link', 'utrecht-link--html-a', isActive ? 'spoorboek-nav__link--current' : '']
    .filter(Boolean)
    .join(' ');
}

const ADMIN_LINKS = [
  { to: '/beheer/gebruikers', label: 'Gebruikers' },
  { to: '/beheer/koppelingen', label: 'Koppelingen' },
  { to: '/beheer/auditlog', label: 'Auditlog' },
  { to: '/beheer/e-mailvoorbeelden', label: 'E-mailvoorbeelden' },
];

const PROGRESS_EDITOR_LINKS = [
  { to: '/voortgang/matrix', label: 'Matrix' },
  { to: '/voortgang/hulp-nodig', label: 'Hulp nodig' },
  { to: '/voortgang/uploaden', label: 'Bestand uploaden' },
];

const PROGRESS_CONTACT_LINKS = [
  { to: '/mijn-gemeente', label: 'Mijn gemeente' },
  { to: '/voortgang/uploaden', label: 'Bestand uploaden' },
];

const QUESTION_EDITOR_LINKS = [
  { to: '/vragen', label: 'Inbox' },
  { to: '/vragen/nieuw', label: 'Vraag vastleggen' },
  { to: '/vragen/inzicht', label: 'Inzicht' },
];

const QUESTION_CONTACT_LINKS = [
  { to: '/mijn-vragen', label: 'Mijn vragen' },
  { to: '/vragen/nieuw', label: 'Vraag stellen' },
];

const SIGNAL_EDITOR_LINKS = [
  { to: '/signalen', label: 'Register' },
  { to: '/signalen/knelpunten', label: 'Knelpunten' },
  { to: '/signalen/suggesties', label: 'Suggesties' },
  { to: '/signalen/rapportage', label: 'Rapportage' },
];

const SIGNAL_CONTACT_LINKS = [
  { to: '/mijn-signalen', label: 'Mijn signalen' },
  { to: '/signalen/melden', label: 'Signaal melden' },
];

// The figures span answers, products and the survey, so the survey's screens sit beside them;
// "Peilingvragen" rather than "Vragen", which would read as the Vragen section's inbox.
const SATISFACTION_EDITOR_LINKS = [
  { to: '/tevredenheid', label: 'Cijfers' },
  { to: '/peilingen', label: 'Peilingen' },
  { to: '/peilingen/vragen', label: 'Peilingvragen' },
];

const MEETING_EDITOR_LINKS = [
  { to: '/bijeenkomsten/nieuw', label: 'Nieuwe bijeenkomst' },
  { to: '/bijeenkomsten/bereik', label: 'Bereik' },
];

const EDITOR_LINKS = [
  { to: '/producten/nieuw', label: 'Nieuw product' },
  { to: '/beheer/leveringsplan', label: 'Leveringsplan' },
  { to: '/verbetervoorstellen', label: 'Verbetervoorstellen' },
];

const NEWSLETTER_EDITOR_LINKS = [{ to: '/nieuwsbrief/edities', label: 'Edities' }];

const ICT_EDITOR_LINKS = [
  { to: '/ict/leveranciers', label: 'Leveranciers' },
  { to: '/ict/maatregelen', label: 'Maatregelen' },
  { to: '/ict/import', label: 'Import' },
];

function SectionNav({ id, title, links }: { id: string; title: string; links: { to: string; label: string }[] }) {
  return (
    <nav aria-labelledby={id} className="spoorboek-admin-nav">
      <span id={id} className="spoorboek-admin-nav__title">
        {title}
      </span>
      <ul className="spoorboek-admin-nav__list">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end className={navLinkClass}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The header's account part: log in, or who you are, your notifications (the bell), your account,
 * log out and (admins) Beheer.
 */
export function AccountNav() {
  const session = useSession();
  const location = useLocation();
  const logout = useLogout();

  // While the session is being checked, show nothing rather than a wrong "Inloggen".
  if (session.isPending) return null;

  const user = session.data?.gebruiker;
  if (!user) {
    return (
      <nav aria-label="Account" className="spoorboek-account">
        <AppLink to={loginPath(`${location.pathname}${location.search}`)}>Inloggen</AppLink>
      </nav>
    );
  }

  return (
    <>
      <nav aria-label="Account" className="spoorboek-account">
        <Paragraph className="spoorboek-account__user">
          Ingelogd als <strong>{user.naam}</strong>
        </Paragraph>
        <NotificationBell linkClass={navLinkClass} />
        {hasRole(user, 'gemeente') && (
          <NavLink to="/mijn-toetsingen" className={navLinkClass}>
            Mijn toetsingen
          </NavLink>
        )}
        {hasRole(user, 'gemeente') && (
          <NavLink to="/mijn-peilingen" className={navLinkClass}>
            Mijn peilingen
          </NavLink>
        )}
        {hasRole(user, 'gemeente') && (
          <NavLink to="/mijn-verbetervoorstellen" className={navLinkClass}>
            Mijn verbetervoorstellen
          </NavLink>
        )}
        {hasRole(user, 'expert') && (
          <NavLink to="/expertvragen" className={navLinkClass}>
            Expertvragen
          </NavLink>
        )}
        <NavLink to="/mijn-bijeenkomsten" className={navLinkClass}>
          Mijn bijeenkomsten
        </NavLink>
        <NavLink to="/mijn-account" className={navLinkClass}>
          Mijn account
        </NavLink>
        <Button
          appearance="subtle-button"
          type="button"
          busy={logout.isPending}
          disabled={logout.isPending}
          onClick={() => logout.mutate()}
        >
          Uitloggen
        </Button>
      </nav>
      {isEditor(user) && <SectionNav id="voortgang-navigatie" title="Voortgang" links={PROGRESS_EDITOR_LINKS} />}
      {!isEditor(user) && hasRole(user, 'gemeente') && (
        <SectionNav id="voortgang-navigatie" title="Voortgang" links={PROGRESS_CONTACT_LINKS} />
      )}
      {isEditor(user) && <SectionNav id="vragen-navigatie" title="Vragen" links={QUESTION_EDITOR_LINKS} />}
      {!isEditor(user) && hasRole(user, 'gemeente') && (
        <SectionNav id="vragen-navigatie" title="Vragen" links={QUESTION_CONTACT_LINKS} />
      )}
      {isEditor(user) && <SectionNav id="signalen-navigatie" title="Signalen" links={SIGNAL_EDITOR_LINKS} />}
      {!isEditor(user) && hasRole(user, 'gemeente') && (
        <SectionNav id="signalen-navigatie" title="Signalen" links={SIGNAL_CONTACT_LINKS} />
      )}
      {isEditor(user) && <SectionNav id="ict-navigatie" title="ICT-gereedheid" links={ICT_EDITOR_LINKS} />}
      {isEditor(user) && <SectionNav id="bijeenkomsten-navigatie" title="Bijeenkomsten" links={MEETING_EDITOR_LINKS} />}
      {isEditor(user) && (
        <SectionNav id="tevredenheid-navigatie" title="Tevredenheid" links={SATISFACTION_EDITOR_LINKS} />
      )}
      {isEditor(user) && <SectionNav id="redactie-navigatie" title="Redactie" links={EDITOR_LINKS} />}
      {isEditor(user) && <SectionNav id="nieuwsbrief-navigatie" title="Nieuwsbrief" links={NEWSLETTER_EDITOR_LINKS} />}
      {hasRole(user, 'beheerder') && <SectionNav id="beheer-navigatie" title="Beheer" links={ADMIN_LINKS} />}
    </>
  );
}
