import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';

import { ApiError } from '../api/problem';
import { storeAnswer } from '../app/queryClient';
import { DutchDateTime } from '../shared/DutchDateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { fetchRatingOfQuestion, rateQuestion, ratingKeys, type AnswerRating, type AnswerRatingWrite } from './ratingApi';
import { RatingForm, RecordedScore, scoreText } from './RatingForm';

/** The team's view: the asker's score, and her comment only when it names no one. */
function TeamView({ rating }: { rating: AnswerRating }) {
  if (rating.score === null) {
    return (
      <Paragraph>
        Nog niet beoordeeld. De vraagsteller kan dat tot <DutchDateTime value={rating.wijzigbaarTot} />.
      </Paragraph>
    );
  }
  return (
    <>
      <Paragraph>
        De vraagsteller gaf dit antwoord <strong>{scoreText(rating.score)}</strong>
        {rating.gewijzigdOp && (
          <>
            {' '}
            (<DutchDateTime value={rating.gewijzigdOp} />)
          </>
        )}
        .
      </Paragraph>
      {rating.toelichting && <Paragraph className="spoorboek-text">Toelichting: {rating.toelichting}</Paragraph>}
      {rating.toelichtingAfgeschermd && (
        <Paragraph className="spoorboek-muted">
          Er is een toelichting, maar die wordt niet getoond: er staan mogelijk persoonsgegevens in.
        </Paragraph>
      )}
    </>
  );
}

function AskerView({ questionId, rating }: { questionId: number; rating: AnswerRating }) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: AnswerRatingWrite) => rateQuestion(questionId, body),
    onSuccess: (saved) => storeAnswer(queryClient, ratingKeys.ofQuestion(questionId), saved),
  });
  return (
    <>
      <RecordedScore rating={rating} />
      <RatingForm id="beoordeling" rating={rating} saving={save.isPending} save={(body) => save.mutateAsync(body)} />
    </>
  );
}

/**
 * The rating of an answered question on its page: the asker rates it (as from the mail's links),
 * the team reads it. A question without a rating (no answer yet, an asker we cannot reach) shows
 * nothing.
 */
export function AnswerRatingSection({ questionId, team }: { questionId: number; team: boolean }) {
  const rating = useQuery({
    queryKey: ratingKeys.ofQuestion(questionId),
    queryFn: ({ signal }) => fetchRatingOfQuestion(questionId, signal),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
  if (rating.isPending || (rating.error instanceof ApiError && rating.error.status === 404)) return null;
  return (
    <section aria-labelledby="beoordeling-kop" className="spoorboek-section">
      <Heading level={2} id="beoordeling-kop">
        Beoordeling van het antwoord
      </Heading>
      {rating.isError && <ErrorAlert error={rating.error} onRetry={() => void rating.refetch()} />}
      {rating.data && (team ? <TeamView rating={rating.data} /> : <AskerView questionId={questionId} rating={rating.data} />)}
    </section>
  );
}
