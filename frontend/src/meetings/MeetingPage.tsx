import { Alert, Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { loginPath } from '../auth/returnPath';
import { hasRole, isEditor, useCurrentUser, type User } from '../auth/session';
import { DutchDateTime } from '../shared/DutchDateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { FactList } from '../shared/FactList';
import { StatusMessage } from '../shared/StatusMessage';
import { useRegistrations } from './api';
import { AUDIENCE_LABELS, KIND_LABELS, STATUS_LABELS } from './labels';
import { MeetingBadges, MeetingTime } from './MeetingItem';
import { MeetingLoader } from './MeetingLoader';
import { placesText } from './logic';
import { AGENDA_PATH, MY_MEETINGS_PATH, meetingIcsHref } from './paths';
import { RegistrationForm } from './RegistrationForm';
import { RegistrationTable } from './RegistrationTable';
import { SlotsSection } from './SlotsSection';
import { teamPanelPath } from './team/paths';
import type { MeetingDetail } from './types';
import './meetings.css';

function placesFact(meeting: MeetingDetail): string {
  const { capaciteit, aangemeld, wachtlijst } = meeting.plaatsen;
  const parts = [capaciteit === null ? 'Geen maximum' : `${capaciteit} plaatsen`, `${aangemeld} aangemeld`];
  if (wachtlijst > 0) parts.push(`${wachtlijst} op de wachtlijst`);
  const left = placesText(meeting);
  return left ? `${left} (${parts.join(', ')})` : parts.join(', ');
}

function whereFact(meeting: MeetingDetail): ReactNode {
  if (meeting.online) return 'Online';
  const parts = [meeting.locatie, meeting.adres, meeting.provincie?.naam].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Locatie volgt';
}

function facts(meeting: MeetingDetail): [string, ReactNode][] {
  const list: [string, ReactNode][] = [
    ['Wanneer', <MeetingTime key="wanneer" meeting={meeting} />],
    ['Soort', KIND_LABELS[meeting.soort]],
    ['Voor wie', AUDIENCE_LABELS[meeting.doelgroep]],
    ['Waar', whereFact(meeting)],
  ];
  if (meeting.arbeidsmarktregio) list.push(['Arbeidsmarktregio', meeting.arbeidsmarktregio.naam]);
  list.push(['Status', STATUS_LABELS[meeting.status]]);
  if (meeting.status !== 'geannuleerd') list.push(['Plaatsen', placesFact(meeting)]);
  if (meeting.aanmeldenTot && meeting.status !== 'afgelopen' && meeting.status !== 'geannuleerd') {
    list.push(['Aanmelden kan tot', <DutchDateTime key="tot" value={meeting.aanmeldenTot} />]);
  }
  if (meeting.soort === 'spreekuur' && meeting.tijdslotMinuten) list.push(['Tijdsloten', `${meeting.tijdslotMinuten} minuten`]);
  return list;
}

function mayRegister(user: User | null, meeting: MeetingDetail): boolean {
  if (hasRole(user, 'gemeente')) return true;
  return hasRole(user, 'expert') && meeting.doelgroep !== 'gemeenten';
}

function OwnStatus({ meeting }: { meeting: MeetingDetail }) {
  const own = meeting.mijnAanmelding;
  const text =
    own === 'aangemeld'
      ? 'U bent aangemeld voor deze bijeenkomst.'
      : own === 'wachtlijst'
        ? 'U staat op de wachtlijst. Komt er een plaats vrij, dan krijgt u die en een e-mail.'
        : '';
  // Always in the page: the region announces the change after "Aanmelden".
  return <StatusMessage>{text}</StatusMessage>;
}

/** Why registering is not possible (now). */
function closedText(meeting: MeetingDetail): string {
  if (meeting.status === 'geannuleerd') return 'Deze bijeenkomst is geannuleerd.';
  if (meeting.status === 'afgelopen') return 'Deze bijeenkomst is voorbij.';
  if (meeting.status === 'gepland') return 'Aanmelden is nog niet open.';
  return 'Aanmelden is niet meer mogelijk.';
}

/** For a signed-in contact: herself, a colleague, her municipality's registrations. */
function RegistrationSection({ meeting, user }: { meeting: MeetingDetail; user: User }) {
  const contact = hasRole(user, 'gemeente');
  const registrations = useRegistrations(meeting.id, contact);
  const own = meeting.mijnAanmelding === 'aangemeld' || meeting.mijnAanmelding === 'wachtlijst';
  const consultation = meeting.soort === 'spreekuur';
  const open = meeting.aanmeldenMogelijk;
  const upcoming = meeting.status !== 'afgelopen' && meeting.status !== 'geannuleerd';
  return (
    <>
      {consultation && contact && <SlotsSection meetingId={meeting.id} bookable={open} />}
      <section aria-labelledby="aanmelden-kop" className="spoorboek-section">
        <Heading level={2} id="aanmelden-kop">
          Aanmelden
        </Heading>
        <OwnStatus meeting={meeting} />
        {!open && <Paragraph>{closedText(meeting)}</Paragraph>}
        {open && consultation && contact && <Paragraph>Bij een spreekuur meldt u zich aan door een tijdslot te boeken.</Paragraph>}
        {open && !consultation && !own && <RegistrationForm meetingId={meeting.id} colleague={false} />}
        {open && !consultation && contact && (
          <>
            <Heading level={3}>Collega aanmelden</Heading>
            <Paragraph>Een collega van uw gemeente heeft geen account nodig: de bevestiging gaat naar haar of zijn e-mailadres.</Paragraph>
            <RegistrationForm meetingId={meeting.id} colleague />
          </>
        )}
        {!contact && own && (
          <Paragraph>
            Afmelden doet u onder <AppLink to={MY_MEETINGS_PATH}>Mijn bijeenkomsten</AppLink>.
          </Paragraph>
        )}
        {contact && (
          <>
            <Heading level={3} id="aanmeldingen-kop">
              Aanmeldingen van uw gemeente
            </Heading>
            <StatusMessage>{registrations.isPending ? 'Aanmeldingen laden…' : ''}</StatusMessage>
            {registrations.isError && <ErrorAlert error={registrations.error} onRetry={() => void registrations.refetch()} />}
            {registrations.data?.aanmeldingen.length === 0 && <Paragraph>Nog niemand van uw gemeente is aangemeld.</Paragraph>}
            {registrations.data && registrations.data.aanmeldingen.length > 0 && (
              <RegistrationTable
                meetingId={meeting.id}
                registrations={registrations.data.aanmeldingen}
                labelledBy="aanmeldingen-kop"
                cancellable={upcoming}
              />
            )}
          </>
        )}
      </section>
    </>
  );
}

function MeetingView({ meeting }: { meeting: MeetingDetail }) {
  const user = useCurrentUser();
  const location = useLocation();
  const paragraphs = meeting.omschrijving.split(/\n{2,}/).filter((text) => text.trim());
  return (
    <>
      <title>{`${meeting.titel} – Bijeenkomsten – Spoorboek`}</title>
      <Paragraph>
        <AppLink to={AGENDA_PATH}>Alle bijeenkomsten</AppLink>
      </Paragraph>
      <Heading level={1}>{meeting.titel}</Heading>
      <MeetingBadges meeting={meeting} own={meeting.mijnAanmelding} />
      {isEditor(user) && (
        <Paragraph>
          <AppLink to={teamPanelPath(meeting.id)}>Beheer van deze bijeenkomst</AppLink> (aanmeldingen, presentielijst,
          materialen, uitnodigingen).
        </Paragraph>
      )}
      {meeting.status === 'geannuleerd' && (
        <Alert type="warning">
          <Heading level={2}>Deze bijeenkomst is geannuleerd</Heading>
          {meeting.redenAnnulering && <Paragraph className="spoorboek-text">{meeting.redenAnnulering}</Paragraph>}
        </Alert>
      )}
      <FactList facts={facts(meeting)} />
      {meeting.deelnamelink && (
        <Paragraph>
          <Link href={meeting.deelnamelink} rel="noopener noreferrer" external>
            Deelnemen aan de online bijeenkomst
          </Link>
        </Paragraph>
      )}
      {meeting.status !== 'geannuleerd' && (
        <Paragraph>
          <Link href={meetingIcsHref(meeting.id)} download>
            Toevoegen aan agenda (.ics)
          </Link>
        </Paragraph>
      )}
      {paragraphs.length > 0 && (
        <section aria-labelledby="omschrijving-kop" className="spoorboek-section">
          <Heading level={2} id="omschrijving-kop">
            Omschrijving
          </Heading>
          {paragraphs.map((text, index) => (
            <Paragraph key={index} className="spoorboek-text">
              {text}
            </Paragraph>
          ))}
        </section>
      )}
      {(meeting.maatregelen.length > 0 || meeting.themas.length > 0) && (
        <section aria-labelledby="maatregelen-kop" className="spoorboek-section">
          <Heading level={2} id="maatregelen-kop">
            {meeting.themas.length > 0 ? 'Maatregelen en thema’s' : 'Maatregelen'}
          </Heading>
          <UnorderedList>
            {meeting.maatregelen.map((measure) => (
              <UnorderedListItem key={measure.code}>
                <AppLink to={`/maatregelen/${measure.code}`}>
                  {measure.code} {measure.naam}
                </AppLink>
              </UnorderedListItem>
            ))}
            {meeting.themas.map((theme) => (
              <UnorderedListItem key={theme.code}>Thema: {theme.naam}</UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      )}
      {meeting.organisatoren.length > 0 && (
        <section aria-labelledby="organisatoren-kop" className="spoorboek-section">
          <Heading level={2} id="organisatoren-kop">
            Organisatie
          </Heading>
          <UnorderedList>
            {meeting.organisatoren.map((host) => (
              <UnorderedListItem key={host.code}>
                {host.naam}
                {host.rol === 'medeorganisator' ? ' (medeorganisator)' : ''}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      )}
      {user && mayRegister(user, meeting) && <RegistrationSection meeting={meeting} user={user} />}
      {!user && meeting.status !== 'geannuleerd' && meeting.status !== 'afgelopen' && (
        <section aria-labelledby="aanmelden-kop" className="spoorboek-section">
          <Heading level={2} id="aanmelden-kop">
            Aanmelden
          </Heading>
          <Paragraph>
            Contactpersonen van gemeenten{meeting.doelgroep === 'gemeenten' ? '' : ' en ketenpartners'} melden zich aan na{' '}
            <AppLink to={loginPath(location.pathname)}>inloggen</AppLink>.
          </Paragraph>
        </section>
      )}
    </>
  );
}

/** /bijeenkomsten/:id: one meeting, for everyone; signed-in contacts register here. */
export default function MeetingPage() {
  const signedIn = useCurrentUser() !== null;
  return <MeetingLoader signedIn={signedIn}>{(meeting) => <MeetingView meeting={meeting} />}</MeetingLoader>;
}
