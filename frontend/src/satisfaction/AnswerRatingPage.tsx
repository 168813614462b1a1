import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { storeAnswer } from '../app/queryClient';
import { ErrorAlert } from '../shared/ErrorAlert';
import { Outcome } from '../shared/Outcome';
import { StatusMessage } from '../shared/StatusMessage';
import { fetchRatingByToken, rateByToken, ratingKeys, type AnswerRating, type AnswerRatingWrite } from './ratingApi';
import { RatingForm, RecordedScore, scoreText } from './RatingForm';
import { useRecordLinkScore } from './useRecordLinkScore';

/** What the API accepts as a token; anything else cannot be a link from our mail. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

function scoreFrom(raw: string | null): number | null {
  return raw !== null && /^[1-5]$/.test(raw) ? Number(raw) : null;
}

function isUnknownLink(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}

function UnknownLink() {
  return (
    <Outcome type="warning" title="Deze beoordelingslink kennen we niet">
      <Paragraph>
        De link is niet compleet, of er is een nieuwere e-mail met een nieuwe link. Kopieer de hele link uit de
        nieuwste e-mail en probeer het opnieuw.
      </Paragraph>
    </Outcome>
  );
}

function Rating({ token, rating, chosen }: { token: string; rating: AnswerRating; chosen: number | null }) {
  const queryClient = useQueryClient();
  const [, setParams] = useSearchParams();
  const keep = (saved: AnswerRating) => storeAnswer(queryClient, ratingKeys.byToken(token), saved);
  const first = useMutation({ mutationFn: (body: AnswerRatingWrite) => rateByToken(token, body), onSuccess: keep });
  const save = useMutation({ mutationFn: (body: AnswerRatingWrite) => rateByToken(token, body), onSuccess: keep });
  const body = chosen === null ? null : { score: chosen, toelichting: rating.toelichting };
  const recording = useRecordLinkScore(first, body, rating.wijzigbaar, () => setParams({ token }, { replace: true }));
  if (recording) return <StatusMessage>Uw beoordeling opslaan…</StatusMessage>;
  const current = save.data ?? first.data ?? rating;
  return (
    <>
      {first.isSuccess && !save.data && chosen !== null && (
        <Outcome type="ok" title="Dank u wel">
          <Paragraph>Uw beoordeling is opgeslagen: {scoreText(chosen)}. Hieronder kunt u haar wijzigen.</Paragraph>
        </Outcome>
      )}
      {chosen !== null && !rating.wijzigbaar && (
        <Outcome type="info" title="De termijn om te beoordelen is voorbij">
          <Paragraph>Uw beoordeling blijft zoals ze was.</Paragraph>
        </Outcome>
      )}
      {first.isError && <ErrorAlert error={first.error} />}
      <Paragraph>
        Over het antwoord op uw vraag <strong>{current.onderwerp}</strong> (nummer {current.vraagId}).
      </Paragraph>
      <RecordedScore rating={current} />
      <RatingForm id="beoordeling" rating={current} saving={save.isPending} save={(body) => save.mutateAsync(body)} />
    </>
  );
}

/**
 * /antwoord-beoordelen?token=…&score=4: the page behind the five links of the answer mail,
 * without logging in. It shows the recorded score and lets the asker change it and add a comment.
 */
export default function AnswerRatingPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  // The link's score, as the page was opened: it leaves the address once recorded.
  const [chosen] = useState(() => scoreFrom(params.get('score')));
  const wellFormed = TOKEN.test(token);
  const rating = useQuery({
    queryKey: ratingKeys.byToken(token),
    queryFn: ({ signal }) => fetchRatingByToken(token, signal),
    enabled: wellFormed,
    retry: false,
    staleTime: Infinity,
  });

  let content: ReactNode;
  if (!wellFormed || isUnknownLink(rating.error)) content = <UnknownLink />;
  else if (rating.isPending) content = <StatusMessage>Beoordelingslink controleren…</StatusMessage>;
  else if (rating.isError) content = <ErrorAlert error={rating.error} onRetry={() => void rating.refetch()} />;
  else content = <Rating token={token} rating={rating.data} chosen={chosen} />;

  return (
    <>
      <title>Antwoord beoordelen – Spoorboek</title>
      <Heading level={1}>Antwoord beoordelen</Heading>
      {content}
    </>
  );
}
