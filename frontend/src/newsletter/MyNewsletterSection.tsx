import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, SecondaryActionButton } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

import { ApiError } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { storeAnswer } from '../app/queryClient';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { fetchMine, newsletterKeys, setMine, stopMine, type Subscription } from './api';
import { ChoicesForm } from './ChoicesForm';
import { ARCHIVE_PATH } from './paths';
import { SubscriptionFacts } from './SubscriptionFacts';

/** No subscription yet is a 404, which is not an error here. */
async function fetchMineOrNone(signal?: AbortSignal): Promise<Subscription | null> {
  try {
    return await fetchMine(signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

function Stop() {
  const queryClient = useQueryClient();
  const stop = useMutation({
    mutationFn: stopMine,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: newsletterKeys.mine }),
  });
  return (
    <>
      {stop.isError && <ErrorAlert error={stop.error} />}
      <ButtonGroup>
        <SecondaryActionButton type="button" busy={stop.isPending} disabled={stop.isPending} onClick={() => stop.mutate()}>
          Nieuwsbrief stoppen
        </SecondaryActionButton>
      </ButtonGroup>
    </>
  );
}

/**
 * The nieuwsbrief for the account's own address under Mijn account: no confirmation mail, as
 * the address is known to be hers.
 */
export function MyNewsletterSection() {
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: newsletterKeys.mine, queryFn: ({ signal }) => fetchMineOrNone(signal) });
  const active = mine.data?.status === 'actief';

  let content: ReactNode;
  if (mine.isPending) content = <StatusMessage>Nieuwsbrief laden…</StatusMessage>;
  else if (mine.isError) content = <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />;
  else
    content = (
      <>
        {mine.data ? (
          <SubscriptionFacts subscription={mine.data} />
        ) : (
          <Paragraph>U krijgt de nieuwsbrief nu niet. Kies hieronder wat u wilt ontvangen op het adres van uw account.</Paragraph>
        )}
        <ChoicesForm
          prefix="mijn-nieuwsbrief"
          subscription={mine.data}
          save={setMine}
          onSaved={(saved) => storeAnswer(queryClient, newsletterKeys.mine, saved)}
          submitLabel={active ? 'Keuze opslaan' : 'Nieuwsbrief ontvangen'}
          savedText={active ? 'Uw keuze is opgeslagen.' : 'U krijgt de nieuwsbrief vanaf de volgende editie.'}
        />
        {active && <Stop />}
      </>
    );

  return (
    <section aria-labelledby="nieuwsbrief-kop" className="spoorboek-section">
      <Heading level={2} id="nieuwsbrief-kop">
        Nieuwsbrief
      </Heading>
      <Paragraph>
        De nieuwsbrief van het programma, op het adres van uw account. Eerdere edities staan in het{' '}
        <AppLink to={ARCHIVE_PATH}>archief</AppLink>.
      </Paragraph>
      {content}
    </section>
  );
}
