import { useQuery } from '@tanstack/react-query';
import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  SubtleButton,
} from '@utrecht/component-library-react';
import { useState, type KeyboardEvent } from 'react';

import { TextField } from '../forms/fields';
import { ErrorAlert } from './ErrorAlert';
import { useDebouncedValue } from './useDebouncedValue';
import { StatusMessage } from './StatusMessage';
import { searchMunicipalities, type CodeName } from './referenceData';
import { plural } from './dutch';

interface MunicipalityPickerProps {
  id: string;
  legend: string;
  description?: string;
  errors?: string[] | undefined;
  value: CodeName[];
  onChange: (value: CodeName[]) => void;
}

/** The id the error summary links to: the search box. */
export const pickerSearchId = (id: string) => `${id}-zoek`;

/**
 * Chooses any number of municipalities: search by name, tick the ones you want; the chosen ones
 * stay listed with a button to remove each.
 */
export function MunicipalityPicker({ id, legend, description, errors, value, onChange }: MunicipalityPickerProps) {
  const [term, setTerm] = useState('');
  const search = useDebouncedValue(term.trim());
  const results = useQuery({
    queryKey: ['gemeenten', 'zoek', search],
    queryFn: ({ signal }) => searchMunicipalities(search, signal),
    enabled: search.length >= 2,
  });
  const chosen = new Set(value.map((m) => m.code));
  const invalid = Boolean(errors?.length);
  const toggle = (municipality: CodeName, checked: boolean) =>
    onChange(
      checked
        ? [...value, { code: municipality.code, naam: municipality.naam }]
        : value.filter((m) => m.code !== municipality.code),
    );
  // Enter in the search box searches; it must not submit the surrounding form.
  const keepFormClosed = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') event.preventDefault();
  };

  let status = '';
  if (search.length >= 2) {
    if (results.isPending) status = 'Gemeenten zoeken…';
    else if (results.data?.length === 0) status = `Geen gemeenten gevonden met "${search}".`;
    else if (results.data) status = `${plural(results.data.length, 'gemeente', 'gemeenten')} gevonden.`;
  }

  return (
    <Fieldset invalid={invalid} className="spoorboek-fieldset spoorboek-picker" aria-describedby={invalid ? `${id}-fout` : undefined}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description && <FormFieldDescription>{description}</FormFieldDescription>}
      {invalid && <FormFieldErrorMessage id={`${id}-fout`}>{errors?.join(' ')}</FormFieldErrorMessage>}
      {value.length === 0 ? (
        <Paragraph>Nog geen gemeenten gekozen.</Paragraph>
      ) : (
        <ul className="spoorboek-chosen" aria-label={`Gekozen: ${value.length}`}>
          {value.map((municipality) => (
            <li key={municipality.code}>
              <span>
                {municipality.naam} <span className="spoorboek-muted">({municipality.code})</span>
              </span>
              <SubtleButton
                type="button"
                aria-label={`Verwijder ${municipality.naam}`}
                onClick={() => toggle(municipality, false)}
              >
                Verwijder
              </SubtleButton>
            </li>
          ))}
        </ul>
      )}
      <TextField
        id={pickerSearchId(id)}
        label="Zoek een gemeente"
        description="Typ minstens twee letters van de naam; vink daarna de gemeente aan."
        type="search"
        autoComplete="off"
        value={term}
        onChange={(event) => setTerm(event.target.value)}
        onKeyDown={keepFormClosed}
      />
      <StatusMessage>{status}</StatusMessage>
      {results.isError && <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />}
      {search.length >= 2 && results.data && results.data.length > 0 && (
        <div className="spoorboek-picker__results">
          {results.data.map((municipality) => {
            const inputId = `${id}-resultaat-${municipality.code}`;
            const checked = chosen.has(municipality.code);
            return (
              <FormField key={municipality.code} type="checkbox">
                <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
                  <FormLabel type="checkbox" htmlFor={inputId} checked={checked}>
                    <Checkbox
                      id={inputId}
                      className="utrecht-form-field__input"
                      checked={checked}
                      onChange={(event) => toggle(municipality, event.target.checked)}
                    />
                    {municipality.naam} ({municipality.provincie.naam})
                  </FormLabel>
                </div>
              </FormField>
            );
          })}
        </div>
      )}
    </Fieldset>
  );
}
