import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { NotFoundPage } from '../app/NotFoundPage';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { useMeeting } from './api';
import { AGENDA_PATH } from './paths';
import type { MeetingDetail } from './types';

/**
 * Loads the meeting of the page's `:id`, with the loading, missing and failed states. `signedIn`
 * keys the cache, since a signed-in reader sees more of a meeting than a visitor.
 */
export function MeetingLoader({
  signedIn = true,
  children,
}: {
  signedIn?: boolean;
  children: (meeting: MeetingDetail) => ReactNode;
}) {
  const { id: raw } = useParams();
  const id = Number(raw);
  const valid = Number.isInteger(id) && id >= 1 && id <= 2147483647;
  const meeting = useMeeting(id, signedIn, valid);
  if (!valid) return <NotFoundPage />;
  if (meeting.isError && meeting.error instanceof ApiError && meeting.error.status === 404) {
    return (
      <>
        <title>Bijeenkomst niet gevonden – Spoorboek</title>
        <Heading level={1}>Bijeenkomst niet gevonden</Heading>
        <Paragraph>
          Deze bijeenkomst bestaat niet (meer). Bekijk <AppLink to={AGENDA_PATH}>alle bijeenkomsten</AppLink>.
        </Paragraph>
      </>
    );
  }
  return (
    <>
      <StatusMessage>{meeting.isPending ? 'Bijeenkomst laden…' : ''}</StatusMessage>
      {meeting.isError && <ErrorAlert error={meeting.error} onRetry={() => void meeting.refetch()} />}
      {meeting.data && children(meeting.data)}
    </>
  );
}
