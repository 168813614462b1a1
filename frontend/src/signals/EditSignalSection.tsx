import { ButtonGroup, Heading, PrimaryActionButton, SecondaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { CheckboxField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { StatusMessage } from '../shared/StatusMessage';
import { editSignal } from './api';
import { signalProblems, updateBody, valuesOf, type SignalFormValues } from './signalForm';
import { SignalFields, signalSummaryFields } from './SignalFields';
import type { SignalRead, SignalUpdate } from './types';
import { useSignalChange } from './useSignalChange';

const PREFIX = 'bewerk-';
const FIELD_NAMES = ['titel', 'omschrijving', 'soort', 'maatregelen', 'themas', 'openbaar'];

function EditForm({ signal, onClose }: { signal: SignalRead; onClose: (message: string) => void }) {
  const [values, setValues] = useState<SignalFormValues>(() => valuesOf(signal));
  const [openbaar, setOpenbaar] = useState(signal.openbaar);
  const { errors, show, clear, summaryRef } = useFormErrors();
  const save = useSignalChange(signal, (body: SignalUpdate, version) => editSignal(signal.id, version, body), {
    onDone: (saved) => {
      clear();
      onClose(
        saved.openbaar && !signal.openbaar
          ? 'Het signaal is opgeslagen en staat nu in het openbare register.'
          : !saved.openbaar && signal.openbaar
            ? 'Het signaal is opgeslagen en staat niet langer in het openbare register.'
            : 'De wijzigingen zijn opgeslagen.',
      );
    },
    onFailed: (error) => show(mapErrorToForm(error, FIELD_NAMES)),
  });
  const set = <K extends keyof SignalFormValues>(name: K, value: SignalFormValues[K]) =>
    setValues((current) => ({ ...current, [name]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors(signalProblems(values));
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    const body = updateBody(signal, values, openbaar);
    if (Object.keys(body).length === 0) {
      clear();
      onClose('Er was niets gewijzigd.');
      return;
    }
    save.mutate(body);
  };

  return (
    <>
      <ErrorSummary ref={summaryRef} errors={errors} fields={signalSummaryFields(PREFIX, values.themas[0])} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="bewerken-kop">
        <SignalFields prefix={PREFIX} values={values} set={set} errors={errors.fields} />
        <CheckboxField
          id={`${PREFIX}openbaar`}
          label="Openbaar: tonen in het openbare register"
          description="Het openbare register toont titel, omschrijving, soort, status, aan wie het is doorgezet, de reactie en het aantal gemeenten; nooit wie het meldde, en niet de vragen en knelpunten. Spoorboek controleert de teksten eerst op persoonsgegevens."
          checked={openbaar}
          onChange={setOpenbaar}
          errors={errors.fields.openbaar}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={save.isPending} disabled={save.isPending}>
            Wijzigingen opslaan
          </PrimaryActionButton>
          <SecondaryActionButton type="button" onClick={() => onClose('')}>
            Annuleren
          </SecondaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}

/** Title, description, kind, measures, themes and whether it is public (team only). */
export function EditSignalSection({ signal }: { signal: SignalRead }) {
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState('');
  return (
    <section aria-labelledby="bewerken-kop" className="spoorboek-section">
      <Heading level={2} id="bewerken-kop">
        Bewerken
      </Heading>
      {!editing && (
        <ButtonGroup>
          <SecondaryActionButton
            type="button"
            onClick={() => {
              setMessage('');
              setEditing(true);
            }}
          >
            Signaal bewerken of openbaar maken
          </SecondaryActionButton>
        </ButtonGroup>
      )}
      {editing && (
        <EditForm
          signal={signal}
          onClose={(text) => {
            setEditing(false);
            setMessage(text);
          }}
        />
      )}
      <StatusMessage>{message}</StatusMessage>
    </section>
  );
}
