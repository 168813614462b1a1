import { ButtonGroup, Heading, Paragraph, SelectOption, TableHeaderCell } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { ButtonAppLink } from '../app/AppLink';
import { FilterButtons } from '../forms/filterForm';
import { CheckboxField, SelectField, TextField } from '../forms/fields';
import { MeasureSelect } from '../measures/MeasureSelect';
import { ResultList } from '../shared/ResultList';
import { counted, usePagedList } from '../shared/usePagedList';
import { signalListQuery } from './api';
import { AGE_OPTIONS, FILTER_NAMES, isFiltered, registerFiltersFrom, type FilterName } from './filters';
import { BODIES, BODY_LABELS } from './labels';
import { BLOCKERS_PATH, REPORT_PATH, STEERING_PATH, SUGGESTIONS_PATH } from './paths';
import { QuickFilters, type QuickFilter } from '../shared/QuickFilters';
import { KindSelect, StatusSelect, SupplierSelect } from './SignalSelects';
import { SignalRow, TEAM_COLUMNS } from './SignalRow';
import './signals.css';

const QUICK_FILTERS: QuickFilter[] = [
  { label: 'Alleen open', name: 'open', value: 'true' },
  { label: 'Nog niet opgepakt', name: 'status', value: 'gemeld' },
  { label: 'Wacht op reactie', name: 'status', value: 'doorgezet' },
  { label: 'Nog terug te koppelen', name: 'status', value: 'reactie-ontvangen' },
];

function RegisterFilterForm({ params }: { params: URLSearchParams }) {
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<FilterName, string>>(
    () => Object.fromEntries(FILTER_NAMES.map((name) => [name, params.get(name) ?? ''])) as Record<FilterName, string>,
  );
  const set = (name: FilterName) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of FILTER_NAMES) {
      const value = values[name].trim();
      if (value) next.set(name, value);
    }
    void navigate({ search: next.toString() });
  };
  return (
    <form noValidate onSubmit={submit} className="spoorboek-filters spoorboek-filters--grid" aria-label="Signalen filteren">
      <TextField
        id="filter-zoek"
        label="Zoeken"
        description="In titel en omschrijving; minstens 2 tekens."
        type="search"
        maxLength={100}
        value={values.zoek}
        onChange={set('zoek')}
      />
      <KindSelect id="filter-soort" value={values.soort} onChange={set('soort')} />
      <SupplierSelect id="filter-leverancier" empty="Alle leveranciers" value={values.leverancier} onChange={set('leverancier')} />
      <MeasureSelect id="filter-maatregel" value={values.maatregel} onChange={set('maatregel')} />
      <StatusSelect id="filter-status" value={values.status} onChange={set('status')} />
      <SelectField id="filter-aan" label="Doorgezet aan" value={values.aan} onChange={set('aan')}>
        <SelectOption value="">Iedereen</SelectOption>
        {BODIES.map((body) => (
          <SelectOption key={body} value={body}>
            {BODY_LABELS[body]}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField id="filter-ouderDanDagen" label="Leeftijd" value={values.ouderDanDagen} onChange={set('ouderDanDagen')}>
        <SelectOption value="">Alle leeftijden</SelectOption>
        {AGE_OPTIONS.map((option) => (
          <SelectOption key={option.value} value={option.value}>
            {option.label}
          </SelectOption>
        ))}
        {values.ouderDanDagen && !AGE_OPTIONS.some((option) => option.value === values.ouderDanDagen) && (
          <SelectOption value={values.ouderDanDagen}>Ouder dan {values.ouderDanDagen} dagen</SelectOption>
        )}
      </SelectField>
      <CheckboxField
        id="filter-open"
        label="Alleen open signalen"
        description="Nog niet teruggekoppeld of afgewezen."
        checked={values.open === 'true'}
        onChange={(checked) => setValues((current) => ({ ...current, open: checked ? 'true' : '' }))}
      />
      <FilterButtons wide />
    </form>
  );
}

/** /signalen: the team's register, filters in the URL, newest first. */
export default function RegisterPage() {
  const signals = usePagedList({
    filtersFrom: registerFiltersFrom,
    query: signalListQuery,
    messages: {
      loading: 'Signalen laden…',
      updating: 'Lijst bijwerken…',
      empty: ({ filters }) =>
        isFiltered(filters) ? 'Geen signalen gevonden met deze filters.' : 'Er zijn nog geen signalen in het register.',
      found: ({ total }) => `${counted(total, 'signaal', 'signalen')} gevonden.`,
    },
  });
  const { params } = signals;
  return (
    <>
      <title>Knelpuntenregister – Spoorboek</title>
      <Heading level={1}>Knelpuntenregister</Heading>
      <Paragraph appearance="lead">
        Knelpunten en verbetervoorstellen uit de praktijk: wat is doorgezet, aan wie, en wat kwam terug. Het aantal
        gemeenten volgt uit het bewijs: gekoppelde vragen, knelpunten van de voortgang en gemeenten die zeiden dat het
        ook bij hen speelt.
      </Paragraph>
      <ButtonGroup>
        <ButtonAppLink to={REPORT_PATH}>Signaal vastleggen</ButtonAppLink>
        <ButtonAppLink to={BLOCKERS_PATH} appearance="secondary-action">
          Knelpunten
        </ButtonAppLink>
        <ButtonAppLink to={SUGGESTIONS_PATH} appearance="secondary-action">
          Suggesties
        </ButtonAppLink>
        <ButtonAppLink to={STEERING_PATH} appearance="secondary-action">
          Rapportage
        </ButtonAppLink>
      </ButtonGroup>
      <Heading level={2}>Filteren</Heading>
      <QuickFilters params={params} filters={QUICK_FILTERS} />
      <RegisterFilterForm key={params.toString()} params={params} />
      <ResultList
        heading="Resultaten"
        list={signals}
        columns={TEAM_COLUMNS.map((column) => (
          <TableHeaderCell key={column} scope="col">
            {column}
          </TableHeaderCell>
        ))}
        renderRow={(signal) => <SignalRow key={signal.id} signal={signal} team />}
      />
    </>
  );
}
