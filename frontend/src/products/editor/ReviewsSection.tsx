import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import {
  ButtonGroup,
  Heading,
  Paragraph,
  PrimaryActionButton,
  SelectOption,
  TableCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { DataTable } from '../../shared/DataTable';
import { hasRole, useCurrentUser } from '../../auth/session';
import { clientErrors, hasErrors, mapErrorToForm } from '../../forms/errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { SelectField, TextField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { DutchDateTime } from '../../shared/DutchDateTime';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { invalidateProducts } from '../api';
import { VERDICT_LABELS } from '../labels';
import { approvalsOfDraft, canInviteTesters } from '../lifecycle';
import type { Product, Review } from '../types';
import { fetchTesters, inviteTester } from './api';

const FIELDS = { toetserId: { id: 'toetser', label: 'Toetser' } };

/** Admins choose from the municipal contacts; other editors cannot list users and give the number. */
function TesterInput({
  value,
  onChange,
  errors,
  canList,
}: {
  value: string;
  onChange: (value: string) => void;
  errors: string[] | undefined;
  canList: boolean;
}) {
  const testers = useQuery({
    queryKey: ['prive', 'gebruikers', 'toetsers'],
    queryFn: ({ signal }) => fetchTesters(signal),
    enabled: canList,
  });
  if (!canList) {
    return (
      <TextField
        id={FIELDS.toetserId.id}
        label="Gebruikersnummer van de toetser"
        description="Een actieve gemeentelijke contactpersoon. Het nummer staat bij de gebruiker in Beheer (vraag het een beheerder), bijvoorbeeld 3 in /beheer/gebruikers/3."
        inputMode="numeric"
        pattern="[0-9]*"
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        errors={errors}
      />
    );
  }
  return (
    <SelectField
      id={FIELDS.toetserId.id}
      label="Toetser"
      description="Een actieve gemeentelijke contactpersoon."
      value={value}
      busy={testers.isPending}
      errors={[...(testers.isError ? ['De lijst met toetsers kon niet worden geladen.'] : []), ...(errors ?? [])]}
      onChange={(event) => onChange(event.target.value)}
    >
      <SelectOption value="">Kies een toetser</SelectOption>
      {testers.data?.map((user) => (
        <SelectOption key={user.id} value={String(user.id)}>
          {user.naam} ({user.gemeenten.map((m) => m.naam).join(', ') || user.email})
        </SelectOption>
      ))}
    </SelectField>
  );
}

function InviteForm({ product, onInvited }: { product: Product; onInvited: (review: Review) => void }) {
  const queryClient = useQueryClient();
  const canList = hasRole(useCurrentUser(), 'beheerder');
  const [tester, setTester] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const mutation = useMutation({
    mutationFn: (toetserId: number) => inviteTester(product.id, toetserId),
    onSuccess: async (review) => {
      clear();
      setTester('');
      await invalidateProducts(queryClient);
      onInvited(review);
    },
    onError: (error) => show(mapErrorToForm(error, Object.keys(FIELDS), { statusFields: { 409: 'toetserId' } })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = Number(tester.trim());
    const problems = clientErrors({
      toetserId: !tester.trim()
        ? canList
          ? 'Kies een toetser.'
          : 'Vul het gebruikersnummer van de toetser in.'
        : !(Number.isInteger(id) && id >= 1) && 'Een gebruikersnummer bestaat alleen uit cijfers, zoals 3.',
    });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    mutation.mutate(id);
  };
  return (
    <>
      <ErrorSummary ref={summaryRef} errors={errors} fields={FIELDS} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="uitnodigen-kop">
        <TesterInput value={tester} onChange={setTester} errors={errors.fields.toetserId} canList={canList} />
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
            De toetser ziet de uitnodiging onder Mijn toetsingen en kan het concept bekijken. Een oordeel geven kan
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
