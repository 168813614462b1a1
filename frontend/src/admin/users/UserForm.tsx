import { useMutation } from '@tanstack/react-query';
import { ButtonGroup, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '../../auth/labels';
import type { Role, User } from '../../auth/session';
import { clientErrors, hasErrors, mapErrorToForm } from '../../forms/errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { CheckboxField, CheckboxGroup, choiceId, TextField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { emailProblem, requiredText } from '../../forms/validation';
import type { CodeName } from '../../shared/referenceData';
import { MunicipalityPicker, pickerSearchId } from '../../shared/MunicipalityPicker';
import { OrganisationSelect } from '../../shared/OrganisationSelect';

export interface UserFormValues {
  email: string;
  naam: string;
  rollen: Role[];
  gemeenten: CodeName[];
  organisatie: string;
  actief: boolean;
}

export const EMPTY_USER: UserFormValues = {
  email: '',
  naam: '',
  rollen: [],
  gemeenten: [],
  organisatie: '',
  actief: true,
};

export function valuesOf(user: User): UserFormValues {
  return {
    email: user.email,
    naam: user.naam,
    rollen: user.rollen,
    gemeenten: user.gemeenten,
    organisatie: user.organisatie?.code ?? '',
    actief: user.actief,
  };
}

const FIELDS = {
  email: { id: 'email', label: 'E-mailadres' },
  naam: { id: 'naam', label: 'Naam' },
  rollen: { id: choiceId('rollen', ROLES[0] ?? 'gemeente'), label: 'Rollen' },
  gemeenten: { id: pickerSearchId('gemeenten'), label: 'Gemeenten' },
  organisatie: { id: 'organisatie', label: 'Organisatie' },
  actief: { id: 'actief', label: 'Account actief' },
};

interface UserFormProps {
  mode: 'invite' | 'edit';
  initial: UserFormValues;
  submitLabel: string;
  save: (values: UserFormValues) => Promise<User>;
  onSaved: (user: User) => Promise<void>;
}

/** Inviting a user, or changing one: name, roles, municipalities, organisation (and status). */
export function UserForm({ mode, initial, submitLabel, save, onSaved }: UserFormProps) {
  const [values, setValues] = useState(initial);
  const { errors, show, clear, summaryRef } = useFormErrors();
  const set = <K extends keyof UserFormValues>(key: K) => (value: UserFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const mutation = useMutation({
    mutationFn: save,
    onSuccess: onSaved,
    onError: (error) =>
      show(mapErrorToForm(error, Object.keys(FIELDS), mode === 'invite' ? { statusFields: { 409: 'email' } } : {})),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors({
      email: mode === 'invite' && emailProblem(values.email),
      naam: requiredText(values.naam, 'Vul een naam in.'),
      rollen: values.rollen.length === 0 && 'Kies minstens één rol.',
      gemeenten:
        values.rollen.includes('gemeente') &&
        values.gemeenten.length === 0 &&
        'Een gemeentelijke contactpersoon hoort bij minstens één gemeente.',
    });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    clear();
    mutation.mutate(values);
  };

  return (
    <>
      <ErrorSummary ref={summaryRef} errors={errors} fields={FIELDS} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-label={submitLabel}>
        {mode === 'invite' && (
          <TextField
            {...FIELDS.email}
            type="email"
            name="email"
            autoComplete="off"
            required
            description="Hierheen sturen we de uitnodiging met een link om een wachtwoord te kiezen."
            value={values.email}
            onChange={(event) => set('email')(event.target.value)}
            errors={errors.fields.email}
          />
        )}
        <TextField
          {...FIELDS.naam}
          name="naam"
          autoComplete="off"
          required
          maxLength={200}
          value={values.naam}
          onChange={(event) => set('naam')(event.target.value)}
          errors={errors.fields.naam}
        />
        <CheckboxGroup
          id="rollen"
          legend="Rollen"
          description="Kies minstens één rol."
          choices={ROLES.map((role) => ({
            value: role,
            label: ROLE_LABELS[role],
            description: ROLE_DESCRIPTIONS[role],
          }))}
          value={values.rollen}
          onChange={(rollen) => set('rollen')(rollen as Role[])}
          errors={errors.fields.rollen}
        />
        <MunicipalityPicker
          id="gemeenten"
          legend="Gemeenten"
          description="Verplicht voor een gemeentelijke contactpersoon: de gemeenten waarvoor deze persoon werkt."
          value={values.gemeenten}
          onChange={set('gemeenten')}
          errors={errors.fields.gemeenten}
        />
        <OrganisationSelect
          id="organisatie"
          value={values.organisatie}
          onChange={set('organisatie')}
          errors={errors.fields.organisatie}
          description="Bijvoorbeeld een ketenpartner of een samenwerkingsverband."
        />
        {mode === 'edit' && (
          <CheckboxField
            {...FIELDS.actief}
            description="Een uitgeschakeld account kan niet inloggen; lopende sessies stoppen meteen."
            checked={values.actief}
            onChange={set('actief')}
            errors={errors.fields.actief}
          />
        )}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
            {submitLabel}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}
