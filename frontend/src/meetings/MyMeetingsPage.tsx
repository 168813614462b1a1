import { useQuery } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { myMeetingsQuery } from './api';
import { CalendarFeedSection } from './CalendarFeedSection';
import { MeetingBadges, MeetingTime } from './MeetingItem';
import { AGENDA_PATH, meetingPath } from './paths';
import { RegistrationTable } from './RegistrationTable';
import { whereText } from './logic';
import { KIND_LABELS } from './labels';
import type { MyMeeting } from './types';
import './meetings.css';

function MyMeetingItem({ item, upcoming }: { item: MyMeeting; upcoming: boolean }) {
  const { bijeenkomst: meeting } = item;
  const headingId = `mijn-bijeenkomst-${meeting.id}`;
  const cancellable = upcoming && meeting.status !== 'geannuleerd';
  return (
    <li className="spoorboek-product spoorboek-meeting" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        <AppLink to={meetingPath(meeting.id)}>{meeting.titel}</AppLink>
      </Heading>
      <MeetingBadges meeting={meeting} />
      <Paragraph>
        <MeetingTime meeting={meeting} /> · {KIND_LABELS[meeting.soort]} · {whereText(meeting)}
      </Paragraph>
      <span id={`${headingId}-aanmeldingen`} className="spoorboek-visually-hidden">
        Aanmeldingen voor {meeting.titel}
      </span>
      <RegistrationTable
        meetingId={meeting.id}
        registrations={item.aanmeldingen}
        labelledBy={`${headingId}-aanmeldingen`}
        cancellable={cancellable}
      />
    </li>
  );
}

function MeetingList({ id, title, items, upcoming, empty }: { id: string; title: string; items: MyMeeting[]; upcoming: boolean; empty: string }) {
  return (
    <section aria-labelledby={id} className="spoorboek-section">
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <ul className="spoorboek-product-list" aria-labelledby={id}>
          {items.map((item) => (
            <MyMeetingItem key={item.bijeenkomst.id} item={item} upcoming={upcoming} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** /mijn-bijeenkomsten: her own registrations and those of the colleagues she registered, and her calendar link. */
export default function MyMeetingsPage() {
  const mine = useQuery(myMeetingsQuery);
  return (
    <>
      <title>Mijn bijeenkomsten – Spoorboek</title>
      <Heading level={1}>Mijn bijeenkomsten</Heading>
      <Paragraph appearance="lead">
        De bijeenkomsten waarvoor u zich aanmeldde, en de collega&rsquo;s die u aanmeldde. Zoekt u een nieuwe? Kijk in de{' '}
        <AppLink to={AGENDA_PATH}>agenda</AppLink>.
      </Paragraph>
      <StatusMessage>{mine.isPending ? 'Uw bijeenkomsten laden…' : ''}</StatusMessage>
      {mine.isError && <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.data && (
        <>
          <MeetingList
            id="komend-kop"
            title="Komende bijeenkomsten"
            items={mine.data.komend}
            upcoming
            empty="U bent voor geen komende bijeenkomst aangemeld."
          />
          <MeetingList
            id="afgelopen-kop"
            title="Afgelopen bijeenkomsten"
            items={mine.data.afgelopen}
            upcoming={false}
            empty="Nog geen afgelopen bijeenkomsten."
          />
        </>
      )}
      <CalendarFeedSection />
    </>
  );
}
