import { ButtonGroup, PrimaryActionButton, SelectOption } from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { SelectField } from './fields';

/** The end of every filter form: apply, or clear every filter (back to the bare URL). */
export function FilterButtons({ label = 'Filteren', wide = false }: { label?: string; wide?: boolean }) {
  return (
    <ButtonGroup className={wide ? 'spoorboek-filters__wide' : undefined}>
      <PrimaryActionButton type="submit">{label}</PrimaryActionButton>
      <AppLink to={{ search: '' }}>Filters wissen</AppLink>
    </ButtonGroup>
  );
}

export interface SortOption {
  value: string;
  label: string;
}

/** The sort order of a result list, as a select with the list's own options. */
export function SortField({
  value,
  options,
  onChange,
}: {
  value: string;
  options: readonly SortOption[];
  onChange: (event: { target: { value: string } }) => void;
}) {
  return (
    <SelectField id="filter-sorteer" label="Volgorde" value={value} onChange={onChange}>
      {options.map((option) => (
        <SelectOption key={option.value} value={option.value}>
          {option.label}
        </SelectOption>
      ))}
    </SelectField>
  );
}
