import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Code, Heading, Paragraph, PrimaryActionButton, SecondaryActionButton } from '@utrecht/component-library-react';
import { useState } from 'react';

import { ApiError } from '../api/problem';
import { storeAnswer } from '../app/queryClient';
import { UNREACHABLE } from '../forms/errors';
import { CopyButton } from '../shared/CopyButton';
import { DutchDateTime } from '../shared/DutchDateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { feedQuery, meetingKeys, removeFeed, renewFeed } from './api';
import type { CalendarFeed } from './types';

function failure(error: unknown): string {
  return error instanceof ApiError ? (error.detail ?? error.title) : UNREACHABLE;
}

/**
 * Her personal calendar feed: the meetings she is registered for, join links included, at a
 * secret address. The server keeps only a hash, so the address is shown once, when it is made;
 * renewing makes a new one and kills the old (that is how a leaked link is revoked).
 */
export function CalendarFeedSection() {
  const queryClient = useQueryClient();
  const feed = useQuery(feedQuery);
  const [message, setMessage] = useState('');
  const renew = useMutation({
    mutationFn: renewFeed,
    onMutate: () => (feed.data?.actief ? 'vernieuwd' : 'gemaakt'),
    onSuccess: async (next, _, how) => {
      await storeAnswer<CalendarFeed>(queryClient, meetingKeys.feed, next);
      setMessage(
        how === 'vernieuwd'
          ? 'Uw nieuwe agenda-link staat hieronder. De oude link werkt niet meer.'
          : 'Uw agenda-link staat hieronder.',
      );
    },
    onError: (error) => setMessage(`Dat lukte niet: ${failure(error)}`),
  });
  const remove = useMutation({
    mutationFn: removeFeed,
    onSuccess: async () => {
      await storeAnswer<CalendarFeed>(queryClient, meetingKeys.feed, { url: null, actief: false, aangemaaktOp: null });
      setMessage('Uw agenda-link is verwijderd. Agenda-apps die hem gebruikten, krijgen geen bijeenkomsten meer.');
    },
    onError: (error) => setMessage(`Dat lukte niet: ${failure(error)}`),
  });
  const busy = renew.isPending || remove.isPending;
  const data = feed.data;
  return (
    <section aria-labelledby="agenda-link-kop" className="spoorboek-section">
      <Heading level={2} id="agenda-link-kop">
        Mijn bijeenkomsten in uw agenda-app
      </Heading>
      <Paragraph>
        Met een persoonlijke agenda-link ziet u de bijeenkomsten waarvoor u bent aangemeld in Outlook, Google Agenda of
        Apple Agenda, met de link om deel te nemen. Deel de link met niemand: wie hem heeft, ziet uw bijeenkomsten.
      </Paragraph>
      <StatusMessage>{feed.isPending ? 'Agenda-link laden…' : message}</StatusMessage>
      {feed.isError && <ErrorAlert error={feed.error} onRetry={() => void feed.refetch()} />}
      {data && !data.actief && (
        <>
          <Paragraph>U heeft nog geen agenda-link.</Paragraph>
          <ButtonGroup>
            <PrimaryActionButton type="button" busy={renew.isPending} disabled={busy} onClick={() => renew.mutate()}>
              Agenda-link maken
            </PrimaryActionButton>
          </ButtonGroup>
        </>
      )}
      {data?.actief && (
        <>
          {data.url ? (
            <>
              <Paragraph className="spoorboek-feed-url">
                Uw agenda-link: <Code>{data.url}</Code>
              </Paragraph>
              <CopyButton value={data.url} label="Agenda-link kopiëren" />
              <Paragraph>
                Zet de link nu in uw agenda-app: we tonen hem maar één keer. Kwijt? Vernieuw hem dan.
              </Paragraph>
            </>
          ) : (
            <Paragraph>
              U heeft een agenda-link
              {data.aangemaaktOp && (
                <>
                  {' '}
                  sinds <DutchDateTime value={data.aangemaaktOp} />
                </>
              )}
              . We tonen hem maar één keer, toen hij werd gemaakt; kwijt? Vernieuw hem.
            </Paragraph>
          )}
          <Paragraph>Vernieuwen maakt de oude link ongeldig: zet daarna de nieuwe link in uw agenda-app.</Paragraph>
          <ButtonGroup>
            <SecondaryActionButton type="button" busy={renew.isPending} disabled={busy} onClick={() => renew.mutate()}>
              Agenda-link vernieuwen
            </SecondaryActionButton>
            <SecondaryActionButton type="button" busy={remove.isPending} disabled={busy} onClick={() => remove.mutate()}>
              Agenda-link verwijderen
            </SecondaryActionButton>
          </ButtonGroup>
        </>
      )}
    </section>
  );
}
