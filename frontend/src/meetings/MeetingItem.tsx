import { Heading, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

import { AppLink } from '../app/AppLink';
import { FactList } from '../shared/FactList';
import { KIND_LABELS, REGISTRATION_LABELS } from './labels';
import { formatMeetingTime, placesText, whereText } from './logic';
import { meetingPath } from './paths';
import type { MeetingSummary, RegistrationStatus } from './types';

/** A meeting's time, machine-readable as its start, in Dutch words. */
export function MeetingTime({ meeting }: { meeting: Pick<MeetingSummary, 'begin' | 'einde'> }) {
  return <time dateTime={meeting.begin}>{formatMeetingTime(meeting.begin, meeting.einde)}</time>;
}

/** What stands out at a glance: cancelled, over, full, and one's own registration. */
export function MeetingBadges({ meeting, own }: { meeting: MeetingSummary; own?: RegistrationStatus | null | undefined }) {
  const badges: string[] = [];
  if (meeting.status === 'geannuleerd') badges.push('Geannuleerd');
  if (meeting.status === 'afgelopen') badges.push('Afgelopen');
  if (meeting.status === 'gepland') badges.push('Aanmelden nog niet open');
  if (own === 'aangemeld' || own === 'wachtlijst') badges.push(own === 'aangemeld' ? 'U bent aangemeld' : REGISTRATION_LABELS.wachtlijst);
  if (!badges.length) return null;
  return (
    <Paragraph className="spoorboek-meeting__badges">
      {badges.map((badge) => (
        <StatusBadge key={badge} status="neutral">
          {badge}
        </StatusBadge>
      ))}
    </Paragraph>
  );
}

/** One meeting of a list, with its heading a link to its page. */
export function MeetingItem({ meeting, headingLevel = 3 }: { meeting: MeetingSummary; headingLevel?: 2 | 3 | 4 }) {
  const headingId = `bijeenkomst-${meeting.id}`;
  const places = placesText(meeting);
  const facts: [string, ReactNode][] = [
    ['Wanneer', <MeetingTime key="t" meeting={meeting} />],
    ['Soort', KIND_LABELS[meeting.soort]],
    ['Waar', whereText(meeting)],
  ];
  if (places) facts.push(['Plaatsen', places]);
  if (meeting.maatregelen.length) facts.push(['Maatregelen', meeting.maatregelen.map((m) => `${m.code} ${m.naam}`).join('; ')]);
  return (
    <li className="spoorboek-product spoorboek-meeting" aria-labelledby={headingId}>
      <Heading level={headingLevel} id={headingId}>
        <AppLink to={meetingPath(meeting.id)}>{meeting.titel}</AppLink>
      </Heading>
      <MeetingBadges meeting={meeting} own={meeting.mijnAanmelding} />
      <FactList facts={facts} />
    </li>
  );
}
