import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, PrimaryActionButton, SelectOption } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { isConflict } from '../api/problem';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { SelectField, TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { StatusMessage } from '../shared/StatusMessage';
import { ictKeys, reportReadiness } from './api';
import { isDated, readinessProblems, reportBody, STATUS_LABELS, statusLabel, STATUSES, type ReadinessValues } from './labels';
import type { Readiness } from './types';

const FIELDS = {
  maatregel: { id: 'gereedheid-maatregel', label: 'Maatregel' },
  status: { id: 'gereedheid-status', label: 'Status' },
  release: { id: 'gereedheid-release', label: 'Release' },
  datum: { id: 'gereedheid-datum', label: 'Datum' },
};
const FIELD_NAMES = ['maatregel', 'status', 'release', 'datum'];

function valuesOf(readiness: Readiness | undefined): ReadinessValues {
  return { status: readiness?.status ?? '', release: readiness?.release ?? '', datum: readiness?.datum ?? '' };
}

/**
 * Reports a new readiness of one application for one measure, on behalf of its supplier. Sent
 * with the version the page shows (If-Match): when the supplier reported meanwhile (412), the
 * page shows the newest state and the form keeps what was typed.
 */
export function ReadinessForm({ applicationId, readiness, onStale }: { applicationId: number; readiness: Readiness[]; onStale: () => void }) {
  const queryClient = useQueryClient();
  const [measure, setMeasure] = useState(readiness[0]?.maatregel.code ?? '');
  const current = readiness.find((entry) => entry.maatregel.code === measure);
  const [values, setValues] = useState<ReadinessValues>(() => valuesOf(current));
  const [message, setMessage] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();

  const report = useMutation({
    mutationFn: (body: ReturnType<typeof reportBody>) => reportReadiness(applicationId, measure, current?.versie ?? 0, body),
    onMutate: () => {
      clear();
      setMessage('');
    },
    onSuccess: async (saved) => {
      setMessage(`De gereedheid voor ${saved.maatregel.code} is gemeld: ${statusLabel(saved.status).toLowerCase()}.`);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ictKeys.all }),
        queryClient.invalidateQueries({ queryKey: ictKeys.publicFigures }),
      ]);
    },
    onError: (error) => {
      if (isConflict(error)) {
        onStale();
        void queryClient.invalidateQueries({ queryKey: ictKeys.readiness(applicationId) });
        return;
      }
      show(mapErrorToForm(error, FIELD_NAMES));
    },
  });

  const set = (name: keyof ReadinessValues, value: string) => setValues((before) => ({ ...before, [name]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors({ maatregel: !measure && 'Kies een maatregel.', ...readinessProblems(values) });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    report.mutate(reportBody(values));
  };

  const dated = isDated(values.status);
  return (
    <section aria-labelledby="melden-kop" className="spoorboek-section">
      <Heading level={2} id="melden-kop">
        Gereedheid melden
      </Heading>
      <ErrorSummary ref={summaryRef} errors={errors} fields={FIELDS} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="melden-kop">
        <SelectField
          {...FIELDS.maatregel}
          value={measure}
          onChange={(event) => {
            const next = event.target.value;
            setMeasure(next);
            setValues(valuesOf(readiness.find((entry) => entry.maatregel.code === next)));
            clear();
            setMessage('');
          }}
          errors={errors.fields.maatregel}
        >
          {readiness.map((entry) => (
            <SelectOption key={entry.maatregel.code} value={entry.maatregel.code}>
              {entry.maatregel.code} {entry.maatregel.naam}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField
          {...FIELDS.status}
          value={values.status}
          onChange={(event) => set('status', event.target.value)}
          errors={errors.fields.status}
        >
          <SelectOption value="">Kies een status</SelectOption>
          {STATUSES.map((status) => (
            <SelectOption key={status} value={status}>
              {STATUS_LABELS[status]}
            </SelectOption>
          ))}
        </SelectField>
        <TextField
          {...FIELDS.release}
          description="De naam of het nummer van de release, bijvoorbeeld 2027.1. Verplicht bij gepland en beschikbaar."
          value={values.release}
          maxLength={100}
          onChange={(event) => set('release', event.target.value)}
          errors={errors.fields.release}
        />
        <TextField
          {...FIELDS.datum}
          type="date"
          description={
            dated
              ? 'Gepland: de datum waarop de release komt. Beschikbaar: de datum waarop zij beschikbaar kwam.'
              : 'Alleen bij gepland en beschikbaar.'
          }
          value={dated ? values.datum : ''}
          disabled={!dated}
          onChange={(event) => set('datum', event.target.value)}
          errors={errors.fields.datum}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={report.isPending} disabled={report.isPending || readiness.length === 0}>
            Gereedheid melden
          </PrimaryActionButton>
        </ButtonGroup>
        <StatusMessage>{message}</StatusMessage>
      </form>
    </section>
  );
}
