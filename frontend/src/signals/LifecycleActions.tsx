import { ButtonGroup, Heading, Paragraph, PrimaryActionButton, SelectOption } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary, type SummaryField } from '../forms/ErrorSummary';
import { choiceId, RadioGroup, SelectField, TextAreaField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { StatusMessage } from '../shared/StatusMessage';
import { changeSignalStatus } from './api';
import { BODIES, BODY_LABELS, OUTCOME_LABELS, OUTCOMES, STATUS_LABELS } from './labels';
import {
  actionDescription,
  actionLabel,
  EMPTY_TRANSITION,
  fieldsFor,
  nextSteps,
  textLabel,
  TRANSITION_FIELD_LABELS,
  transitionBody,
  transitionProblems,
  type TransitionField,
  type TransitionForm,
} from './lifecycle';
import type { SignalRead, SignalStatus } from './types';
import { useSignalChange } from './useSignalChange';

const FIELD_NAMES = ['naar', 'aan', 'tekst', 'uitkomst', 'toelichting'];

function TransitionFields({
  to,
  values,
  set,
  errors,
}: {
  to: SignalStatus;
  values: TransitionForm;
  set: <K extends TransitionField>(name: K, value: TransitionForm[K]) => void;
  errors: Record<string, string[]>;
}) {
  const fields = fieldsFor(to);
  return (
    <>
      {fields.includes('aan') && (
        <SelectField
          id="aan"
          label={TRANSITION_FIELD_LABELS.aan}
          description="Wie kan veranderen waar het signaal over gaat?"
          value={values.aan}
          onChange={(event) => set('aan', event.target.value as TransitionForm['aan'])}
          errors={errors.aan}
        >
          <SelectOption value="">Kies aan wie</SelectOption>
          {BODIES.map((body) => (
            <SelectOption key={body} value={body}>
              {BODY_LABELS[body]}
            </SelectOption>
          ))}
        </SelectField>
      )}
      {fields.includes('tekst') && (
        <TextAreaField
          id="tekst"
          label={textLabel(to)}
          description={
            to === 'doorgezet'
              ? 'De tekst zoals u die doorgaf; wanneer en door wie legt Spoorboek zelf vast.'
              : to === 'reactie-ontvangen'
                ? 'Wat kwam er terug? De melder en de gemeenten die het steunen lezen dit.'
                : 'Komt in de geschiedenis van het signaal; de melder ziet het.'
          }
          rows={to === 'afgewezen' ? 3 : 6}
          maxLength={20000}
          value={values.tekst}
          onChange={(event) => set('tekst', event.target.value)}
          errors={errors.tekst}
        />
      )}
      {fields.includes('uitkomst') && (
        <RadioGroup
          id="uitkomst"
          name="uitkomst"
          legend={TRANSITION_FIELD_LABELS.uitkomst}
          choices={OUTCOMES.map((outcome) => ({ value: outcome, label: OUTCOME_LABELS[outcome] }))}
          value={values.uitkomst}
          onChange={(value) => set('uitkomst', value as TransitionForm['uitkomst'])}
          errors={errors.uitkomst}
        />
      )}
      {fields.includes('toelichting') && (
        <TextAreaField
          id="toelichting"
          label={values.uitkomst === 'geen' ? 'Waarom verandert er niets' : `${TRANSITION_FIELD_LABELS.toelichting} (niet verplicht)`}
          description="Wat er verandert en wanneer, of waarom er niets verandert."
          rows={4}
          maxLength={10000}
          value={values.toelichting}
          onChange={(event) => set('toelichting', event.target.value)}
          errors={errors.toelichting}
        />
      )}
    </>
  );
}

/** The next steps of the loop, each with the fields it needs (team only). */
export function LifecycleActions({ signal }: { signal: SignalRead }) {
  const targets = nextSteps(signal.status);
  const [chosen, setTarget] = useState<SignalStatus | ''>('');
  // A colleague may have moved the signal on meanwhile: a step it can no longer take is no choice.
  const target = chosen && targets.includes(chosen) ? chosen : '';
  const [values, setValues] = useState<TransitionForm>(EMPTY_TRANSITION);
  const [message, setMessage] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();

  const change = useSignalChange(
    signal,
    (body: TransitionForm, version) => changeSignalStatus(signal.id, version, transitionBody(target as SignalStatus, body)),
    {
      onDone: (saved) => {
        clear();
        setTarget('');
        setValues(EMPTY_TRANSITION);
        setMessage(`Het signaal is nu: ${STATUS_LABELS[saved.status].toLowerCase()}.`);
      },
      onFailed: (error) => show(mapErrorToForm(error, FIELD_NAMES, { statusFields: { 409: 'naar' } })),
    },
  );

  if (targets.length === 0) {
    return (
      <section aria-labelledby="acties-kop" className="spoorboek-section">
        <Heading level={2} id="acties-kop">
          Behandelen
        </Heading>
        <Paragraph>De cirkel is rond: het signaal is teruggekoppeld aan de gemeenten.</Paragraph>
        <StatusMessage>{message}</StatusMessage>
      </section>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) {
      show(clientErrors({ naar: 'Kies wat u wilt doen.' }));
      return;
    }
    const problems = clientErrors(transitionProblems(target, values));
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    setMessage('');
    change.mutate(values);
  };

  const summaryFields: Record<string, SummaryField> = {
    naar: { label: TRANSITION_FIELD_LABELS.naar, id: choiceId('naar', targets[0] ?? 'in-behandeling') },
    aan: { label: TRANSITION_FIELD_LABELS.aan, id: 'aan' },
    tekst: { label: target ? textLabel(target) : TRANSITION_FIELD_LABELS.tekst, id: 'tekst' },
    uitkomst: { label: TRANSITION_FIELD_LABELS.uitkomst, id: choiceId('uitkomst', OUTCOMES[0] ?? 'geen') },
    toelichting: { label: TRANSITION_FIELD_LABELS.toelichting, id: 'toelichting' },
  };

  return (
    <section aria-labelledby="acties-kop" className="spoorboek-section">
      <Heading level={2} id="acties-kop">
        Behandelen
      </Heading>
      <ErrorSummary ref={summaryRef} errors={errors} fields={summaryFields} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="acties-kop">
        <RadioGroup
          id="naar"
          name="naar"
          legend={TRANSITION_FIELD_LABELS.naar}
          choices={targets.map((to) => ({
            value: to,
            label: actionLabel(signal.status, to),
            description: `${actionDescription(to)} Status wordt: ${STATUS_LABELS[to].toLowerCase()}.`,
          }))}
          value={target}
          onChange={(value) => {
            clear();
            setTarget(value as SignalStatus);
          }}
          errors={errors.fields.naar}
        />
        {target && (
          <TransitionFields
            to={target}
            values={values}
            set={(name, value) => setValues((current) => ({ ...current, [name]: value }))}
            errors={errors.fields}
          />
        )}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={change.isPending} disabled={change.isPending}>
            {target ? actionLabel(signal.status, target) : 'Opslaan'}
          </PrimaryActionButton>
        </ButtonGroup>
        <StatusMessage>{message}</StatusMessage>
      </form>
    </section>
  );
}
