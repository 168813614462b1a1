import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, SecondaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { clientErrors, mapErrorToForm } from '../forms/errors';
import { TextAreaField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { DutchDateTime } from '../shared/DutchDateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { addNote, questionKeys, useNotes } from './api';

/** Internal notes: only the programme team sees them, never the asker. Set apart from the answer. */
export function NotesSection({ questionId }: { questionId: number }) {
  const queryClient = useQueryClient();
  const notes = useNotes(questionId);
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const { errors, show, clear } = useFormErrors();
  const add = useMutation({
    mutationFn: (tekst: string) => addNote(questionId, tekst),
    onMutate: () => setMessage(''),
    onSuccess: async () => {
      clear();
      setText('');
      setMessage('De interne notitie is toegevoegd.');
      // A note is a step in the question's history but leaves its version (the forms' If-Match)
      // alone, so the question itself need not be read again.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: questionKeys.notes(questionId) }),
        queryClient.invalidateQueries({ queryKey: questionKeys.history(questionId) }),
      ]);
    },
    onError: (error) => show(mapErrorToForm(error, ['tekst'])),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      show(clientErrors({ tekst: 'Schrijf de notitie.' }));
      document.getElementById('notitie')?.focus();
      return;
    }
    add.mutate(text.trim());
  };
  return (
    <section aria-labelledby="notities-kop" className="spoorboek-section spoorboek-internal">
      <Heading level={2} id="notities-kop">
        <span className="spoorboek-internal__label">Intern</span> Notities van het programmateam
      </Heading>
      <Paragraph>Alleen het programmateam ziet deze notities; de vrager nooit.</Paragraph>
      <StatusMessage>{notes.isPending ? 'Notities laden…' : ''}</StatusMessage>
      {notes.isError && <ErrorAlert error={notes.error} onRetry={() => void notes.refetch()} />}
      {notes.data?.length === 0 && <Paragraph>Nog geen notities.</Paragraph>}
      {notes.data && notes.data.length > 0 && (
        <ol className="spoorboek-notes" aria-labelledby="notities-kop">
          {notes.data.map((note) => (
            <li key={note.id}>
              <Paragraph className="spoorboek-muted">
                {note.auteur?.naam ?? 'Onbekend'}, <DutchDateTime value={note.aangemaaktOp} />
              </Paragraph>
              <Paragraph className="spoorboek-text">{note.tekst}</Paragraph>
            </li>
          ))}
        </ol>
      )}
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-label="Interne notitie toevoegen">
        <TextAreaField
          id="notitie"
          label="Nieuwe interne notitie"
          rows={3}
          maxLength={10000}
          value={text}
          onChange={(event) => setText(event.target.value)}
          errors={errors.fields.tekst ?? (errors.general.length ? errors.general : undefined)}
        />
        <ButtonGroup>
          <SecondaryActionButton type="submit" busy={add.isPending} disabled={add.isPending}>
            Notitie toevoegen
          </SecondaryActionButton>
        </ButtonGroup>
        <StatusMessage>{message}</StatusMessage>
      </form>
    </section>
  );
}
