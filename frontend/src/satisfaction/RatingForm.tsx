import { ButtonGroup, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { clientErrors, mapErrorToForm } from '../forms/errors';
import { RadioGroup, TextAreaField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { DutchDateTime } from '../shared/DutchDateTime';
import { StatusMessage } from '../shared/StatusMessage';
import { MAX_COMMENT, SCORE_LABELS, type AnswerRating, type AnswerRatingWrite } from './ratingApi';

const SCORES = [1, 2, 3, 4, 5];
const CHOICES = SCORES.map((score) => ({ value: String(score), label: `${score} – ${SCORE_LABELS[score]}` }));

/** What the form and the recorded score read of a rating: an answer's or a meeting's. */
export type RatingState = Pick<AnswerRating, 'score' | 'toelichting' | 'wijzigbaar' | 'wijzigbaarTot'>;

export function scoreText(score: number): string {
  return `${score} van 5 (${SCORE_LABELS[score] ?? ''})`;
}

/** What she gave, said in words; and until when she may change it. */
export function RecordedScore({ rating, subject = 'dit antwoord' }: { rating: RatingState; subject?: string }) {
  if (rating.score === null) return <Paragraph>U heeft {subject} nog niet beoordeeld.</Paragraph>;
  return (
    <Paragraph>
      Uw beoordeling: <strong>{scoreText(rating.score)}</strong>.
      {rating.wijzigbaar ? (
        <>
          {' '}
          U kunt haar wijzigen tot <DutchDateTime value={rating.wijzigbaarTot} />.
        </>
      ) : (
        ' De termijn om te wijzigen is voorbij.'
      )}
    </Paragraph>
  );
}

interface RatingFormProps {
  /** Prefix of the fields' ids, so two forms never share one. */
  id: string;
  rating: RatingState;
  saving: boolean;
  save: (body: AnswerRatingWrite) => Promise<RatingState>;
  /** The form's name and the score's question, for what is rated. */
  label?: string;
  legend?: string;
}

/** The score (1–5) and an optional comment, for the asker herself; saved with a PUT. */
export function RatingForm({
  id,
  rating,
  saving,
  save,
  label = 'Antwoord beoordelen',
  legend = 'Hoe nuttig was dit antwoord?',
}: RatingFormProps) {
  const [score, setScore] = useState(rating.score === null ? '' : String(rating.score));
  const [comment, setComment] = useState(rating.toelichting ?? '');
  const [message, setMessage] = useState('');
  const { errors, show, clear } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    if (!score) {
      show(clientErrors({ score: 'Kies een cijfer van 1 tot 5.' }));
      document.getElementById(`${id}-score-1`)?.focus();
      return;
    }
    try {
      const saved = await save({ score: Number(score), toelichting: comment.trim() || null });
      clear();
      setMessage(`Opgeslagen: ${scoreText(saved.score ?? Number(score))}.`);
    } catch (error) {
      // 409: the window closed while the page was open; the detail says until when it was.
      show(mapErrorToForm(error, ['score', 'toelichting'], { statusFields: { 409: 'score' } }));
    }
  };

  if (!rating.wijzigbaar) {
    return rating.toelichting ? (
      <Paragraph className="spoorboek-text">Uw toelichting: {rating.toelichting}</Paragraph>
    ) : null;
  }
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="spoorboek-form" aria-label={label}>
      <RadioGroup
        id={`${id}-score`}
        name={`${id}-score`}
        legend={legend}
        description="1 is niet nuttig, 5 is zeer nuttig."
        value={score}
        onChange={setScore}
        choices={CHOICES}
        errors={errors.fields.score ?? (errors.general.length ? errors.general : undefined)}
      />
      <TextAreaField
        id={`${id}-toelichting`}
        label="Toelichting (niet verplicht)"
        description="Wat hielp u, of wat miste u? Noem geen namen: het programmateam leest mee."
        rows={3}
        maxLength={MAX_COMMENT}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        errors={errors.fields.toelichting}
      />
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={saving} disabled={saving}>
          Beoordeling opslaan
        </PrimaryActionButton>
      </ButtonGroup>
      <StatusMessage>{message}</StatusMessage>
    </form>
  );
}
