import { SelectOption } from '@utrecht/component-library-react';
import type { ChangeEvent } from 'react';

import { SelectField } from '../forms/fields';
import { useSuppliers } from './api';
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

/** One software supplier, or none (`empty` names the choice of none: "Alle leveranciers"). */
export function SupplierSelect({
  id,
  label = 'Leverancier',
  description,
  empty,
  value,
  onChange,
  errors,
}: SelectProps & { label?: string; description?: string; empty: string; errors?: string[] | undefined }) {
  const suppliers = useSuppliers();
  const loadError = suppliers.isError ? ['De lijst met leveranciers kon niet worden geladen.'] : [];
  return (
    <SelectField
      id={id}
      label={label}
      description={description}
      value={value}
      onChange={onChange}
      busy={suppliers.isPending}
      errors={[...loadError, ...(errors ?? [])]}
    >
      <SelectOption value="">{empty}</SelectOption>
      {suppliers.data?.map((supplier) => (
        <SelectOption key={supplier.code} value={supplier.code}>
          {supplier.naam}
        </SelectOption>
      ))}
      {/* A chosen supplier stays visible while the list loads (or if it failed). */}
      {value && !suppliers.data?.some((supplier) => supplier.code === value) && <SelectOption value={value}>{value}</SelectOption>}
    </SelectField>
  );
}
