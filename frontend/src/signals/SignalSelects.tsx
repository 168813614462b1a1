import { SelectOption } from '@utrecht/component-library-react';
import type { ChangeEvent } from 'react';

import { SelectField } from '../forms/fields';
import { KIND_LABELS, KINDS, STATUS_LABELS, STATUSES } from './labels';

interface SelectProps {
  id: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
}

/** A filter on one kind (or all); `withNone` adds the blockers without a kind. */
export function KindSelect({ id, value, onChange, withNone = false }: SelectProps & { withNone?: boolean }) {
  return (
    <SelectField id={id} label="Soort" value={value} onChange={onChange}>
      <SelectOption value="">Alle soorten</SelectOption>
      {KINDS.map((kind) => (
        <SelectOption key={kind} value={kind}>
          {KIND_LABELS[kind]}
        </SelectOption>
      ))}
      {withNone && <SelectOption value="geen">Zonder soort</SelectOption>}
    </SelectField>
  );
}

/** A filter on one status of the loop (or all). */
export function StatusSelect({ id, value, onChange }: SelectProps) {
  return (
    <SelectField id={id} label="Status" value={value} onChange={onChange}>
      <SelectOption value="">Alle statussen</SelectOption>
      {STATUSES.map((status) => (
        <SelectOption key={status} value={status}>
          {STATUS_LABELS[status]}
        </SelectOption>
      ))}
    </SelectField>
  );
}

/** The kind a new signal gets, to choose (none chosen yet: "Kies een soort"). */
export function KindChoice({
  id,
  label = 'Soort',
  description,
  value,
  onChange,
  errors,
}: SelectProps & { label?: string; description?: string; errors?: string[] | undefined }) {
  return (
    <SelectField id={id} label={label} description={description} value={value} onChange={onChange} errors={errors}>
      <SelectOption value="">Kies een soort</SelectOption>
      {KINDS.map((kind) => (
        <SelectOption key={kind} value={kind}>
          {KIND_LABELS[kind]}
        </SelectOption>
      ))}
    </SelectField>
  );
}
