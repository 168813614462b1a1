import { Heading, Link, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { isEditor, useCurrentUser } from '../auth/session';
import { STATUS_LABELS as MEETING_STATUS_LABELS } from '../meetings/labels';
import { meetingPath } from '../meetings/paths';
import { statusLabel as questionStatusLabel } from '../questions/labels';
import { questionPath } from '../questions/paths';
import { DataTable } from '../shared/DataTable';
import { DutchDateTime } from '../shared/DutchDateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { kindLabel as signalKindLabel, statusLabel as signalStatusLabel } from '../signals/labels';
import { signalPath } from '../signals/paths';
import { useActivity } from './helpApi';
import type { Activity, ActivityMeeting } from './helpTypes';

function meetingStatus(status: string): string {
  return (MEETING_STATUS_LABELS as Record<string, string>)[status] ?? status;
}

function places(meeting: ActivityMeeting): string {
  const taken = `${meeting.plaatsen} ${meeting.plaatsen === 1 ? 'plaats' : 'plaatsen'}`;
  return meeting.wachtlijst > 0 ? `${taken}, ${meeting.wachtlijst} op de wachtlijst` : taken;
}

function Meetings({ id, caption, meetings, empty }: { id: string; caption: string; meetings: ActivityMeeting[]; empty: string }) {
  if (meetings.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <DataTable id={id} caption={caption} visibleCaption columns={['Bijeenkomst', 'Wanneer', 'Status', 'Aangemeld']}>
      {meetings.map((meeting) => (
        <TableRow key={meeting.id}>
          <TableHeaderCell scope="row">
            <AppLink to={meetingPath(meeting.id)}>{meeting.titel}</AppLink>
          </TableHeaderCell>
          <TableCell>
            <DutchDateTime value={meeting.begin} />
          </TableCell>
          <TableCell>{meetingStatus(meeting.status)}</TableCell>
          <TableCell>{places(meeting)}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

function Contacts({ activity }: { activity: Activity }) {
  if (activity.contactpersonen.length === 0) return <Paragraph>Er is geen actieve contactpersoon bekend.</Paragraph>;
  return (
    <DataTable
      id="activiteit-contactpersonen"
      caption={`Contactpersonen van ${activity.gemeente.naam}`}
      visibleCaption
      columns={['Naam', 'E-mailadres']}
    >
      {activity.contactpersonen.map((person) => (
        <TableRow key={person.code}>
          <TableHeaderCell scope="row">{person.naam}</TableHeaderCell>
          <TableCell>
            <Link href={`mailto:${person.code}`}>{person.code}</Link>
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

function Questions({ activity }: { activity: Activity }) {
  const { vragen, vragenTotaal } = activity;
  if (vragen.length === 0) {
    return <Paragraph>De gemeente stelde nog geen vragen.</Paragraph>;
  }
  return (
    <DataTable
      id="activiteit-vragen"
      caption={`Vragen: de laatste ${vragen.length} van ${vragenTotaal}`}
      visibleCaption
      columns={['Onderwerp', 'Ontvangen', 'Status']}
    >
      {vragen.map((question) => (
        <TableRow key={question.id}>
          <TableHeaderCell scope="row">
            <AppLink to={questionPath(question.id, true)}>{question.onderwerp}</AppLink>
          </TableHeaderCell>
          <TableCell>
            <DutchDateTime value={question.ontvangenOp} />
          </TableCell>
          <TableCell>{questionStatusLabel(question.status)}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

function Signals({ activity }: { activity: Activity }) {
  const { signalen, signalenTotaal } = activity;
  if (signalen.length === 0) return <Paragraph>De gemeente meldde of steunde nog geen signalen.</Paragraph>;
  return (
    <DataTable
      id="activiteit-signalen"
      caption={`Signalen: de laatste ${signalen.length} van ${signalenTotaal}`}
      visibleCaption
      columns={['Signaal', 'Soort', 'Gemeld', 'Status']}
    >
      {signalen.map((signal) => (
        <TableRow key={signal.id}>
          <TableHeaderCell scope="row">
            <AppLink to={signalPath(signal.id)}>{signal.titel}</AppLink>
          </TableHeaderCell>
          <TableCell>{signalKindLabel(signal.soort)}</TableCell>
          <TableCell>
            <DutchDateTime value={signal.gemeldOp} />
          </TableCell>
          <TableCell>{signalStatusLabel(signal.status)}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

/**
 * On a municipality's progress page, for the programme team: its contact persons, and its
 * events, questions and signals. A contact has her own pages for these (Mijn vragen, Mijn
 * signalen, Mijn bijeenkomsten), so her page stays short on a phone.
 */
export function MunicipalityActivity({ code }: { code: string }) {
  const team = isEditor(useCurrentUser());
  return team ? <TeamActivity code={code} /> : null;
}

function TeamActivity({ code }: { code: string }) {
  const activity = useActivity(code);
  const data = activity.data;
  return (
    <section aria-labelledby="activiteit-kop" className="spoorboek-section">
      <Heading level={2} id="activiteit-kop">
        Contact en activiteit
      </Heading>
      <StatusMessage>{activity.isPending ? 'Contact en activiteit laden…' : ''}</StatusMessage>
      {activity.isError && <ErrorAlert error={activity.error} onRetry={() => void activity.refetch()} />}
      {data && (
        <>
          <Heading level={3}>Contactpersonen</Heading>
          <Contacts activity={data} />
          <Heading level={3}>Bijeenkomsten</Heading>
          <Meetings
            id="activiteit-komend"
            caption="Komende bijeenkomsten waarvoor de gemeente zich aanmeldde"
            meetings={data.komendeBijeenkomsten}
            empty="Geen komende bijeenkomsten waarvoor de gemeente zich aanmeldde."
          />
          <Meetings
            id="activiteit-afgelopen"
            caption="Afgelopen bijeenkomsten (het laatste jaar)"
            meetings={data.afgelopenBijeenkomsten}
            empty="Het laatste jaar was de gemeente niet aangemeld voor een bijeenkomst."
          />
          <Heading level={3}>Vragen</Heading>
          <Questions activity={data} />
          <Heading level={3}>Signalen</Heading>
          <Signals activity={data} />
        </>
      )}
    </section>
  );
}
