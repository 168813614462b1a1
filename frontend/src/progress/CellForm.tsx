import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  PrimaryActionButton,
  SelectOption,
  SubtleButton,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';

import { isConflict } from '../api/problem';
import { storeAnswer } from '../app/queryClient';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary, type SummaryField } from '../forms/ErrorSummary';
import { CheckboxField, choiceId, RadioGroup, SelectField, TextAreaField, TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { todayIso } from '../shared/dates';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { fetchCell, progressKeys, saveCell, useRoadmap } from './api';
import {
  changedFields,
  FIELD_LABELS,
  formFromCell,
  formProblems,
  laterSteps,
  stepDateId,
  TEXT_MAX,
  withoutSteps,
  writeFromForm,
  type CellFormValues,
} from './cellForm';
import { ConflictNotice } from './ConflictNotice';
import { BLOCKER_KIND_LABELS, BLOCKER_KINDS, isBlockerKind, PHASE_LABELS, PHASES } from './labels';
import { formatDutchDate } from '../shared/dates';
import type { Cell } from './types';

const PHASE_CHOICES = PHASES.map((phase) => ({ value: phase, label: PHASE_LABELS[phase] }));

function summaryFields(cell: Cell): Record<string, SummaryField> {
  const fields: Record<string, SummaryField> = {
    fase: { label: FIELD_LABELS.fase, id: choiceId('fase', PHASES[0] ?? 'niet-gestart') },
    geplandLivegang: { label: FIELD_LABELS.geplandLivegang, id: 'geplandLivegang' },
    notitie: { label: FIELD_LABELS.notitie, id: 'notitie' },
    knelpunten: { label: FIELD_LABELS.knelpunten, id: 'knelpunten' },
    knelpuntSoort: { label: FIELD_LABELS.knelpuntSoort, id: 'knelpuntSoort' },
  };
  for (const step of cell.stappen) fields[`stap-${step.code}`] = { label: step.titel, id: stepDateId(step.code) };
  return fields;
}

/**
 * Changes one cell. The form remembers the version it started from and sends it in If-Match, so
 * a change someone else saved in the meantime is never overwritten unseen: the server answers 412,
 * and the form shows the other state and lets the user choose how to go on.
 */
export function CellForm({ cell, onSaved }: { cell: Cell; onSaved: (saved: Cell) => void }) {
  const queryClient = useQueryClient();
  const roadmap = useRoadmap(cell.maatregel.code);
  const [base, setBase] = useState(cell);
  const [values, setValues] = useState<CellFormValues>(() => formFromCell(cell));
  const [conflict, setConflict] = useState<Cell | null>(null);
  // Moving back to an earlier phase: also clear the steps of later phases, in the same save.
  const [clearLater, setClearLater] = useState(false);
  const [message, setMessage] = useState('');
  // Counts the saves: after each, focus goes to the result (the Opslaan button is disabled while
  // saving, which would otherwise drop focus to the top of the page).
  const [saves, setSaves] = useState(0);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const { errors, show, clear, summaryRef } = useFormErrors();
  const conflictRef = useRef<HTMLDivElement>(null);
  const phaseRef = useRef<HTMLFormElement>(null);
  const titles = Object.fromEntries(cell.stappen.map((step) => [step.code, step.titel]));
  const descriptions = new Map(roadmap.data?.stappen.map((step) => [step.code, step]));

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  useEffect(() => {
    if (saves > 0) messageRef.current?.focus();
  }, [saves]);

  const code = cell.gemeente.code;
  const measure = cell.maatregel.code;
  const reread = useMutation({ mutationFn: () => fetchCell(code, measure) });
  const save = useMutation({
    mutationFn: (body: CellFormValues) => saveCell(code, measure, base.versie, writeFromForm(body)),
    onMutate: () => setMessage(''),
    onSuccess: async (saved) => {
      clear();
      setClearLater(false);
      setBase(saved);
      setValues(formFromCell(saved));
      await storeAnswer(queryClient, progressKeys.cell(code, measure), saved);
      await queryClient.invalidateQueries({ queryKey: progressKeys.municipality(code) });
      onSaved(saved);
      setMessage(`De stand is opgeslagen (versie ${saved.versie}).`);
      setSaves((count) => count + 1);
    },
    onError: async (error) => {
      if (!isConflict(error)) {
        show(mapErrorToForm(error, Object.keys(FIELD_LABELS)));
        return;
      }
      clear();
      const current = await reread.mutateAsync().catch(() => null);
      if (current) {
        await storeAnswer(queryClient, progressKeys.cell(code, measure), current);
        void queryClient.invalidateQueries({ queryKey: progressKeys.history(code, measure) });
        setConflict(current);
      }
    },
  });

  const set = <K extends keyof CellFormValues>(name: K, value: CellFormValues[K]) =>
    setValues((current) => ({ ...current, [name]: value }));
  const setStep = (stepCode: string, gereed: boolean, datum: string) =>
    setValues((current) => ({ ...current, stappen: { ...current.stappen, [stepCode]: { gereed, datum } } }));

  const clearable = laterSteps(values, base.fase);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (conflict) return;
    const problems = clientErrors(formProblems(values, titles));
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    save.mutate(clearLater && clearable.length > 0 ? withoutSteps(values, clearable) : values);
  };

  const resolve = (keepMine: boolean) => {
    if (!conflict) return;
    setBase(conflict);
    if (!keepMine) setValues(formFromCell(conflict));
    setConflict(null);
    setMessage(
      keepMine
        ? `Uw invoer staat nog in het formulier. Controleer die en kies Opslaan om versie ${conflict.versie} te vervangen.`
        : `Het formulier toont nu versie ${conflict.versie}. Breng uw wijziging opnieuw aan en kies Opslaan.`,
    );
    phaseRef.current?.querySelector<HTMLInputElement>('input[name="fase"]:checked')?.focus();
  };

  return (
    <>
      {conflict && (
        <ConflictNotice
          ref={conflictRef}
          current={conflict}
          differences={changedFields(values, formFromCell(conflict))}
          onTakeCurrent={() => resolve(false)}
          onKeepMine={() => resolve(true)}
        />
      )}
      {reread.isError && <ErrorAlert error={reread.error} onRetry={() => save.mutate(values)} />}
      <ErrorSummary ref={summaryRef} errors={errors} fields={summaryFields(cell)} />
      <form ref={phaseRef} noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="wijzigen-kop">
        <RadioGroup
          id="fase"
          name="fase"
          legend={FIELD_LABELS.fase}
          choices={PHASE_CHOICES}
          value={values.fase}
          onChange={(value) => set('fase', value as CellFormValues['fase'])}
          errors={errors.fields.fase}
        />
        {clearable.length > 0 && (
          <CheckboxField
            id="latere-stappen-wissen"
            label={`Ook de stappen van latere fasen op niet gereed zetten (${clearable.length})`}
            description={`U zet de fase terug naar ${PHASE_LABELS[values.fase].toLowerCase()}. Deze stappen staan nog als gereed: ${clearable
              .map((stepCode) => titles[stepCode] ?? stepCode)
              .join(', ')}.`}
            checked={clearLater}
            onChange={setClearLater}
          />
        )}
        <Fieldset className="spoorboek-fieldset">
          <FieldsetLegend>{FIELD_LABELS.stappen}</FieldsetLegend>
          {cell.stappen.map((step) => {
            const state = values.stappen[step.code] ?? { gereed: false, datum: '' };
            const info = descriptions.get(step.code);
            return (
              <div key={step.code} className="spoorboek-step">
                <CheckboxField
                  id={`stap-${step.code}`}
                  label={step.titel}
                  description={
                    <>
                      Uiterlijk klaar op {formatDutchDate(step.uitersteEinde)}.
                      {info?.raadsbesluit && ' Vraagt een besluit van de gemeenteraad.'}
                    </>
                  }
                  checked={state.gereed}
                  onChange={(checked) => setStep(step.code, checked, checked ? state.datum || todayIso() : '')}
                />
                {state.gereed && (
                  <TextField
                    id={stepDateId(step.code)}
                    label={`${step.titel}: gereed op`}
                    type="date"
                    value={state.datum}
                    onChange={(event) => setStep(step.code, true, event.target.value)}
                    errors={errors.fields[`stap-${step.code}`]}
                  />
                )}
              </div>
            );
          })}
        </Fieldset>
        <TextField
          id="geplandLivegang"
          label={`${FIELD_LABELS.geplandLivegang} (niet verplicht)`}
          description="De dag waarop uw gemeente de maatregel in gebruik wil nemen."
          type="date"
          value={values.geplandLivegang}
          onChange={(event) => set('geplandLivegang', event.target.value)}
          errors={errors.fields.geplandLivegang}
        />
        <TextAreaField
          id="knelpunten"
          label={`${FIELD_LABELS.knelpunten} (niet verplicht)`}
          description="Wat de invoering tegenhoudt, in uw eigen woorden."
          maxLength={TEXT_MAX}
          rows={3}
          value={values.knelpunten}
          onChange={(event) => set('knelpunten', event.target.value)}
          errors={errors.fields.knelpunten}
        />
        <SelectField
          id="knelpuntSoort"
          label={`${FIELD_LABELS.knelpuntSoort} (niet verplicht)`}
          description="Waar het knelpunt vooral mee te maken heeft; alleen bij een beschreven knelpunt."
          value={values.knelpuntSoort}
          onChange={(event) => set('knelpuntSoort', isBlockerKind(event.target.value) ? event.target.value : '')}
          errors={errors.fields.knelpuntSoort}
        >
          <SelectOption value="">Geen soort gekozen</SelectOption>
          {BLOCKER_KINDS.map((kind) => (
            <SelectOption key={kind} value={kind}>
              {BLOCKER_KIND_LABELS[kind]}
            </SelectOption>
          ))}
        </SelectField>
        <TextAreaField
          id="notitie"
          label={`${FIELD_LABELS.notitie} (niet verplicht)`}
          description="Alleen zichtbaar voor uw gemeente en het programmateam, nooit in openbare cijfers."
          maxLength={TEXT_MAX}
          rows={3}
          value={values.notitie}
          onChange={(event) => set('notitie', event.target.value)}
          errors={errors.fields.notitie}
        />
        <ButtonGroup>
          <PrimaryActionButton
            type="submit"
            busy={save.isPending || reread.isPending}
            disabled={save.isPending || reread.isPending || conflict !== null}
          >
            Opslaan
          </PrimaryActionButton>
          <SubtleButton
            type="button"
            disabled={conflict !== null}
            onClick={() => {
              clear();
              setValues(formFromCell(base));
              setMessage('Uw wijzigingen zijn ongedaan gemaakt.');
            }}
          >
            Wijzigingen ongedaan maken
          </SubtleButton>
        </ButtonGroup>
        <StatusMessage ref={messageRef}>{message}</StatusMessage>
      </form>
    </>
  );
}
