import { useQuery } from '@tanstack/react-query';
import { SelectOption } from '@utrecht/component-library-react';

import { SelectField } from '../forms/fields';
import { fetchOrganisations } from './referenceData';

interface OrganisationSelectProps {
  id: string;
  value: string;
  onChange: (code: string) => void;
  errors?: string[] | undefined;
  description?: string;
  label?: string;
}

/** Picks one organisation (partner or shared service), or none. */
export function OrganisationSelect({ id, value, onChange, errors, description, label = 'Organisatie (niet verplicht)' }: OrganisationSelectProps) {
  const organisations = useQuery({
    queryKey: ['organisaties', 'alle'],
    queryFn: ({ signal }) => fetchOrganisations(signal),
  });
  const loadError = organisations.isError ? ['De lijst met organisaties kon niet worden geladen.'] : [];
  return (
    <SelectField
      id={id}
      label={label}
      description={description}
      errors={[...loadError, ...(errors ?? [])]}
      value={value}
      busy={organisations.isPending}
      onChange={(event) => onChange(event.target.value)}
    >
      <SelectOption value="">Geen organisatie</SelectOption>
      {organisations.data?.map((organisation) => (
        <SelectOption key={organisation.code} value={organisation.code}>
          {organisation.naam}
        </SelectOption>
      ))}
      {/* Keep a chosen value visible while the list loads (or if it failed). */}
      {value && !organisations.data?.some((o) => o.code === value) && (
        <SelectOption value={value}>{value}</SelectOption>
      )}
    </SelectField>
  );
}
