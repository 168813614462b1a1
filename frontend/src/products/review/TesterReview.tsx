import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router-dom';

import { storeAnswer } from '../../app/queryClient';
import { clientErrors, hasErrors, mapErrorToForm } from '../../forms/errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { choiceId, RadioGroup, TextAreaField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { DutchDateTime } from '../../shared/DutchDateTime';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { invalidateProducts, productKeys } from '../api';
import { VERDICT_LABELS } from '../labels';
import type { Product, Review, Verdict } from '../types';
import { giveVerdict, useMyReviews } from './api';

const FIELDS = {
  oordeel: { id: choiceId('oordeel', 'goedgekeurd'), label: 'Uw oordeel' },
  opmerkingen: { id: 'opmerkingen', label: 'Opmerkingen' },
};

function VerdictForm({ product, review }: { product: Product; review: Review }) {
  const queryClient = useQueryClient();
  const [verdict, setVerdict] = useState<Verdict | ''>(review.oordeel ?? '');
  const [comments, setComments] = useState(review.opmerkingen ?? '');
  const [message, setMessage] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const mutation = useMutation({
    mutationFn: (chosen: Verdict) => giveVerdict(product.id, review.id, chosen, comments.trim() || null),
    onMutate: () => setMessage(''),
    onSuccess: async (answered) => {
      clear();
      await storeAnswer<Review[]>(queryClient, productKeys.myReviews, (list) =>
        list?.map((r) => (r.id === answered.id ? answered : r)),
      );
      void invalidateProducts(queryClient);
      setMessage(
        `Uw oordeel is verstuurd: ${answered.oordeel ? VERDICT_LABELS[answered.oordeel] : ''}. U kunt het wijzigen zolang het product in toetsing is.`,
      );
    },
    onError: (error) => show(mapErrorToForm(error, Object.keys(FIELDS))),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors({
      oordeel: !verdict && 'Kies uw oordeel.',
      opmerkingen:
        verdict === 'aanpassingen-nodig' && !comments.trim() && 'Beschrijf welke aanpassingen nodig zijn.',
    });
    if (hasErrors(problems) || !verdict) {
      show(problems);
      return;
    }
    mutation.mutate(verdict);
  };

  return (
    <>
      <ErrorSummary ref={summaryRef} errors={errors} fields={FIELDS} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="toetsen">
        <RadioGroup
          id="oordeel"
          name="oordeel"
          legend="Uw oordeel"
          value={verdict}
          onChange={(value) => setVerdict(value as Verdict)}
          errors={errors.fields.oordeel}
          choices={[
            { value: 'goedgekeurd', label: VERDICT_LABELS.goedgekeurd, description: 'Het product kan zo worden gepubliceerd.' },
            {
              value: 'aanpassingen-nodig',
              label: VERDICT_LABELS['aanpassingen-nodig'],
              description: 'Beschrijf hieronder wat er moet veranderen.',
            },
          ]}
        />
        <TextAreaField
          {...FIELDS.opmerkingen}
          label={verdict === 'aanpassingen-nodig' ? 'Opmerkingen' : 'Opmerkingen (niet verplicht bij goedkeuring)'}
          description="Verplicht als er aanpassingen nodig zijn. De redactie ziet uw opmerkingen."
          required={verdict === 'aanpassingen-nodig'}
          rows={4}
          maxLength={5000}
          value={comments}
          onChange={(event) => setComments(event.target.value)}
          errors={errors.fields.opmerkingen}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
            Oordeel versturen
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
      <StatusMessage>{message}</StatusMessage>
    </>
  );
}

/** The invited tester's part of a product page: their verdict on the draft under review. */
export default function TesterReview({ product }: { product: Product }) {
  const reviews = useMyReviews();
  const { hash } = useLocation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const draft = product.conceptversie;
  const review = reviews.data?.find((r) => r.productId === product.id && r.versie === draft?.nummer);

  // Arriving from Mijn toetsingen (#toetsen): go to this section once it is there.
  useEffect(() => {
    if (hash !== '#toetsen' || !review) return;
    headingRef.current?.scrollIntoView?.({ block: 'start' });
    headingRef.current?.focus();
  }, [hash, review]);

  if (reviews.isError) return <ErrorAlert error={reviews.error} onRetry={() => void reviews.refetch()} />;
  if (!draft || !review) return null;

  return (
    <section aria-labelledby="toetsen" className="spoorboek-section">
      <Heading level={2} id="toetsen" tabIndex={-1} ref={headingRef}>
        Uw toetsing van versie {review.versie}
      </Heading>
      <Paragraph>
        U bent uitgenodigd op <DutchDateTime value={review.uitgenodigdOp} />.
        {review.oordeel && review.beantwoordOp && (
          <>
            {' '}
            Uw laatste oordeel: <strong>{VERDICT_LABELS[review.oordeel]}</strong> (
            <DutchDateTime value={review.beantwoordOp} />
            ).
          </>
        )}
      </Paragraph>
      {product.status === 'in-toetsing' ? (
        <VerdictForm key={review.id} product={product} review={review} />
      ) : (
        <Paragraph>
          U kunt uw oordeel geven zodra de redactie het product ter toetsing aanbiedt. Het concept kunt u nu al
          bekijken.
        </Paragraph>
      )}
    </section>
  );
}
