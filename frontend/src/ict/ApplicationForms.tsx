import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { isConflict } from '../api/problem';
import { clientErrors, hasErrors, mapErrorToForm, type FormErrors } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { CheckboxGroup, choiceId, TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { StatusMessage } from '../shared/StatusMessage';
import { changeApplication, createApplication, ictKeys } from './api';
import { DOMAIN_LABELS, DOMAINS } from './labels';
import type { Application, Domain } from './types';

interface ApplicationValues {
  naam: string;
  domeinen: Domain[];
}

const FIELD_NAMES = ['naam', 'domeinen'];
// A name the supplier already uses is a 409 without invalidParams: it belongs at the name.
const MAP_OPTIONS = { statusFields: { 409: 'naam' } };

function fieldsOf(prefix: string) {
  return {
    naam: { id: `${prefix}-naam`, label: 'Naam' },
    domeinen: { id: choiceId(`${prefix}-domeinen`, DOMAINS[0] ?? 'inkomen'), label: 'Domeinen' },
  };
}

/** The browser's own checks; the API checks the same and more (length, control characters, a name in use). */
export function applicationProblems(values: ApplicationValues): FormErrors {
  return clientErrors({
    naam: !values.naam.trim() && 'Geef de naam van de applicatie op.',
    domeinen: values.domeinen.length === 0 && 'Kies minstens één domein.',
  });
}

/** The domains in the API's fixed order, whatever order they were ticked in. */
function ordered(domains: Domain[]): Domain[] {
  return DOMAINS.filter((domain) => domains.includes(domain));
}

function ApplicationFields({
  prefix,
  values,
  errors,
  onChange,
}: {
  prefix: string;
  values: ApplicationValues;
  errors: FormErrors;
  onChange: (values: ApplicationValues) => void;
}) {
  const fields = fieldsOf(prefix);
  return (
    <>
      <TextField
        {...fields.naam}
        description="De naam van het softwarepakket, uniek bij deze leverancier."
        value={values.naam}
        maxLength={200}
        autoComplete="off"
        onChange={(event) => onChange({ ...values, naam: event.target.value })}
        errors={errors.fields.naam}
      />
      <CheckboxGroup
        id={`${prefix}-domeinen`}
        legend="Domeinen"
        description="De domeinen waarvoor gemeenten deze applicatie gebruiken."
        choices={DOMAINS.map((domain) => ({ value: domain, label: DOMAIN_LABELS[domain] }))}
        value={values.domeinen}
        onChange={(value) => onChange({ ...values, domeinen: value as Domain[] })}
        errors={errors.fields.domeinen}
      />
    </>
  );
}

const EMPTY: ApplicationValues = { naam: '', domeinen: [] };

/** Adds an application to a supplier's catalogue (editors); the list above it shows it at once. */
export function NewApplicationForm({ supplier }: { supplier: { code: string; naam: string } }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ApplicationValues>(EMPTY);
  const [message, setMessage] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();

  const create = useMutation({
    mutationFn: (body: ApplicationValues) => createApplication({ ...body, leverancier: supplier.code }),
    onMutate: () => {
      clear();
      setMessage('');
    },
    onSuccess: async (saved) => {
      setValues(EMPTY);
      setMessage(`De applicatie ${saved.naam} is toegevoegd aan ${supplier.naam}.`);
      await queryClient.invalidateQueries({ queryKey: ictKeys.all });
    },
    onError: (error) => show(mapErrorToForm(error, FIELD_NAMES, MAP_OPTIONS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = applicationProblems(values);
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    create.mutate({ naam: values.naam.trim(), domeinen: ordered(values.domeinen) });
  };

  return (
    <section aria-labelledby="nieuwe-applicatie-kop" className="spoorboek-section">
      <Heading level={2} id="nieuwe-applicatie-kop">
        Nieuwe applicatie
      </Heading>
      <Paragraph>Meestal maakt de import uit de softwarecatalogus applicaties aan; hier voegt u er één met de hand toe.</Paragraph>
      <ErrorSummary ref={summaryRef} errors={errors} fields={fieldsOf('nieuw')} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="nieuwe-applicatie-kop">
        <ApplicationFields prefix="nieuw" values={values} errors={errors} onChange={setValues} />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={create.isPending} disabled={create.isPending}>
            Applicatie toevoegen
          </PrimaryActionButton>
        </ButtonGroup>
        <StatusMessage>{message}</StatusMessage>
      </form>
    </section>
  );
}

/**
 * Renames an application or changes its domains (editors), sent with the ETag the page loaded
 * (If-Match): when a colleague changed it meanwhile (412), the page shows the newest state and
 * the form keeps what was typed.
 */
export function ChangeApplicationForm({ application, etag, onStale }: { application: Application; etag: string; onStale: () => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ApplicationValues>({ naam: application.naam, domeinen: application.domeinen });
  const [message, setMessage] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();

  const change = useMutation({
    mutationFn: (body: ApplicationValues) => changeApplication(application.id, etag, body),
    onMutate: () => {
      clear();
      setMessage('');
    },
    onSuccess: async (saved) => {
      setMessage(`De wijziging is opgeslagen: ${saved.naam}, ${saved.domeinen.map((domain) => DOMAIN_LABELS[domain].toLowerCase()).join(', ')}.`);
      await queryClient.invalidateQueries({ queryKey: ictKeys.all });
    },
    onError: (error) => {
      if (isConflict(error)) {
        onStale();
        void queryClient.invalidateQueries({ queryKey: ictKeys.application(application.id) });
        return;
      }
      show(mapErrorToForm(error, FIELD_NAMES, MAP_OPTIONS));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = applicationProblems(values);
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    change.mutate({ naam: values.naam.trim(), domeinen: ordered(values.domeinen) });
  };

  return (
    <section aria-labelledby="applicatie-wijzigen-kop" className="spoorboek-section">
      <Heading level={2} id="applicatie-wijzigen-kop">
        Naam en domeinen wijzigen
      </Heading>
      <ErrorSummary ref={summaryRef} errors={errors} fields={fieldsOf('wijzigen')} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="applicatie-wijzigen-kop">
        <ApplicationFields prefix="wijzigen" values={values} errors={errors} onChange={setValues} />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={change.isPending} disabled={change.isPending}>
            Wijziging opslaan
          </PrimaryActionButton>
        </ButtonGroup>
        <StatusMessage>{message}</StatusMessage>
      </form>
    </section>
  );
}
