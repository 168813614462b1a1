import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { useCurrentUser } from '../auth/session';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { MunicipalitySelect } from '../shared/MunicipalitySelect';
import { StatusMessage } from '../shared/StatusMessage';
import { meetingKeys, register } from './api';
import { registrationProblems } from './logic';
import type { CodeName, Registration, RegistrationCreate } from './types';

/** What happened, in a sentence for the status region. */
export function registeredText(registration: Registration, colleague: boolean): string {
  const who = colleague ? `${registration.naam} is` : 'U bent';
  if (registration.status === 'wachtlijst') {
    const place = registration.plaatsOpWachtlijst ? ` (plaats ${registration.plaatsOpWachtlijst})` : '';
    return `De bijeenkomst is vol. ${who} op de wachtlijst gezet${place}; bij een vrijgekomen plaats volgt een e-mail.`;
  }
  return `${who} aangemeld. De bevestiging met een agenda-uitnodiging (.ics) is per e-mail verstuurd.`;
}

/** The municipalities she may register for: all of a contact's, none for others. */
export function useOwnMunicipalities(): CodeName[] {
  return useCurrentUser()?.gemeenten ?? [];
}

/**
 * Registers herself (a button, and the municipality when she is the contact of several) or a
 * colleague of her municipality (name and e-mail; no account needed).
 */
export function RegistrationForm({ meetingId, colleague }: { meetingId: number; colleague: boolean }) {
  const queryClient = useQueryClient();
  const municipalities = useOwnMunicipalities();
  const chooseMunicipality = municipalities.length > 1;
  const prefix = colleague ? 'collega' : 'zelf';
  const fields = {
    naam: { id: `${prefix}-naam`, label: 'Naam' },
    email: { id: `${prefix}-email`, label: 'E-mailadres' },
    gemeente: { id: `${prefix}-gemeente`, label: 'Gemeente' },
  };
  const [values, setValues] = useState({ naam: '', email: '', gemeente: '' });
  const [message, setMessage] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  const mutation = useMutation({
    mutationFn: (body: RegistrationCreate) => register(meetingId, body),
    onSuccess: async (registration) => {
      clear();
      setMessage(registeredText(registration, colleague));
      if (colleague) setValues((current) => ({ ...current, naam: '', email: '' }));
      await queryClient.invalidateQueries({ queryKey: meetingKeys.private });
    },
    // 409: full without waiting list, closed, or registered already: the detail says which.
    onError: (error) => show(mapErrorToForm(error, Object.keys(fields))),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    const problems = clientErrors(registrationProblems({ colleague, chooseMunicipality, ...values }));
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    const body: RegistrationCreate = {};
    if (colleague) {
      body.naam = values.naam.trim();
      body.email = values.email.trim();
    }
    if (chooseMunicipality) body.gemeente = values.gemeente;
    mutation.mutate(body);
  };

  return (
    <form noValidate onSubmit={submit} className="spoorboek-form" aria-label={colleague ? 'Collega aanmelden' : 'Aanmelden'}>
      <ErrorSummary ref={summaryRef} errors={errors} fields={fields} />
      {colleague && (
        <>
          <TextField
            id={fields.naam.id}
            label={fields.naam.label}
            autoComplete="off"
            value={values.naam}
            maxLength={200}
            onChange={set('naam')}
            errors={errors.fields.naam}
          />
          <TextField
            id={fields.email.id}
            label={fields.email.label}
            description="De bevestiging en de herinnering gaan naar dit adres."
            type="email"
            autoComplete="off"
            value={values.email}
            maxLength={254}
            onChange={set('email')}
            errors={errors.fields.email}
          />
        </>
      )}
      {chooseMunicipality && (
        <MunicipalitySelect
          id={fields.gemeente.id}
          label={fields.gemeente.label}
          description={colleague ? 'Voor welke gemeente komt uw collega?' : 'Voor welke gemeente komt u?'}
          value={values.gemeente}
          onChange={set('gemeente')}
          errors={errors.fields.gemeente}
          municipalities={municipalities}
        />
      )}
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
          {colleague ? 'Collega aanmelden' : 'Aanmelden'}
        </PrimaryActionButton>
      </ButtonGroup>
      <StatusMessage>{message}</StatusMessage>
    </form>
  );
}
