import { ButtonGroup, Heading, Paragraph, PrimaryActionButton, SecondaryActionButton, SelectOption } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { OrganisationSelect } from '../shared/OrganisationSelect';
import { useCurrentUser } from '../auth/session';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { CheckboxField, choiceId, RadioGroup, SelectField, TextAreaField, TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { todayIso } from '../shared/dates';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { useAdvisors } from './advisors';
import { changeStatus } from './api';
import { STATUS_LABELS } from './labels';
import {
  ACTION_LABELS,
  actionKind,
  EMPTY_TRANSITION,
  EXPERT_QUESTION_MAX,
  fieldsFor,
  reasonRequired,
  TRANSITION_FIELD_LABELS,
  transitionBody,
  transitionProblems,
  type TransitionField,
  type TransitionForm,
} from './transitions';
import type { Question, QuestionStatus } from './types';
import { useQuestionChange } from './useQuestionChange';

const FIELD_NAMES = Object.keys(TRANSITION_FIELD_LABELS);

/** "Aan mij toewijzen": the one-click assignment, for whoever picks the question up. */
function AssignToMe({ question }: { question: Question }) {
  const user = useCurrentUser();
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const assign = useQuestionChange(question, (_: null, version) => changeStatus(question.id, version, { naar: 'toegewezen', behandelaarId: user?.id ?? null }), {
    onDone: () => setMessage('De vraag is aan u toegewezen.'),
    onFailed: setFailure,
  });
  if (!user || !question.mogelijkeOvergangen.includes('toegewezen') || question.behandelaar?.id === user.id) {
    return <StatusMessage>{message}</StatusMessage>;
  }
  if (question.status === 'beantwoord' || question.status === 'gesloten') return null;
  return (
    <>
      {failure !== null && <ErrorAlert error={failure} />}
      <ButtonGroup>
        <SecondaryActionButton
          type="button"
          busy={assign.isPending}
          disabled={assign.isPending}
          onClick={() => {
            setFailure(null);
            assign.mutate(null);
          }}
        >
          Aan mij toewijzen
        </SecondaryActionButton>
      </ButtonGroup>
      <StatusMessage>{message}</StatusMessage>
    </>
  );
}

function TransitionFields({
  fields,
  values,
  set,
  errors,
  reasonNeeded,
}: {
  fields: TransitionField[];
  values: TransitionForm;
  set: <K extends TransitionField>(name: K, value: TransitionForm[K]) => void;
  errors: Record<string, string[]>;
  reasonNeeded: boolean;
}) {
  const advisors = useAdvisors();
  return (
    <>
      {fields.includes('behandelaarId') && advisors.isError && (
        <ErrorAlert error={advisors.error} onRetry={() => void advisors.refetch()} />
      )}
      {fields.includes('behandelaarId') && (
        <SelectField
          id="behandelaarId"
          label={TRANSITION_FIELD_LABELS.behandelaarId}
          value={values.behandelaarId}
          busy={advisors.isPending}
          onChange={(event) => set('behandelaarId', event.target.value)}
          errors={errors.behandelaarId}
        >
          <SelectOption value="">Kies een adviseur</SelectOption>
          {advisors.data?.map((advisor) => (
            <SelectOption key={advisor.id} value={String(advisor.id)}>
              {advisor.naam}
            </SelectOption>
          ))}
        </SelectField>
      )}
      {fields.includes('expertOrganisatie') && (
        <OrganisationSelect
          id="expertOrganisatie"
          label={TRANSITION_FIELD_LABELS.expertOrganisatie}
          value={values.expertOrganisatie}
          onChange={(code) => set('expertOrganisatie', code)}
          errors={errors.expertOrganisatie}
        />
      )}
      {fields.includes('expertTermijn') && (
        <TextField
          id="expertTermijn"
          label={`${TRANSITION_FIELD_LABELS.expertTermijn} (niet verplicht)`}
          description="Leeg: het gebruikelijke aantal werkdagen vanaf vandaag."
          type="date"
          min={todayIso()}
          value={values.expertTermijn}
          onChange={(event) => set('expertTermijn', event.target.value)}
          errors={errors.expertTermijn}
        />
      )}
      {fields.includes('expertVraag') && (
        <TextAreaField
          id="expertVraag"
          label={`${TRANSITION_FIELD_LABELS.expertVraag} (niet verplicht)`}
          description="De experts zien de vraag zelf, het onderwerp, de maatregelen en het thema. Schrijf hier wat u van hen wilt weten."
          rows={5}
          maxLength={EXPERT_QUESTION_MAX}
          value={values.expertVraag}
          onChange={(event) => set('expertVraag', event.target.value)}
          errors={errors.expertVraag}
        />
      )}
      {fields.includes('contactDelen') && (
        <CheckboxField
          id="contactDelen"
          label={TRANSITION_FIELD_LABELS.contactDelen}
          description="Dan zien de experts de naam, het e-mailadres en de organisatie van de vraagsteller en diens gemeente. Zonder vinkje zien zij die niet."
          checked={values.contactDelen}
          onChange={(checked) => set('contactDelen', checked)}
          errors={errors.contactDelen}
        />
      )}
      {fields.includes('antwoord') && (
        <TextAreaField
          id="antwoord"
          label={TRANSITION_FIELD_LABELS.antwoord}
          description="De vrager krijgt dit antwoord per e-mail en ziet het onder Mijn vragen."
          rows={10}
          maxLength={20000}
          value={values.antwoord}
          onChange={(event) => set('antwoord', event.target.value)}
          errors={errors.antwoord}
        />
      )}
      {fields.includes('toelichting') && (
        <TextAreaField
          id="toelichting"
          label={reasonNeeded ? 'Reden' : `${TRANSITION_FIELD_LABELS.toelichting} (niet verplicht)`}
          description="Komt in de geschiedenis van de vraag."
          rows={3}
          maxLength={2000}
          value={values.toelichting}
          onChange={(event) => set('toelichting', event.target.value)}
          errors={errors.toelichting}
        />
      )}
    </>
  );
}

/** The next steps the question may take (the server's mogelijkeOvergangen), each with its fields. */
export function StatusActions({ question }: { question: Question }) {
  const targets = question.mogelijkeOvergangen;
  const [target, setTarget] = useState<QuestionStatus | ''>('');
  const [values, setValues] = useState<TransitionForm>(EMPTY_TRANSITION);
  const [message, setMessage] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const kind = target ? actionKind(question.status, target) : null;
  const fields = kind ? fieldsFor(kind) : [];

  const change = useQuestionChange(
    question,
    (body: TransitionForm, version) => changeStatus(question.id, version, transitionBody(target as QuestionStatus, kind ?? 'toewijzen', body)),
    {
      onDone: (saved) => {
        clear();
        setTarget('');
        setValues(EMPTY_TRANSITION);
        setMessage(`De vraag is nu: ${STATUS_LABELS[saved.status].toLowerCase()}.`);
      },
      onFailed: (error) => show(mapErrorToForm(error, FIELD_NAMES)),
    },
  );

  if (targets.length === 0) {
    return (
      <section aria-labelledby="acties-kop" className="spoorboek-section">
        <Heading level={2} id="acties-kop">
          Behandelen
        </Heading>
        <Paragraph>Deze vraag kan niet verder: zij is samengevoegd of afgehandeld.</Paragraph>
        <StatusMessage>{message}</StatusMessage>
      </section>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!kind) {
      show(clientErrors({ naar: 'Kies wat u wilt doen.' }));
      return;
    }
    const problems = clientErrors(transitionProblems(kind, values, question));
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    setMessage('');
    change.mutate(values);
  };

  const summaryFields = Object.fromEntries(
    Object.entries(TRANSITION_FIELD_LABELS).map(([name, label]) => [name, { label, id: name }]),
  );
  summaryFields.naar = { label: 'Volgende stap', id: choiceId('naar', targets[0] ?? 'toegewezen') };

  return (
    <section aria-labelledby="acties-kop" className="spoorboek-section">
      <Heading level={2} id="acties-kop">
        Behandelen
      </Heading>
      <AssignToMe question={question} />
      <ErrorSummary ref={summaryRef} errors={errors} fields={summaryFields} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="acties-kop">
        <RadioGroup
          id="naar"
          name="naar"
          legend="Volgende stap"
          choices={targets.map((to) => ({
            value: to,
            label: ACTION_LABELS[actionKind(question.status, to)],
            description: `Status wordt: ${STATUS_LABELS[to].toLowerCase()}.`,
          }))}
          value={target}
          onChange={(value) => {
            clear();
            setTarget(value as QuestionStatus);
          }}
          errors={errors.fields.naar}
        />
        {kind && (
          <TransitionFields
            fields={fields}
            values={values}
            set={(name, value) => setValues((current) => ({ ...current, [name]: value }))}
            errors={errors.fields}
            reasonNeeded={reasonRequired(kind)}
          />
        )}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={change.isPending} disabled={change.isPending}>
            {kind ? ACTION_LABELS[kind] : 'Opslaan'}
          </PrimaryActionButton>
        </ButtonGroup>
        <StatusMessage>{message}</StatusMessage>
      </form>
    </section>
  );
}
