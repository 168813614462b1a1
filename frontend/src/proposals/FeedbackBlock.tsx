import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, SecondaryActionButton } from '@utrecht/component-library-react';
import { useState } from 'react';

import { storeAnswer } from '../app/queryClient';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { castVote, fetchVotes, proposalKeys } from './api';
import { ProposalForm } from './ProposalForm';
import './proposals.css';
import { partOf } from '../shared/dutch';

function UsefulVote({ productId, version }: { productId: number; version: number }) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const votes = useQuery({ queryKey: proposalKeys.votes(productId), queryFn: ({ signal }) => fetchVotes(productId, signal) });
  const vote = useMutation({
    mutationFn: (useful: boolean) => castVote(productId, useful, votes.data?.versie ?? version),
    onMutate: () => setMessage(''),
    onSuccess: async (tally) => {
      await storeAnswer(queryClient, proposalKeys.votes(productId), tally);
      setMessage(
        `Dank u. Uw antwoord "${tally.mijnStem ? 'ja' : 'nee'}" is vastgelegd voor versie ${tally.versie}. U kunt het nog wijzigen.`,
      );
    },
  });
  const tally = votes.data;
  const mine = tally?.mijnStem ?? null;
  return (
    <div className="spoorboek-vote">
      <Heading level={3} id="nuttig-kop">
        Was dit nuttig?
      </Heading>
      {tally && mine !== null && (
        <Paragraph>
          U antwoordde: <strong>{mine ? 'ja' : 'nee'}</strong>. Kies opnieuw om uw antwoord te wijzigen.
        </Paragraph>
      )}
      <ButtonGroup aria-labelledby="nuttig-kop" role="group">
        {[true, false].map((useful) => (
          <SecondaryActionButton
            key={String(useful)}
            type="button"
            aria-pressed={mine === useful}
            busy={vote.isPending && vote.variables === useful}
            disabled={vote.isPending || !tally}
            onClick={() => vote.mutate(useful)}
          >
            {useful ? 'Ja' : 'Nee'}
          </SecondaryActionButton>
        ))}
      </ButtonGroup>
      {tally && (
        <Paragraph className="spoorboek-muted">
          {tally.aantalJa + tally.aantalNee === 0
            ? `Nog niemand beantwoordde dit voor versie ${tally.versie}.`
            : `${partOf(tally.aantalJa, tally.aantalJa + tally.aantalNee, 'bezoeker', 'bezoekers', 'vond', 'vonden')} versie ${tally.versie} nuttig.`}
        </Paragraph>
      )}
      <StatusMessage>{message}</StatusMessage>
      {votes.error && <ErrorAlert error={votes.error} onRetry={() => void votes.refetch()} />}
      {vote.error && <ErrorAlert error={vote.error} />}
    </div>
  );
}

/**
 * The feedback block on a published product: "Was dit nuttig?" (one answer per browser or
 * account, which can be changed) and a form for an improvement proposal about the version shown.
 */
export function FeedbackBlock({ productId, version, signedIn }: { productId: number; version: number; signedIn: boolean }) {
  return (
    <section aria-labelledby="feedback-kop" className="spoorboek-section spoorboek-feedback">
      <Heading level={2} id="feedback-kop">
        Uw mening over dit product
      </Heading>
      <UsefulVote productId={productId} version={version} />
      <ProposalForm productId={productId} version={version} signedIn={signedIn} />
    </section>
  );
}
