import { useQuery } from '@tanstack/react-query';
import { Alert, ButtonGroup, Heading, Paragraph, PrimaryActionButton, SecondaryActionButton, SubtleButton } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';

import { clientErrors, mapErrorToForm } from '../forms/errors';
import { TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { fetchQuestion, mergeQuestion, questionKeys } from './api';
import { STATUS_LABELS } from './labels';
import type { Question } from './types';
import { useQuestionChange } from './useQuestionChange';

/** Folds a duplicate into this question: enter its number, check which one it is, confirm. */
export function MergeSection({ question }: { question: Question }) {
  const [number, setNumber] = useState('');
  const [candidate, setCandidate] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const { errors, show, clear } = useFormErrors();
  const confirmRef = useRef<HTMLDivElement>(null);
  const other = useQuery({
    queryKey: candidate ? questionKeys.detail(candidate) : ['prive', 'vragen', 'geen'],
    queryFn: ({ signal }) => fetchQuestion(candidate ?? 0, signal),
    enabled: candidate !== null,
    retry: false,
  });
  useEffect(() => {
    if (other.data) confirmRef.current?.focus();
  }, [other.data]);

  const merge = useQuestionChange(question, (duplicate: number, version) => mergeQuestion(question.id, version, duplicate), {
    onDone: () => {
      setMessage(`Vraag ${candidate} is met deze vraag samengevoegd. De vrager krijgt het antwoord van deze vraag.`);
      setCandidate(null);
      setNumber('');
      clear();
    },
    onFailed: (error) => {
      setCandidate(null);
      show(mapErrorToForm(error, ['vraagId']));
    },
  });

  const check = (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    const id = Number(number.trim());
    if (!Number.isInteger(id) || id < 1) {
      show(clientErrors({ vraagId: 'Vul het nummer van de dubbele vraag in, zoals 123.' }));
      return;
    }
    if (id === question.id) {
      show(clientErrors({ vraagId: 'Een vraag kan niet met zichzelf samengaan.' }));
      return;
    }
    clear();
    setCandidate(id);
  };

  const fieldErrors = [...(errors.fields.vraagId ?? []), ...errors.general];
  return (
    <section aria-labelledby="samenvoegen-kop" className="spoorboek-section">
      <Heading level={2} id="samenvoegen-kop">
        Dubbele vraag samenvoegen
      </Heading>
      <Paragraph>
        Stelde iemand dezelfde vraag nog eens? Voeg die vraag hierin samen: zij wordt gesloten, en haar vrager krijgt het
        antwoord van deze vraag.
      </Paragraph>
      <form noValidate onSubmit={check} className="spoorboek-form" aria-label="Dubbele vraag zoeken">
        <TextField
          id="vraagId"
          label="Nummer van de dubbele vraag"
          inputMode="numeric"
          autoComplete="off"
          value={number}
          onChange={(event) => {
            setNumber(event.target.value);
            setCandidate(null);
          }}
          errors={fieldErrors.length ? fieldErrors : undefined}
        />
        <ButtonGroup>
          <SecondaryActionButton type="submit">Samenvoegen…</SecondaryActionButton>
        </ButtonGroup>
      </form>
      <StatusMessage>{candidate !== null && other.isPending ? 'Vraag opzoeken…' : message}</StatusMessage>
      {candidate !== null && other.isError && <ErrorAlert error={other.error} />}
      {candidate !== null && other.data && (
        <Alert type="warning" ref={confirmRef} tabIndex={-1}>
          <Heading level={3}>Vraag {other.data.id} samenvoegen met vraag {question.id}?</Heading>
          <Paragraph>
            Vraag {other.data.id}: {other.data.onderwerp} ({STATUS_LABELS[other.data.status].toLowerCase()}
            {other.data.vragensteller?.naam ? `, van ${other.data.vragensteller.naam}` : ''}). Dit kunt u niet ongedaan maken.
          </Paragraph>
          <ButtonGroup>
            <PrimaryActionButton
              type="button"
              busy={merge.isPending}
              disabled={merge.isPending}
              onClick={() => merge.mutate(other.data.id)}
            >
              Ja, samenvoegen
            </PrimaryActionButton>
            <SubtleButton type="button" onClick={() => setCandidate(null)}>
              Annuleren
            </SubtleButton>
          </ButtonGroup>
        </Alert>
      )}
    </section>
  );
}
