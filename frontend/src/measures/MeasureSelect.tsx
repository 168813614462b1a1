import { SelectOption } from '@utrecht/component-library-react';
import type { ChangeEvent } from 'react';

import { SelectField } from '../forms/fields';
import { useAllMeasures } from './queries';

interface MeasureSelectProps {
  id: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
}

/** A filter on one measure (or all), by code; a chosen code stays visible while the list loads. */
export function MeasureSelect({ id, value, onChange }: MeasureSelectProps) {
  const measures = useAllMeasures();
  return (
    <SelectField
      id={id}
      label="Maatregel"
      value={value}
      busy={measures.isPending}
      errors={measures.isError ? ['De lijst met maatregelen kon niet worden geladen.'] : undefined}
      onChange={onChange}
    >
      <SelectOption value="">Alle maatregelen</SelectOption>
      {[...(measures.data ?? [])]
        .sort((a, b) => a.code.localeCompare(b.code, 'nl', { numeric: true }))
        .map((measure) => (
          <SelectOption key={measure.code} value={measure.code}>
            {measure.code} {measure.titel}
          </SelectOption>
        ))}
      {value && !measures.data && <SelectOption value={value}>{value}</SelectOption>}
    </SelectField>
  );
}
