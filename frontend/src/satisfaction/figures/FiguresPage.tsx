import { Heading, Paragraph, SelectOption, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';

import { hasRole, useCurrentUser } from '../../auth/session';
import { FilterButtons } from '../../forms/filterForm';
import { CheckboxField, SelectField, TextField } from '../../forms/fields';
import { MeasureSelect } from '../../measures/MeasureSelect';
import { DutchDate } from '../../shared/DutchDate';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { useTeamFigures } from './api';
import { GROUPING_LABELS, PERIOD_LABELS, TOUCHPOINT_LABELS } from './labels';
import { LowScores } from './LowScores';
import { AnswersFigures, ProductsFigures, SurveyFigures } from './Sections';
import type { FiguresQuery, Grouping, PeriodKind, Touchpoint } from './types';
import './figures.css';

const FILTERS = ['contactpunt', 'groep', 'periode', 'van', 'tot', 'maatregel', 'adviseur'] as const;
type Filter = (typeof FILTERS)[number];
const TOUCHPOINTS = Object.keys(TOUCHPOINT_LABELS) as Touchpoint[];
const PERIODS = Object.keys(PERIOD_LABELS) as PeriodKind[];

/** The figures' query from the URL: only what is set, so the URL stays the query. */
export function queryFrom(params: URLSearchParams): FiguresQuery {
  const query: Record<string, string> = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) query[name] = value;
  }
  return query;
}

function FiguresFilterForm({ params, admin }: { params: URLSearchParams; admin: boolean }) {
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<Filter, string>>(
    () => Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])) as Record<Filter, string>,
  );
  const set = (name: Filter) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value }));
  const groupings = (Object.keys(GROUPING_LABELS) as Grouping[]).filter((grouping) => admin || grouping !== 'adviseur');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The API shows one filter at a time: two could be subtracted to single out a municipality.
    if (values.maatregel && values.adviseur) {
      setProblem('Kies één filter: een maatregel of alleen uw eigen antwoorden.');
      document.getElementById('filter-adviseur')?.focus();
      return;
    }
    setProblem(null);
    const next = new URLSearchParams();
    for (const name of FILTERS) if (values[name]) next.set(name, values[name]);
    void navigate({ search: next.toString() });
  };
  return (
    <form noValidate onSubmit={submit} className="spoorboek-filters spoorboek-score-filters" aria-label="Tevredenheidscijfers filteren">
      <SelectField id="filter-contactpunt" label="Contactpunt" value={values.contactpunt} onChange={set('contactpunt')}>
        <SelectOption value="">Alle contactpunten</SelectOption>
        {TOUCHPOINTS.map((touchpoint) => (
          <SelectOption key={touchpoint} value={touchpoint}>
            {TOUCHPOINT_LABELS[touchpoint]}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField id="filter-groep" label="Groepering" value={values.groep || 'land'} onChange={set('groep')}>
        {groupings.map((grouping) => (
          <SelectOption key={grouping} value={grouping}>
            {GROUPING_LABELS[grouping]}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField id="filter-periode" label="Trend" value={values.periode || 'kwartaal'} onChange={set('periode')}>
        {PERIODS.map((period) => (
          <SelectOption key={period} value={period}>
            {PERIOD_LABELS[period]}
          </SelectOption>
        ))}
      </SelectField>
      <TextField id="filter-van" label="Van" description="Standaard een jaar terug." type="date" value={values.van} onChange={set('van')} />
      <TextField id="filter-tot" label="Tot en met" description="Standaard vandaag." type="date" value={values.tot} onChange={set('tot')} />
      <MeasureSelect id="filter-maatregel" value={values.maatregel} onChange={set('maatregel')} />
      <CheckboxField
        id="filter-adviseur"
        label="Alleen mijn antwoorden"
        description="De scores van de antwoorden die u gaf; niet samen met een maatregel."
        checked={values.adviseur === 'ik'}
        onChange={(checked) => setValues((current) => ({ ...current, adviseur: checked ? 'ik' : '' }))}
        errors={problem ? [problem] : undefined}
      />
      <FilterButtons wide />
    </form>
  );
}

/** /tevredenheid: the team's satisfaction figures per touchpoint, grouping and period, and the low scores. */
export default function SatisfactionFiguresPage() {
  const [params] = useSearchParams();
  const query = queryFrom(params);
  const figures = useTeamFigures(query);
  const admin = hasRole(useCurrentUser(), 'beheerder');
  const data = figures.data;
  return (
    <>
      <title>Tevredenheid – Spoorboek</title>
      <Heading level={1}>Tevredenheid</Heading>
      <Paragraph appearance="lead">
        Hoe tevreden gemeenten zijn over de antwoorden op hun vragen, de implementatieproducten en de ondersteuning, met
        de trend. Groepen met te weinig respondenten tonen geen getal.
      </Paragraph>
      <FiguresFilterForm key={params.toString()} params={params} admin={admin} />
      <StatusMessage>{figures.isPending ? 'Cijfers laden…' : figures.isFetching ? 'Cijfers bijwerken…' : ''}</StatusMessage>
      {figures.isError && <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} />}
      {data && (
        <>
          <Paragraph>
            {GROUPING_LABELS[data.groepering]}, <DutchDate value={data.van} /> tot en met <DutchDate value={data.tot} />
            {data.adviseur !== null ? ', alleen de antwoorden van ' + (query.adviseur === 'ik' ? 'u' : `adviseur ${data.adviseur}`) : ''}. Een
            groep met minder dan {data.minimaleGroepsgrootte} respondenten toont ‘te weinig antwoorden’.
          </Paragraph>
          {data.nietGetoond.length > 0 && (
            <UnorderedList aria-label="Niet getoond">
              {data.nietGetoond.map((note) => (
                <UnorderedListItem key={note.contactpunt}>
                  {TOUCHPOINT_LABELS[note.contactpunt]}: niet bij deze keuze. {note.reden}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
          {data.antwoorden && <AnswersFigures section={data.antwoorden} periods={data.perioden} />}
          {data.producten && <ProductsFigures section={data.producten} periods={data.perioden} />}
          {data.peiling && <SurveyFigures section={data.peiling} periods={data.perioden} />}
          {data.bijeenkomsten && <AnswersFigures touchpoint="bijeenkomsten" section={data.bijeenkomsten} periods={data.perioden} />}
        </>
      )}
      <LowScores />
    </>
  );
}
