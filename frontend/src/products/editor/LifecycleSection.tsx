import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';

import { ApiError } from '../../api/problem';
import { clientErrors, hasErrors, mapErrorToForm } from '../../forms/errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { TextAreaField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { StatusMessage } from '../../shared/StatusMessage';
import { invalidateProducts, storeProduct } from '../api';
import { STATUS_LABELS } from '../labels';
import { allowedTransitions, possibleFromProblem, transitionHint, type TransitionAction } from '../lifecycle';
import type { Product, ProductStatus, Review, Transition } from '../types';
import { changeStatus } from './api';

const NOTE_ID = 'status-notitie';

function successMessage(product: Product, to: ProductStatus): string {
  switch (to) {
    case 'in-ontwikkeling':
      return `Conceptversie ${product.conceptversie?.nummer ?? ''} staat klaar. De status is nu: In ontwikkeling.`;
    case 'gepubliceerd':
      return `Versie ${product.gepubliceerdeVersie?.nummer ?? ''} is gepubliceerd.`;
    default:
      return `De status is nu: ${STATUS_LABELS[to]}.`;
  }
}

interface NoteFormProps {
  action: TransitionAction;
  busy: boolean;
  errors: string[] | undefined;
  onSubmit: (note: string) => void;
  onCancel: () => void;
}

/** The change note or reason a move asks for, with its own confirm button. */
function NoteForm({ action, busy, errors, onSubmit, onCancel }: NoteFormProps) {
  const [note, setNote] = useState('');
  const noteRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => noteRef.current?.focus(), []);
  if (action.note.field === null) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(note);
  };
  return (
    <form noValidate onSubmit={submit} className="spoorboek-form spoorboek-panel" aria-label={action.label}>
      <Paragraph>{action.description}</Paragraph>
      <TextAreaField
        id={NOTE_ID}
        inputRef={noteRef}
        label={action.note.label}
        description={action.note.description}
        required={action.note.required}
        maxLength={2000}
        rows={3}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        errors={errors}
      />
      <ButtonGroup>
        <Button
          type="submit"
          appearance="primary-action-button"
          hint={action.destructive ? 'danger' : undefined}
          busy={busy}
          disabled={busy}
        >
          {action.label}
        </Button>
        <SecondaryActionButton type="button" onClick={onCancel}>
          Annuleren
        </SecondaryActionButton>
      </ButtonGroup>
    </form>
  );
}

interface LifecycleSectionProps {
  product: Product;
  reviews: Review[] | undefined;
}

/** The moves allowed from the current status (and only those), with what each one needs. */
export function LifecycleSection({ product, reviews }: LifecycleSectionProps) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<TransitionAction | null>(null);
  const [message, setMessage] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const actions = allowedTransitions(product.status);

  const mutation = useMutation({
    mutationFn: (transition: Transition) => changeStatus(product.id, transition),
    onMutate: () => setMessage(''),
    onSuccess: async (changed, transition) => {
      await storeProduct(queryClient, changed);
      void invalidateProducts(queryClient);
      setOpen(null);
      clear();
      setMessage(successMessage(changed, transition.naar));
    },
    onError: (error) => {
      const mapped = mapErrorToForm(error, ['wijzigingsnotitie', 'toelichting']);
      // Someone else moved the product meanwhile: the server says where it is; show that.
      if (error instanceof ApiError && error.status === 409 && possibleFromProblem(error.extensions)) {
        setOpen(null);
        void invalidateProducts(queryClient);
      }
      show(mapped);
    },
  });

  const start = (action: TransitionAction) => {
    clear();
    setMessage('');
    if (action.note.field === null) {
      setOpen(null);
      mutation.mutate({ naar: action.to });
    } else {
      setOpen(action);
    }
  };

  const submitNote = (action: TransitionAction, note: string) => {
    if (action.note.field === null) return;
    const text = note.trim();
    const problems = clientErrors({
      [action.note.field]: action.note.required && !text && `Vul de ${action.note.label.toLowerCase()} in.`,
    });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    mutation.mutate({ naar: action.to, [action.note.field]: text || null });
  };

  const note = open?.note;
  const noteField = note?.field ?? null;
  const fields = note && note.field !== null ? { [note.field]: { id: NOTE_ID, label: note.label } } : {};

  return (
    <section aria-labelledby="status-kop" className="spoorboek-section">
      <Heading level={2} id="status-kop">
        Status
      </Heading>
      <Paragraph>
        Huidige status: <strong>{STATUS_LABELS[product.status]}</strong>.
      </Paragraph>
      <ErrorSummary ref={summaryRef} errors={errors} fields={fields} />
      {actions.length === 0 ? (
        <Paragraph>Een ingetrokken product verandert niet meer van status.</Paragraph>
      ) : (
        <ul className="spoorboek-actions" aria-label="Mogelijke statuswijzigingen">
          {actions.map((action) => {
            const hint = transitionHint(product, action.to, reviews);
            const hintId = `status-actie-${action.to}-uitleg`;
            const ButtonKind = action.to === 'in-ontwikkeling' && product.status === 'in-toetsing' ? SecondaryActionButton : PrimaryActionButton;
            return (
              <li key={action.to}>
                {action.destructive ? (
                  <Button
                    type="button"
                    appearance="secondary-action-button"
                    hint="danger"
                    aria-describedby={hintId}
                    aria-expanded={open?.to === action.to}
                    disabled={mutation.isPending}
                    onClick={() => start(action)}
                  >
                    {action.label}
                  </Button>
                ) : (
                  <ButtonKind
                    type="button"
                    aria-describedby={hintId}
                    aria-expanded={action.note.field === null ? undefined : open?.to === action.to}
                    busy={mutation.isPending && mutation.variables?.naar === action.to && open === null}
                    disabled={mutation.isPending}
                    onClick={() => start(action)}
                  >
                    {action.label}
                  </ButtonKind>
                )}
                <Paragraph id={hintId} className="spoorboek-action-description">
                  {action.description}
                  {hint && <> {hint}</>}
                </Paragraph>
              </li>
            );
          })}
        </ul>
      )}
      {open && (
        <NoteForm
          key={open.to}
          action={open}
          busy={mutation.isPending}
          errors={noteField ? errors.fields[noteField] : undefined}
          onSubmit={(note) => submitNote(open, note)}
          onCancel={() => {
            setOpen(null);
            clear();
          }}
        />
      )}
      <StatusMessage>{message}</StatusMessage>
    </section>
  );
}
