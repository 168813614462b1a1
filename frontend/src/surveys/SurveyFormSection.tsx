import { Alert, ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';

import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary, type SummaryField } from '../forms/ErrorSummary';
import { choiceId, RadioGroup, TextAreaField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { DutchDate } from '../shared/DutchDate';
import { FactList } from '../shared/FactList';
import type { AnswerGiven, SurveyForm } from './api';
import { SCORE_LABELS } from './labels';

const fieldName = (id: number) => `vraag-${id}`;

function initial(form: SurveyForm): Record<string, string> {
  const values: Record<string, string> = {};
  for (const answer of form.antwoorden) {
    values[fieldName(answer.vraag)] = answer.score !== null ? String(answer.score) : (answer.tekst ?? '');
  }
  return values;
}

/** Shown after saving, focused so a screen reader reads it at once. */
function Saved({ form }: { form: SurveyForm }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert type="ok" ref={ref} tabIndex={-1}>
      <Heading level={2}>Dank u wel</Heading>
      <Paragraph>
        Uw antwoorden zijn opgeslagen. U kunt ze wijzigen tot en met <DutchDate value={form.ronde.sluitOp} />.
      </Paragraph>
    </Alert>
  );
}

function ReadOnly({ form }: { form: SurveyForm }) {
  const given = new Map(form.antwoorden.map((a) => [a.vraag, a]));
  return (
    <>
      <Alert type="info">
        <Paragraph>Deze peiling is gesloten; de antwoorden kunnen niet meer veranderen.</Paragraph>
      </Alert>
      {form.beantwoordOp ? (
        <FactList
          facts={form.vragen.map((q) => {
            const answer = given.get(q.id);
            const score = answer?.score ?? null;
            return [q.tekst, score !== null ? `${score} – ${SCORE_LABELS[score]}` : (answer?.tekst ?? 'geen antwoord')];
          })}
        />
      ) : (
        <Paragraph>U heeft deze peiling niet beantwoord.</Paragraph>
      )}
    </>
  );
}

interface SurveyFormSectionProps {
  form: SurveyForm;
  save: (answers: AnswerGiven[]) => Promise<SurveyForm>;
}

/**
 * The survey's questions with the contact's answers: a scale of 1 to 5 for each scale question,
 * an optional text for an open one. Every problem is named at once in the error summary, the
 * browser's checks first and then the API's.
 */
export function SurveyFormSection({ form: loaded, save }: SurveyFormSectionProps) {
  const [form, setForm] = useState(loaded);
  const [values, setValues] = useState(() => initial(loaded));
  const [saving, setSaving] = useState(false);
  const [savedTimes, setSavedTimes] = useState(0);
  const { errors, show, clear, summaryRef } = useFormErrors();

  if (!form.wijzigbaar) return <ReadOnly form={form} />;

  const fields: Record<string, SummaryField> = Object.fromEntries(
    form.vragen.map((q) => [
      fieldName(q.id),
      { label: q.tekst, id: q.soort === 'schaal' ? choiceId(fieldName(q.id), '1') : fieldName(q.id) },
    ]),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checks: Record<string, string | false> = {};
    for (const q of form.vragen) {
      const value = values[fieldName(q.id)] ?? '';
      checks[fieldName(q.id)] =
        q.soort === 'schaal'
          ? !value && 'Kies een cijfer van 1 tot en met 5.'
          : value.length > form.maximaleLengte && `Gebruik hoogstens ${form.maximaleLengte} tekens (nu ${value.length}).`;
    }
    const problems = clientErrors(checks);
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    clear();
    const answers = form.vragen.flatMap((q): AnswerGiven[] => {
      const value = (values[fieldName(q.id)] ?? '').trim();
      if (q.soort === 'schaal') return [{ vraag: q.id, score: Number(value) }];
      return value ? [{ vraag: q.id, tekst: value }] : [];
    });
    setSaving(true);
    try {
      setForm(await save(answers));
      setSavedTimes((n) => n + 1);
    } catch (error) {
      show(mapErrorToForm(error, Object.keys(fields)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {savedTimes > 0 && <Saved key={savedTimes} form={form} />}
      <Paragraph>
        Voor <strong>{form.gemeente.naam}</strong>. Beantwoorden en wijzigen kan tot en met{' '}
        <DutchDate value={form.ronde.sluitOp} />. Uw antwoorden zijn alleen zichtbaar voor het programmateam; cijfers
        worden alleen gedeeld voor groepen van ten minste vijf respondenten.
      </Paragraph>
      <ErrorSummary ref={summaryRef} errors={errors} fields={fields} />
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Peiling">
        {form.vragen.map((q) =>
          q.soort === 'schaal' ? (
            <RadioGroup
              key={q.id}
              id={fieldName(q.id)}
              name={fieldName(q.id)}
              legend={q.tekst}
              errors={errors.fields[fieldName(q.id)]}
              value={values[fieldName(q.id)] ?? ''}
              onChange={(value) => setValues((v) => ({ ...v, [fieldName(q.id)]: value }))}
              choices={[1, 2, 3, 4, 5].map((score) => ({ value: String(score), label: `${score} – ${SCORE_LABELS[score]}` }))}
            />
          ) : (
            <TextAreaField
              key={q.id}
              id={fieldName(q.id)}
              label={q.tekst}
              description={`Niet verplicht; hoogstens ${form.maximaleLengte} tekens. Noem liever geen namen, e-mailadressen of telefoonnummers: zulke antwoorden laten we niet aan het hele team zien.`}
              errors={errors.fields[fieldName(q.id)]}
              value={values[fieldName(q.id)] ?? ''}
              onChange={(event) => setValues((v) => ({ ...v, [fieldName(q.id)]: event.target.value }))}
              rows={5}
            />
          ),
        )}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={saving} disabled={saving}>
            {form.beantwoordOp ? 'Antwoorden wijzigen' : 'Antwoorden versturen'}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}
