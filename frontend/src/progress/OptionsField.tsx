import { SelectOption } from '@utrecht/component-library-react';

import { SelectField } from '../forms/fields';

export interface Option {
  value: string;
  label: string;
}

/** A filter chosen from a list loaded from the API, with "all" as the empty choice. */
export function OptionsField({
  name,
  label,
  all,
  options,
  loading = false,
  failed = false,
  value,
  onChange,
}: {
  name: string;
  label: string;
  all: string;
  options: readonly Option[] | undefined;
  loading?: boolean;
  failed?: boolean;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <SelectField
      id={`filter-${name}`}
      label={label}
      value={value}
      busy={loading}
      errors={failed ? [`De lijst kon niet worden geladen.`] : undefined}
      onChange={(event) => onChange(event.target.value)}
    >
      <SelectOption value="">{all}</SelectOption>
      {options?.map((option) => (
        <SelectOption key={option.value} value={option.value}>
          {option.label}
        </SelectOption>
      ))}
      {value && !options && <SelectOption value={value}>{value}</SelectOption>}
    </SelectField>
  );
}

export const codeNames = (list: { code: string; naam: string }[] | undefined) =>
  list?.map((item) => ({ value: item.code, label: item.naam }));

/** What a filter list needs of its query: the options, and whether they are loading or failed. */
export function listState<T>(
  query: { data: T | undefined; isPending: boolean; isError: boolean },
  toOptions: (data: T | undefined) => Option[] | undefined,
) {
  return { options: toOptions(query.data), loading: query.isPending, failed: query.isError };
}
