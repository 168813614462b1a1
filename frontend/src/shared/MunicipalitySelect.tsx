import { SelectOption } from '@utrecht/component-library-react';
import type { ComponentProps } from 'react';

import { SelectField } from '../forms/fields';

type MunicipalitySelectProps = Omit<ComponentProps<typeof SelectField>, 'children'> & {
  /** The municipalities to choose from: those of the contact, as her account lists them. */
  municipalities: readonly { code: string; naam: string }[];
  /** The first, empty option: a prompt when a choice is required, or what none means. */
  emptyLabel?: string;
};

/** Chooses one of a contact's own municipalities, for whom she registers, books or reports. */
export function MunicipalitySelect({ municipalities, emptyLabel = 'Kies een gemeente', ...field }: MunicipalitySelectProps) {
  return (
    <SelectField {...field}>
      <SelectOption value="">{emptyLabel}</SelectOption>
      {municipalities.map((municipality) => (
        <SelectOption key={municipality.code} value={municipality.code}>
          {municipality.naam}
        </SelectOption>
      ))}
    </SelectField>
  );
}
