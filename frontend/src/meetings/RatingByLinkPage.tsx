import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { storeAnswer } from '../app/queryClient';
import { RatingForm, RecordedScore, scoreText } from '../satisfaction/RatingForm';
import { useRecordLinkScore } from '../satisfaction/useRecordLinkScore';
import { formatDutchDay } from '../shared/dateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { lookUpRating, meetingKeys, rateMeeting } from './api';
import { mailLinkFrom } from './logic';
import type { MeetingRating } from './types';

function UnknownLink() {
  return (
    <Alert type="warning">
      <Heading level={2}>Deze beoordelingslink kennen we niet</Heading>
      <Paragraph>De link is niet compleet. Kopieer de hele link uit de e-mail en probeer het opnieuw.</Paragraph>
    </Alert>
  );
}

function Rating({ token, rating, chosen }: { token: string; rating: MeetingRating; chosen: number | null }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const keep = (saved: MeetingRating) => storeAnswer(queryClient, meetingKeys.ratingByToken(token), saved);
  const write = (score: number, toelichting: string | null) => rateMeeting(token, score, toelichting);
  const first = useMutation({ mutationFn: (score: number) => write(score, rating.toelichting), onSuccess: keep });
  const save = useMutation({
    mutationFn: ({ score, toelichting }: { score: number; toelichting?: string | null }) => write(score, toelichting ?? null),
    onSuccess: keep,
  });
  const recording = useRecordLinkScore(first, chosen, rating.wijzigbaar, () => void navigate({ hash: `token=${token}` }, { replace: true }));
  if (recording) return <StatusMessage>Uw beoordeling opslaan…</StatusMessage>;
  return (
    <>
      {first.isSuccess && !save.data && chosen !== null && (
        <Alert type="ok">
          <Heading level={2}>Dank u wel</Heading>
          <Paragraph>Uw beoordeling is opgeslagen: {scoreText(chosen)}. Hieronder kunt u haar wijzigen en toelichten.</Paragraph>
        </Alert>
      )}
      {chosen !== null && !rating.wijzigbaar && (
        <Alert type="info">
          <Heading level={2}>De termijn om te beoordelen is voorbij</Heading>
          <Paragraph>Uw beoordeling blijft zoals ze was.</Paragraph>
        </Alert>
      )}
      {first.isError && <ErrorAlert error={first.error} />}
      <Paragraph>
        Over de bijeenkomst <strong>{rating.bijeenkomst.titel}</strong> van {formatDutchDay(rating.bijeenkomst.begin)}.
      </Paragraph>
      <RecordedScore rating={rating} subject="deze bijeenkomst" />
      <RatingForm
        id="beoordeling"
        rating={rating}
        saving={save.isPending}
        save={(body) => save.mutateAsync(body)}
        label="Bijeenkomst beoordelen"
        legend="Hoe nuttig was deze bijeenkomst?"
      />
    </>
  );
}

/** /bijeenkomst-beoordelen#token=…&score=4: the five links of the mail after a meeting, without logging in. */
export default function RatingByLinkPage() {
  const { hash } = useLocation();
  // The link as the page was opened: the score leaves the fragment once recorded.
  const [link] = useState(() => mailLinkFrom(hash));
  const token = link.token;
  const rating = useQuery({
    queryKey: meetingKeys.ratingByToken(token ?? ''),
    queryFn: () => lookUpRating(token ?? ''),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
  });

  let content: ReactNode;
  if (token === null || (rating.error instanceof ApiError && [400, 404].includes(rating.error.status))) content = <UnknownLink />;
  else if (rating.isPending) content = <StatusMessage>Beoordelingslink controleren…</StatusMessage>;
  else if (rating.isError) content = <ErrorAlert error={rating.error} onRetry={() => void rating.refetch()} />;
  else content = <Rating token={token} rating={rating.data} chosen={link.score} />;

  return (
    <>
      <title>Bijeenkomst beoordelen – Spoorboek</title>
      <Heading level={1}>Bijeenkomst beoordelen</Heading>
      {content}
    </>
  );
}
