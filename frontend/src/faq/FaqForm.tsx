import { ButtonGroup, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary, type SummaryField } from '../forms/ErrorSummary';
import { CheckboxField, TextAreaField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { MeasurePicker, measurePickerFirstId } from '../products/editor/MeasurePicker';
import { FAQ_LABELS, faqProblems, type FaqFormValues } from './faqForm';

const SUMMARY_FIELDS: Record<string, SummaryField> = Object.fromEntries(
  Object.entries(FAQ_LABELS).map(([name, label]) => [
    name,
    { label, id: name === 'maatregelen' ? measurePickerFirstId('maatregelen') : name },
  ]),
);

interface FaqFormProps {
  initial: FaqFormValues;
  /** A new version asks what changed and whether to mail the askers. */
  newVersion: boolean;
  submitLabel: string;
  busy: boolean;
  onSubmit: (values: FaqFormValues) => Promise<unknown>;
}

/**
 * The text of a FAQ entry. The server refuses personal data (names, e-mail addresses, phone
 * numbers, the asker's municipality): each finding shows at the field it is in.
 */
export function FaqForm({ initial, newVersion, submitLabel, busy, onSubmit }: FaqFormProps) {
  const [values, setValues] = useState(initial);
  const { errors, show, clear, summaryRef } = useFormErrors();
  const set = <K extends keyof FaqFormValues>(name: K, value: FaqFormValues[K]) =>
    setValues((current) => ({ ...current, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors(faqProblems(values, newVersion));
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    clear();
    try {
      await onSubmit(values);
    } catch (error) {
      show(mapErrorToForm(error, Object.keys(FAQ_LABELS)));
    }
  };

  return (
    <>
      <ErrorSummary ref={summaryRef} errors={errors} fields={SUMMARY_FIELDS} />
      <form noValidate onSubmit={(event) => void submit(event)} className="spoorboek-form" aria-label="Tekst van de veelgestelde vraag">
        <TextAreaField
          id="vraag"
          label={FAQ_LABELS.vraag}
          description="Algemeen geformuleerd, zonder namen, e-mailadressen, telefoonnummers of gemeente."
          rows={3}
          maxLength={2000}
          value={values.vraag}
          onChange={(event) => set('vraag', event.target.value)}
          errors={errors.fields.vraag}
        />
        <TextAreaField
          id="antwoord"
          label={FAQ_LABELS.antwoord}
          rows={10}
          maxLength={20000}
          value={values.antwoord}
          onChange={(event) => set('antwoord', event.target.value)}
          errors={errors.fields.antwoord}
        />
        <MeasurePicker
          id="maatregelen"
          description="De maatregelen waar de vraag over gaat; minstens één. De FAQ staat bij elk van hen."
          value={values.maatregelen}
          onChange={(codes) => set('maatregelen', codes)}
          errors={errors.fields.maatregelen}
        />
        <TextAreaField
          id="wetsartikelen"
          label={`${FAQ_LABELS.wetsartikelen} (niet verplicht)`}
          description="Eén artikel per regel, zoals: artikel 31 lid 2 Participatiewet."
          rows={3}
          value={values.wetsartikelen}
          onChange={(event) => set('wetsartikelen', event.target.value)}
          errors={errors.fields.wetsartikelen}
        />
        <CheckboxField
          id="gemeenteNoemen"
          label={FAQ_LABELS.gemeenteNoemen}
          description="Alleen als de gemeente daarmee instemt."
          checked={values.gemeenteNoemen}
          onChange={(checked) => set('gemeenteNoemen', checked)}
        />
        {newVersion && (
          <>
            <TextAreaField
              id="wijzigingsnotitie"
              label={FAQ_LABELS.wijzigingsnotitie}
              description="Staat openbaar bij de versie."
              rows={2}
              maxLength={2000}
              value={values.wijzigingsnotitie}
              onChange={(event) => set('wijzigingsnotitie', event.target.value)}
              errors={errors.fields.wijzigingsnotitie}
            />
            <CheckboxField
              id="vragenstellersInformeren"
              label={FAQ_LABELS.vragenstellersInformeren}
              description="Zij krijgen de nieuwe versie per e-mail."
              checked={values.vragenstellersInformeren}
              onChange={(checked) => set('vragenstellersInformeren', checked)}
            />
          </>
        )}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {submitLabel}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}
