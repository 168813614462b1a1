import { useMutation } from '@tanstack/react-query';
import { ButtonGroup, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { useFormErrors } from '../forms/useFormErrors';
import { StatusMessage } from '../shared/StatusMessage';
import type { Choices, Subscription } from './api';
import { ChoiceFields, choiceSummaryFields } from './ChoiceFields';
import { choiceProblems, choicesBody, valuesFrom, type ChoiceValues } from './logic';

interface ChoicesFormProps {
  prefix: string;
  subscription: Subscription | null;
  save: (body: Choices) => Promise<Subscription>;
  onSaved: (subscription: Subscription) => Promise<void>;
  submitLabel: string;
  savedText: string;
}

/** Changing what she gets (behind a mail's link or in mijn account): the same fields, another call. */
export function ChoicesForm({ prefix, subscription, save, onSaved, submitLabel, savedText }: ChoicesFormProps) {
  const fields = choiceSummaryFields(prefix);
  const [values, setValues] = useState<ChoiceValues>(() =>
    subscription ? valuesFrom(subscription) : { everything: true, measures: [], themes: [], waves: [] },
  );
  const [message, setMessage] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: async (saved) => {
      clear();
      setMessage(savedText);
      await onSaved(saved);
    },
    onError: (error) =>
      show(mapErrorToForm(error, ['alles'], { aliases: { maatregelen: 'alles', themas: 'alles', golven: 'alles' } })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    const problems = clientErrors(choiceProblems(values));
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    mutation.mutate(choicesBody(values));
  };

  return (
    <form noValidate onSubmit={submit} className="spoorboek-form" aria-label="Keuze voor de nieuwsbrief">
      <ErrorSummary ref={summaryRef} errors={errors} fields={fields} />
      <ChoiceFields prefix={prefix} values={values} onChange={setValues} errors={errors.fields} />
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
          {submitLabel}
        </PrimaryActionButton>
      </ButtonGroup>
      <StatusMessage>{message}</StatusMessage>
    </form>
  );
}
