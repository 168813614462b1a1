import { ButtonGroup, Heading, Paragraph, SelectOption, TableHeaderCell } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { ResultList } from '../shared/ResultList';
import { counted, usePagedList } from '../shared/usePagedList';
import { ButtonAppLink } from '../app/AppLink';
import { SelectField } from '../forms/fields';
import { MeasureSelect } from '../measures/MeasureSelect';
import { useThemes } from '../progress/api';
import { questionListQuery } from './api';
import { QuickFilters, type QuickFilter } from '../shared/QuickFilters';
import { FILTER_NAMES, inboxFiltersFrom, isFiltered, SORT_OPTIONS, type FilterName } from './filters';
import { CHANNEL_LABELS, CHANNELS, STATUS_LABELS, STATUSES } from './labels';
import { ASK_PATH, INSIGHT_PATH } from './paths';
import { QuestionRow, TEAM_COLUMNS } from './QuestionRow';
import { WorkloadSection } from './WorkloadSection';
import './questions.css';
import { FilterButtons, SortField } from '../forms/filterForm';

const QUICK_FILTERS: (QuickFilter & { name: FilterName })[] = [
  { label: 'Verlopen', name: 'termijn', value: 'verlopen' },
  { label: 'Bijna verlopen', name: 'termijn', value: 'bijna-verlopen' },
  { label: 'Mij toegewezen', name: 'behandelaar', value: 'mij' },
  { label: 'Niet toegewezen', name: 'behandelaar', value: 'niemand' },
  { label: 'Beantwoord, nog geen FAQ', name: 'faq', value: 'zonder' },
];

function InboxFilterForm({ params }: { params: URLSearchParams }) {
  const navigate = useNavigate();
  const themes = useThemes();
  const [values, setValues] = useState<Record<FilterName, string>>(
    () => Object.fromEntries(FILTER_NAMES.map((name) => [name, params.get(name) ?? ''])) as Record<FilterName, string>,
  );
  const set = (name: FilterName) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of FILTER_NAMES) if (values[name]) next.set(name, values[name]);
    void navigate({ search: next.toString() });
  };
  return (
    <form noValidate onSubmit={submit} className="spoorboek-filters spoorboek-filters--grid" aria-label="Vragen filteren">
      <SelectField id="filter-status" label="Status" value={values.status} onChange={set('status')}>
        <SelectOption value="">Alle statussen</SelectOption>
        {STATUSES.map((status) => (
          <SelectOption key={status} value={status}>
            {STATUS_LABELS[status]}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField id="filter-behandelaar" label="Behandelaar" value={values.behandelaar} onChange={set('behandelaar')}>
        <SelectOption value="">Iedereen</SelectOption>
        <SelectOption value="mij">Ik</SelectOption>
        <SelectOption value="niemand">Nog niemand</SelectOption>
        {/^\d+$/.test(values.behandelaar) && <SelectOption value={values.behandelaar}>Adviseur {values.behandelaar}</SelectOption>}
      </SelectField>
      <SelectField id="filter-termijn" label="Termijn" value={values.termijn} onChange={set('termijn')}>
        <SelectOption value="">Alle</SelectOption>
        <SelectOption value="verlopen">Verlopen</SelectOption>
        <SelectOption value="bijna-verlopen">Bijna verlopen</SelectOption>
      </SelectField>
      <SelectField id="filter-faq" label="Veelgestelde vraag" value={values.faq} onChange={set('faq')}>
        <SelectOption value="">Alle</SelectOption>
        <SelectOption value="zonder">Beantwoord, nog geen FAQ</SelectOption>
        <SelectOption value="met">Gepubliceerd als FAQ</SelectOption>
      </SelectField>
      <MeasureSelect id="filter-maatregel" value={values.maatregel} onChange={set('maatregel')} />
      <SelectField id="filter-thema" label="Thema" value={values.thema} busy={themes.isPending} onChange={set('thema')}>
        <SelectOption value="">Alle thema's</SelectOption>
        {themes.data?.map((theme) => (
          <SelectOption key={theme.code} value={theme.code}>
            {theme.naam}
          </SelectOption>
        ))}
        {values.thema && !themes.data && <SelectOption value={values.thema}>{values.thema}</SelectOption>}
      </SelectField>
      <SelectField id="filter-kanaal" label="Kanaal" value={values.kanaal} onChange={set('kanaal')}>
        <SelectOption value="">Alle kanalen</SelectOption>
        {CHANNELS.map((channel) => (
          <SelectOption key={channel} value={channel}>
            {CHANNEL_LABELS[channel]}
          </SelectOption>
        ))}
      </SelectField>
      <SortField value={values.sorteer} options={SORT_OPTIONS} onChange={set('sorteer')} />
      <FilterButtons wide />
    </form>
  );
}

/** /vragen: the team's inbox, filters in the URL, open work first and the most urgent on top. */
export default function InboxPage() {
  const questions = usePagedList({
    filtersFrom: inboxFiltersFrom,
    query: questionListQuery,
    messages: {
      loading: 'Vragen laden…',
      updating: 'Lijst bijwerken…',
      empty: ({ filters }) => (isFiltered(filters) ? 'Geen vragen gevonden met deze filters.' : 'Er zijn geen vragen.'),
      found: ({ total }) => `${counted(total, 'vraag', 'vragen')} gevonden.`,
    },
  });
  const { params } = questions;
  return (
    <>
      <title>Vragen – Spoorboek</title>
      <Heading level={1}>Vragen</Heading>
      <Paragraph appearance="lead">
        Alle vragen van gemeenten: eerst de open vragen, de meest dringende termijn bovenaan, daarna de beantwoorde en
        gesloten vragen. Een verlopen termijn staat er met ✕ en het woord Verlopen bij.
      </Paragraph>
      <ButtonGroup>
        <ButtonAppLink to={ASK_PATH}>Vraag vastleggen</ButtonAppLink>
        <ButtonAppLink to={INSIGHT_PATH} appearance="secondary-action">
          Inzicht
        </ButtonAppLink>
      </ButtonGroup>
      <WorkloadSection />
      <Heading level={2}>Filteren</Heading>
      <QuickFilters params={params} filters={QUICK_FILTERS} />
      <InboxFilterForm key={params.toString()} params={params} />
      <ResultList
        heading="Resultaten"
        list={questions}
        columns={TEAM_COLUMNS.map((column) => (
          <TableHeaderCell key={column} scope="col">
            {column}
          </TableHeaderCell>
        ))}
        renderRow={(question) => <QuestionRow key={question.id} question={question} team />}
      />
    </>
  );
}
