import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Paragraph, PrimaryActionButton, SecondaryActionButton } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';

import { clientErrors, hasErrors, mapErrorToForm, NO_ERRORS, type FormErrors } from '../forms/errors';
import { TextAreaField, TextField } from '../forms/fields';
import { todayIso } from '../shared/dates';
import { DutchDate } from '../shared/DutchDate';
import { helpKeys, recordContact } from './helpApi';
import type { LastContact } from './helpTypes';

const NOTE_LENGTH = 500;
const FIELDS = ['datum', 'notitie'] as const;

/** The last contact of a row: day, who, note. */
function LastContactText({ last }: { last: LastContact | null }) {
  if (!last) return <>Nog geen contact vastgelegd</>;
  return (
    <>
      <DutchDate value={last.datum} />
      {last.door ? `, ${last.door}` : ''}: {last.notitie}
    </>
  );
}

/**
 * A row's last contact and "Contact vastleggen": a button that opens a small form (date, note)
 * in place. Saving reloads the list; focus then goes to the row's last contact, which now reads
 * the new one (one status region per row would make fifty on a page).
 */
export function ContactMomentForm({
  code,
  measure,
  label,
  last,
}: {
  code: string;
  measure: string;
  label: string;
  last: LastContact | null;
}) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(todayIso);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const lastRef = useRef<HTMLParagraphElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const id = `contact-${code}-${measure}`;

  useEffect(() => {
    if (open) dateRef.current?.focus();
  }, [open]);

  const save = useMutation({
    mutationFn: () => recordContact(code, measure, { datum: day, notitie: note.trim() }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: helpKeys.all });
      setOpen(false);
      setNote('');
      setErrors(NO_ERRORS);
      lastRef.current?.focus();
    },
    onError: (error) => fail(mapErrorToForm(error, FIELDS)),
  });

  const fail = (found: FormErrors) => {
    setErrors(found);
    if (found.fields.datum) dateRef.current?.focus();
    else if (found.fields.notitie) noteRef.current?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors({
      datum: !/^\d{4}-\d{2}-\d{2}$/.test(day)
        ? 'Vul de datum van het contact in.'
        : day > todayIso() && 'Een contact ligt niet in de toekomst.',
      notitie: !note.trim()
        ? 'Schrijf kort wat er besproken is.'
        : note.length > NOTE_LENGTH && `Gebruik hoogstens ${NOTE_LENGTH} tekens.`,
    });
    if (hasErrors(problems)) {
      fail(problems);
      return;
    }
    save.mutate();
  };

  return (
    <div className="spoorboek-contact-moment">
      <Paragraph ref={lastRef} tabIndex={-1} className={last ? undefined : 'spoorboek-muted'}>
        <LastContactText last={last} />
      </Paragraph>
      <Button
        ref={toggleRef}
        appearance="secondary-action-button"
        type="button"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={`Contact vastleggen: ${label}`}
        onClick={() => {
          setErrors(NO_ERRORS);
          setOpen((now) => !now);
        }}
      >
        Contact vastleggen
      </Button>
      {open && (
        <form id={id} noValidate onSubmit={submit} aria-label={`Contact vastleggen: ${label}`}>
          {errors.general.length > 0 && (
            <Alert type="error">
              {errors.general.map((text) => (
                <Paragraph key={text}>{text}</Paragraph>
              ))}
            </Alert>
          )}
          <TextField
            id={`${id}-datum`}
            label="Datum van het contact"
            type="date"
            max={todayIso()}
            value={day}
            inputRef={dateRef}
            errors={errors.fields.datum}
            onChange={(event) => setDay(event.target.value)}
          />
          <TextAreaField
            id={`${id}-notitie`}
            label="Notitie"
            description={`Kort: wie u sprak en wat is afgesproken (hoogstens ${NOTE_LENGTH} tekens).`}
            rows={3}
            value={note}
            inputRef={noteRef}
            errors={errors.fields.notitie}
            onChange={(event) => setNote(event.target.value)}
          />
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={save.isPending} disabled={save.isPending}>
              Opslaan
            </PrimaryActionButton>
            <SecondaryActionButton
              type="button"
              disabled={save.isPending}
              onClick={() => {
                setOpen(false);
                setErrors(NO_ERRORS);
                toggleRef.current?.focus();
              }}
            >
              Annuleren
            </SecondaryActionButton>
          </ButtonGroup>
        </form>
      )}
    </div>
  );
}
