import { useState, type KeyboardEvent } from 'react';

import { RadioGroup, TextField, type Choice } from '../forms/fields';
import { ErrorAlert } from './ErrorAlert';
import { StatusMessage } from './StatusMessage';
import { useDebouncedValue } from './useDebouncedValue';

/** How many letters a search needs before it is sent. */
const MIN_LETTERS = 2;

/** What was typed, and the settled search that may go to the API (`enabled` once long enough). */
export function useSearchTerm() {
  const [term, setTerm] = useState('');
  const search = useDebouncedValue(term.trim());
  return { term, setTerm, search, enabled: search.length >= MIN_LETTERS };
}

/** The id of the search box, which the error summary links to. */
export const searchBoxId = (id: string) => `${id}-zoek`;

// Enter in the search box searches; it must not submit the surrounding form.
const keepFormClosed = (event: KeyboardEvent<HTMLInputElement>) => {
  if (event.key === 'Enter') event.preventDefault();
};

interface SearchPickerProps {
  /** Prefix of the search box (`${id}-zoek`) and of the choices (`${id}-keuze`). */
  id: string;
  label: string;
  description: string;
  errors?: string[] | undefined;
  term: string;
  onTermChange: (term: string) => void;
  /** What the search found, in a sentence for the status region. */
  status: string;
  /** The search's query; its failure is shown with a retry while a search is on. */
  query: { isError: boolean; error: unknown; refetch: () => unknown };
  enabled: boolean;
  legend: string;
  value: string;
  onChange: (value: string) => void;
  /** What was found; no radio buttons while there is nothing. */
  choices: Choice[] | undefined;
}

/**
 * Finds one item by typing part of its name, then picking it among those found (radio buttons, so
 * arrows and Tab work as everywhere); the status region says how the search went.
 */
export function SearchPicker({
  id,
  label,
  description,
  errors,
  term,
  onTermChange,
  status,
  query,
  enabled,
  legend,
  value,
  onChange,
  choices,
}: SearchPickerProps) {
  return (
    <>
      <TextField
        id={searchBoxId(id)}
        label={label}
        description={description}
        type="search"
        autoComplete="off"
        value={term}
        onChange={(event) => onTermChange(event.target.value)}
        onKeyDown={keepFormClosed}
        errors={errors}
      />
      <StatusMessage>{status}</StatusMessage>
      {enabled && query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {choices && choices.length > 0 && (
        <RadioGroup id={`${id}-keuze`} name={`${id}-keuze`} legend={legend} value={value} onChange={onChange} choices={choices} />
      )}
    </>
  );
}
