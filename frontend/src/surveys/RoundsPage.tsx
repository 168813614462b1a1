import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { DataTable } from '../shared/DataTable';
import { DutchDate } from '../shared/DutchDate';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { createRound, roundsQuery, surveyKeys } from './api';
import { percentage, STATUS_LABELS } from './labels';

const FIELDS = {
  titel: { id: 'ronde-titel', label: 'Titel' },
  periode: { id: 'ronde-periode', label: 'Periode' },
  openOp: { id: 'ronde-open-op', label: 'Open vanaf' },
  sluitOp: { id: 'ronde-sluit-op', label: 'Open tot en met' },
  herinnerNaDagen: { id: 'ronde-herinnering', label: 'Herinnering na (dagen)' },
};

const PERIOD = /^\d{4}-(H[12]|Q[1-4]|0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function NewRoundForm() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({ titel: '', periode: '', openOp: '', sluitOp: '', herinnerNaDagen: '7' });
  const { errors, show, clear, summaryRef } = useFormErrors();
  const create = useMutation({
    mutationFn: () =>
      createRound({ ...draft, titel: draft.titel.trim(), herinnerNaDagen: Number(draft.herinnerNaDagen) }),
    onSuccess: (round) => {
      void queryClient.invalidateQueries({ queryKey: surveyKeys.rounds });
      void navigate(`/peilingen/${round.id}`);
    },
    onError: (error) => show(mapErrorToForm(error, Object.keys(FIELDS), { statusFields: { 409: 'periode' } })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors({
      titel: draft.titel.trim().length < 5 && 'Geef een titel van ten minste 5 tekens.',
      periode: !PERIOD.test(draft.periode) && 'Schrijf de periode als 2026-H2, 2026-Q4 of 2026-11.',
      openOp: !DATE.test(draft.openOp) && 'Kies een datum.',
      sluitOp: !DATE.test(draft.sluitOp)
        ? 'Kies een datum.'
        : DATE.test(draft.openOp) && draft.sluitOp <= draft.openOp && 'Kies een sluitingsdatum na de openingsdatum.',
      herinnerNaDagen: !/^\d{1,2}$/.test(draft.herinnerNaDagen) && 'Geef een aantal dagen van 1 tot en met 90.',
    });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    clear();
    create.mutate();
  };
  const field = (name: keyof typeof FIELDS, extra: Record<string, unknown> = {}) => (
    <TextField
      id={FIELDS[name].id}
      label={FIELDS[name].label}
      errors={errors.fields[name]}
      value={draft[name]}
      onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
      {...extra}
    />
  );
  return (
    <section aria-labelledby="nieuwe-ronde">
      <Heading level={2} id="nieuwe-ronde">
        Nieuwe ronde
      </Heading>
      <Paragraph>Een nieuwe ronde wordt pas verstuurd als u dat op haar pagina doet, na het nakijken van de genodigden.</Paragraph>
      <ErrorSummary ref={summaryRef} errors={errors} fields={FIELDS} />
      <form onSubmit={submit} noValidate>
        {field('titel', { maxLength: 200 })}
        {field('periode', { description: 'Bijvoorbeeld 2026-H2 (tweede halfjaar) of 2026-Q4.' })}
        {field('openOp', { type: 'date' })}
        {field('sluitOp', { type: 'date' })}
        {field('herinnerNaDagen', {
          inputMode: 'numeric',
          description: 'Wie dan nog niet antwoordde, krijgt één herinnering.',
        })}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={create.isPending} disabled={create.isPending}>
            Ronde aanmaken
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** /peilingen: the survey's rounds with their response, for editors. */
export default function RoundsPage() {
  const rounds = useQuery(roundsQuery);
  return (
    <>
      <title>Peilingen – Spoorboek</title>
      <Heading level={1}>Peilingen</Heading>
      <Paragraph>
        De periodieke peiling onder gemeentelijke contactpersonen. <AppLink to="/peilingen/vragen">Vragen beheren</AppLink>
      </Paragraph>
      {rounds.isPending && <StatusMessage>Rondes laden…</StatusMessage>}
      {rounds.isError && <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />}
      {rounds.data?.length === 0 && <Paragraph>Er is nog geen ronde.</Paragraph>}
      {rounds.data && rounds.data.length > 0 && (
        <DataTable
          id="peilingrondes"
          caption="Rondes van de peiling"
          columns={['Ronde', 'Periode', 'Open', 'Status', 'Uitgenodigd', 'Respons']}
        >
          {rounds.data.map((r) => (
            <TableRow key={r.id}>
              <TableCell>
                <AppLink to={`/peilingen/${r.id}`}>{r.titel}</AppLink>
              </TableCell>
              <TableCell>{r.periode}</TableCell>
              <TableCell>
                <DutchDate value={r.openOp} /> tot en met <DutchDate value={r.sluitOp} />
              </TableCell>
              <TableCell>{STATUS_LABELS[r.status]}</TableCell>
              <TableCell>{r.uitgenodigd}</TableCell>
              <TableCell>{percentage(r.respons)}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      <NewRoundForm />
    </>
  );
}
