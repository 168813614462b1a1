import { Alert, Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { forwardRef, type MouseEvent } from 'react';

import { hasErrors, type FormErrors } from './errors';

export interface SummaryField {
  /** The visible label, repeated in the summary so each message says which field it is about. */
  label: string;
  /** The id of the input to jump to. */
  id: string;
}

interface ErrorSummaryProps {
  errors: FormErrors;
  fields: Record<string, SummaryField>;
}

function jumpTo(id: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(id);
    if (!target) return;
    // Move focus without touching the URL: some pages keep a token in the fragment.
    event.preventDefault();
    target.focus();
    target.scrollIntoView?.({ block: 'center' });
  };
}

/**
 * The error summary above a form: every problem in one list, field errors linked to their field.
 * It receives focus when a submit fails (see useFormErrors).
 */
export const ErrorSummary = forwardRef<HTMLDivElement, ErrorSummaryProps>(function ErrorSummary(
  { errors, fields },
  ref,
) {
  if (!hasErrors(errors)) return null;
  const fieldItems = Object.entries(errors.fields).flatMap(([name, messages]) =>
    messages.map((message) => ({ name, message, field: fields[name] })),
  );
  const onlyGeneral = fieldItems.length === 0 && errors.general.length === 1;
  return (
    <Alert type="error" ref={ref} tabIndex={-1} className="spoorboek-error-summary">
      <Heading level={2}>{fieldItems.length > 0 ? 'Controleer de volgende gegevens' : 'Dat lukte niet'}</Heading>
      {onlyGeneral ? (
        <Paragraph>{errors.general[0]}</Paragraph>
      ) : (
        <UnorderedList>
          {errors.general.map((message) => (
            <UnorderedListItem key={message}>{message}</UnorderedListItem>
          ))}
          {fieldItems.map(({ name, message, field }) => (
            <UnorderedListItem key={`${name}:${message}`}>
              {field ? (
                <Link href={`#${field.id}`} onClick={jumpTo(field.id)}>
                  {field.label}: {message}
                </Link>
              ) : (
                message
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </Alert>
  );
});
