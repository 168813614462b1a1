import { useMutation, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import {
  ButtonGroup,
  Heading,
  Paragraph,
  PrimaryActionButton,
  TableCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { DataTable } from '../../shared/DataTable';
import { clientErrors, mapErrorToForm } from '../../forms/errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { useFormErrors } from '../../forms/useFormErrors';
import { DutchDateTime } from '../../shared/DutchDateTime';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { invalidateProducts } from '../api';
import { VERDICT_LABELS } from '../labels';
import { approvalsOfDraft, canInviteTesters } from '../lifecycle';
import type { Product, Review } from '../types';
import { inviteTester, type Person } from './api';
import { ReviewerPicker, reviewerSearchId } from './ReviewerPicker';

const FIELDS = { toetserId: { id: reviewerSearchId('toetser'), label: 'Toetser' } };

function InviteForm({ product, onInvited }: { product: Product; onInvited: (review: Review) => void }) {
  const queryClient = useQueryClient();
  const [tester, setTester] = useState<Person | null>(null);
  // A new picker (empty search) after each invitation.
  const [round, setRound] = useState(0);
  const { errors, show, clear, summaryRef } = useFormErrors();
  const mutation = useMutation({
    mutationFn: (toetserId: number) => inviteTester(product.id, toetserId),
    onSuccess: async (review) => {
      clear();
      setTester(null);
      setRound((n) => n + 1);
      await invalidateProducts(queryClient);
      onInvited(review);
    },
    onError: (error) => show(mapErrorToForm(error, Object.keys(FIELDS), { statusFields: { 409: 'toetserId' } })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!tester) {
      show(clientErrors({ toetserId: 'Zoek en kies een toetser.' }));
      return;
    }
    mutation.mutate(tester.id);
  };
  return (
    <>
      <ErrorSummary ref={summaryRef} errors={errors} fields={FIELDS} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="uitnodigen-kop">
        <ReviewerPicker key={round} id="toetser" value={tester} onChange={setTester} errors={errors.fields.toetserId} />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
            Uitnodigen
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}

function ReviewTable({ reviews }: { reviews: Review[] }) {
  return (
    <DataTable
      id="toetsingen-tabel"
      caption="Alle toetsingen van dit product"
      visibleCaption
      columns={['Toetser', { label: 'Versie', className: 'spoorboek-nowrap' }, 'Uitgenodigd', 'Oordeel', 'Opmerkingen']}
    >
          {reviews.map((review) => (
            <TableRow key={review.id}>
              <TableCell>{review.toetser.naam}</TableCell>
              <TableCell>{review.versie}</TableCell>
              <TableCell>
                <DutchDateTime value={review.uitgenodigdOp} />
              </TableCell>
              <TableCell>
                {review.oordeel ? (
                  <>
                    {VERDICT_LABELS[review.oordeel]}
                    {review.beantwoordOp && (
                      <>
                        {' '}
                        <span className="spoorboek-muted">
                          (<DutchDateTime value={review.beantwoordOp} />)
                        </span>
                      </>
                    )}
                  </>
                ) : (
                  'Nog geen oordeel'
                )}
              </TableCell>
              <TableCell>{review.opmerkingen ?? '–'}</TableCell>
            </TableRow>
          ))}
    </DataTable>
  );
}

/** Who reviews (reviewed) the product, their verdicts, and inviting another tester. */
export function ReviewsSection({ product, reviews }: { product: Product; reviews: UseQueryResult<Review[]> }) {
  const [message, setMessage] = useState('');
  const draft = product.conceptversie;
  return (
    <section aria-labelledby="toetsing-kop" className="spoorboek-section">
      <Heading level={2} id="toetsing-kop">
        Toetsing
      </Heading>
      {reviews.isPending && <StatusMessage>Toetsingen laden…</StatusMessage>}
      {reviews.isError && <ErrorAlert error={reviews.error} onRetry={() => void reviews.refetch()} />}
      {reviews.data && (
        <>
          {draft && (
            <Paragraph>
              Goedkeuringen van conceptversie {draft.nummer}: <strong>{approvalsOfDraft(product, reviews.data)}</strong>.
              Alleen goedkeuringen van deze versie tellen voor publicatie.
            </Paragraph>
          )}
          {reviews.data.length === 0 ? (
            <Paragraph>Er is nog niemand uitgenodigd om dit product te toetsen.</Paragraph>
          ) : (
            <ReviewTable reviews={reviews.data} />
          )}
        </>
      )}
      <StatusMessage>{message}</StatusMessage>
      {canInviteTesters(product.status) ? (
        <>
          <Heading level={3} id="uitnodigen-kop">
            Toetser uitnodigen
          </Heading>
          <Paragraph>
            De toetser krijgt een melding, ziet de uitnodiging onder Mijn toetsingen en kan het concept bekijken. Een oordeel geven kan
            zodra het product in toetsing is.
          </Paragraph>
          <InviteForm
            product={product}
            onInvited={(review) =>
              setMessage(`${review.toetser.naam} is uitgenodigd om versie ${review.versie} te toetsen.`)
            }
          />
        </>
      ) : (
        <Paragraph>Toetsers uitnodigen kan als het product in ontwikkeling of in toetsing is.</Paragraph>
      )}
    </section>
  );
}
