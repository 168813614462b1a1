import { Button, Paragraph } from '@utrecht/component-library-react';
import { NavLink, useLocation } from 'react-router-dom';

import { loginPath } from '../auth/returnPath';
import { hasRole, useSession } from '../auth/session';
import { useLogout } from '../auth/useLogout';
import { AppLink } from './AppLink';

function navLinkClass({ isActive }: { isActive: boolean }) {
  return ['utrecht-link', 'utrecht-link--html-a', isActive ? 'spoorboek-nav__link--current' : '']
    .filter(Boolean)
    .join(' ');
}

const ADMIN_LINKS = [
  { to: '/beheer/gebruikers', label: 'Gebruikers' },
  { to: '/beheer/koppelingen', label: 'Koppelingen' },
  { to: '/beheer/auditlog', label: 'Auditlog' },
];

/** The header's account part: log in, or who you are, your account, log out and (admins) Beheer. */
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
      {hasRole(user, 'beheerder') && (
        <nav aria-labelledby="beheer-navigatie" className="spoorboek-admin-nav">
          <span id="beheer-navigatie" className="spoorboek-admin-nav__title">
            Beheer
          </span>
          <ul className="spoorboek-admin-nav__list">
            {ADMIN_LINKS.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} className={navLinkClass}>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </>
  );
}
