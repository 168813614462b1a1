import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ButtonGroup,
  Heading,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  TableCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { AppLink } from '../app/AppLink';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { CheckboxField, SelectField, TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { DataTable } from '../shared/DataTable';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { addQuestion, changeQuestion, questionsQuery, surveyKeys, type AnswerKind, type SurveyQuestion, type Touchpoint } from './api';
import { KIND_LABELS, TOUCHPOINT_LABELS } from './labels';

const FIELDS = {
  tekst: { id: 'vraag-tekst', label: 'Vraag' },
  soort: { id: 'vraag-soort', label: 'Soort antwoord' },
  contactpunt: { id: 'vraag-contactpunt', label: 'Contactpunt' },
  positie: { id: 'vraag-positie', label: 'Volgorde' },
};

interface Draft {
  tekst: string;
  soort: AnswerKind;
  contactpunt: Touchpoint;
  positie: string;
  actief: boolean;
}

const EMPTY: Draft = { tekst: '', soort: 'schaal', contactpunt: 'ondersteuning', positie: '', actief: true };

function QuestionForm({ editing, onDone }: { editing: SurveyQuestion | null; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(
    editing ? { ...editing, positie: String(editing.positie) } : EMPTY,
  );
  const { errors, show, clear, summaryRef } = useFormErrors();
  const save = useMutation({
    mutationFn: (body: Draft) => {
      const positie = body.positie.trim() === '' ? undefined : Number(body.positie);
      return editing
        ? changeQuestion(editing.id, { tekst: body.tekst.trim(), contactpunt: body.contactpunt, positie, actief: body.actief })
        : addQuestion({ tekst: body.tekst.trim(), soort: body.soort, contactpunt: body.contactpunt, positie, actief: body.actief });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: surveyKeys.questions });
      onDone(
        editing && saved.id !== editing.id
          ? 'De vraag was al verstuurd: de nieuwe tekst is een nieuwe vraag, de oude is niet meer actief.'
          : 'De vraag is opgeslagen.',
      );
    },
    onError: (error) => show(mapErrorToForm(error, Object.keys(FIELDS))),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors({
      tekst: draft.tekst.trim().length < 5 && 'Schrijf een vraag van ten minste 5 tekens.',
      positie: draft.positie.trim() !== '' && !/^\d{1,4}$/.test(draft.positie.trim()) && 'Geef een geheel getal.',
    });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    clear();
    save.mutate(draft);
  };
  return (
    <section aria-labelledby="vraag-formulier">
      <Heading level={2} id="vraag-formulier">
        {editing ? 'Vraag wijzigen' : 'Vraag toevoegen'}
      </Heading>
      <ErrorSummary ref={summaryRef} errors={errors} fields={FIELDS} />
      <form onSubmit={submit} noValidate>
        <TextField
          id={FIELDS.tekst.id}
          label={FIELDS.tekst.label}
          errors={errors.fields.tekst}
          value={draft.tekst}
          maxLength={300}
          onChange={(event) => setDraft({ ...draft, tekst: event.target.value })}
        />
        {!editing && (
          <SelectField
            id={FIELDS.soort.id}
            label={FIELDS.soort.label}
            errors={errors.fields.soort}
            value={draft.soort}
            onChange={(event) => setDraft({ ...draft, soort: event.target.value as AnswerKind })}
          >
            {Object.entries(KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField
          id={FIELDS.contactpunt.id}
          label={FIELDS.contactpunt.label}
          errors={errors.fields.contactpunt}
          value={draft.contactpunt}
          onChange={(event) => setDraft({ ...draft, contactpunt: event.target.value as Touchpoint })}
        >
          {Object.entries(TOUCHPOINT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField
          id={FIELDS.positie.id}
          label={FIELDS.positie.label}
          description="Een lager getal komt eerder; leeg is achteraan."
          errors={errors.fields.positie}
          value={draft.positie}
          inputMode="numeric"
          onChange={(event) => setDraft({ ...draft, positie: event.target.value })}
        />
        <CheckboxField
          id="vraag-actief"
          label="Actief: stellen in rondes die hierna worden verstuurd"
          checked={draft.actief}
          onChange={(actief) => setDraft({ ...draft, actief })}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={save.isPending} disabled={save.isPending}>
            Opslaan
          </PrimaryActionButton>
          {editing && (
            <SecondaryActionButton type="button" onClick={() => onDone('')}>
              Annuleren
            </SecondaryActionButton>
          )}
        </ButtonGroup>
      </form>
    </section>
  );
}

/** /peilingen/vragen: the survey's questions, for editors. */
export default function QuestionsPage() {
  const questions = useQuery(questionsQuery);
  const [editing, setEditing] = useState<SurveyQuestion | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [message, setMessage] = useState('');
  const done = (text: string) => {
    setMessage(text);
    setEditing(null);
    setFormKey((k) => k + 1);
  };
  return (
    <>
      <title>Vragen van de peiling – Spoorboek</title>
      <Heading level={1}>Vragen van de peiling</Heading>
      <Paragraph>
        Een ronde houdt de vragen waarmee ze is verstuurd. Wijzigingen gelden voor rondes die hierna worden verstuurd.{' '}
        <AppLink to="/peilingen">Naar de rondes</AppLink>
      </Paragraph>
      <StatusMessage>{message}</StatusMessage>
      {questions.isPending && <StatusMessage>Vragen laden…</StatusMessage>}
      {questions.isError && <ErrorAlert error={questions.error} onRetry={() => void questions.refetch()} />}
      {questions.data && (
        <DataTable id="peilingvragen" caption="Vragen van de peiling" columns={['Volgorde', 'Vraag', 'Soort', 'Contactpunt', 'Actief', 'Actie']}>
          {questions.data.map((q) => (
            <TableRow key={q.id}>
              <TableCell>{q.positie}</TableCell>
              <TableCell>{q.tekst}</TableCell>
              <TableCell>{KIND_LABELS[q.soort]}</TableCell>
              <TableCell>{TOUCHPOINT_LABELS[q.contactpunt]}</TableCell>
              <TableCell>{q.actief ? 'ja' : 'nee'}</TableCell>
              <TableCell>
                <SecondaryActionButton
                  type="button"
                  aria-label={`Wijzigen: ${q.tekst}`}
                  onClick={() => {
                    setMessage('');
                    setEditing(q);
                    setFormKey((k) => k + 1);
                  }}
                >
                  Wijzigen
                </SecondaryActionButton>
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      <QuestionForm key={formKey} editing={editing} onDone={done} />
    </>
  );
}
