import { SelectOption } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { SelectField } from '../forms/fields';
import { useWaves } from '../measures/queries';
import { useLabourMarketRegions, useProvinces, useThemes } from './api';
import { codeNames, listState, OptionsField } from './OptionsField';
import { FilterButtons } from '../forms/filterForm';

const NAMES = ['provincie', 'arbeidsmarktregio', 'fase', 'thema', 'weergave'] as const;
type Name = (typeof NAMES)[number];

/** The heat map's filters; submitting puts them in the URL, so a filtered view can be shared. */
export function MatrixFilterForm({ params }: { params: URLSearchParams }) {
  const navigate = useNavigate();
  const provinces = useProvinces();
  const regions = useLabourMarketRegions();
  const waves = useWaves();
  const themes = useThemes();
  const [values, setValues] = useState<Record<Name, string>>(
    () => Object.fromEntries(NAMES.map((name) => [name, params.get(name) ?? ''])) as Record<Name, string>,
  );
  const lists = [
    { name: 'provincie', label: 'Provincie', all: 'Alle provincies', ...listState(provinces, codeNames) },
    {
      name: 'arbeidsmarktregio',
      label: 'Arbeidsmarktregio',
      all: "Alle arbeidsmarktregio's",
      ...listState(regions, codeNames),
    },
    {
      name: 'fase',
      label: 'Fase (invoeringsgolf)',
      all: 'Alle fasen',
      ...listState(waves, (list) => list?.map((wave) => ({ value: String(wave.nummer), label: wave.naam }))),
    },
    { name: 'thema', label: 'Thema', all: "Alle thema's", ...listState(themes, codeNames) },
  ] as const;
  const set = (name: Name) => (value: string) => setValues((current) => ({ ...current, [name]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of NAMES) if (values[name]) next.set(name, values[name]);
    void navigate({ search: next.toString() });
  };

  return (
    <form noValidate onSubmit={submit} className="spoorboek-filters spoorboek-filters--grid" aria-label="Matrix filteren">
      {lists.map((list) => (
        <OptionsField
          key={list.name}
          {...list}
          value={values[list.name]}
          onChange={set(list.name)}
        />
      ))}
      <SelectField id="filter-weergave" label="Kleur naar" value={values.weergave} onChange={(event) => set('weergave')(event.target.value)}>
        <SelectOption value="">Verkeerslicht</SelectOption>
        <SelectOption value="fase">Fase van invoering</SelectOption>
      </SelectField>
      <FilterButtons wide />
    </form>
  );
}
