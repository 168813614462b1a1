import {
  ButtonGroup,
  Heading,
  Paragraph,
  PrimaryActionButton,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';

import { ScrollTable } from '../shared/ScrollTable';
import { AppLink } from '../app/AppLink';
import { SelectField } from '../forms/fields';
import { useAllMeasures, useWaves } from '../measures/queries';
import { useLabourMarketRegions, useProvinces } from '../progress/api';
import { ErrorAlert } from '../shared/ErrorAlert';
import { ProvenanceNote } from '../shared/Provenance';
import { StatusMessage } from '../shared/StatusMessage';
import { useBoundaries, useMapValues } from './api';
import { classesFor, classOf, INDICATOR_LABELS, indicatorLabel, INDICATORS, NO_VALUE_LABELS, valueText } from './classes';
import { inArea, LEVEL_LABELS, LEVELS, mapFiltersFrom, mapSearch, type MapFilters } from './filters';
import { areaPath, MunicipalityMap } from './MunicipalityMap';
import { areasOf } from './projection';
import type { Indicator, Level, MapValue } from './types';

/** The first column of the table, and the word in the counts, per level. */
const LEVEL_NOUNS: Record<Level, { one: string; many: string }> = {
  gemeente: { one: 'Gemeente', many: 'gemeenten' },
  provincie: { one: 'Provincie', many: 'provincies' },
  arbeidsmarktregio: { one: 'Arbeidsmarktregio', many: "arbeidsmarktregio's" },
};
import './map.css';

function FilterForm({ filters }: { filters: MapFilters }) {
  const navigate = useNavigate();
  const waves = useWaves();
  const measures = useAllMeasures();
  const provinces = useProvinces();
  const regions = useLabourMarketRegions();
  const [values, setValues] = useState({
    niveau: filters.niveau,
    indicator: filters.indicator,
    fase: filters.fase ? String(filters.fase) : '',
    maatregel: filters.maatregel ?? '',
    gebied: filters.gebied ?? '',
  });
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ search: mapSearch(values) });
  };
  return (
    <form noValidate onSubmit={submit} className="spoorboek-filters spoorboek-filters--grid" aria-label="Kaart instellen">
      <SelectField id="kaart-niveau" label="Niveau" value={values.niveau} onChange={set('niveau')}>
        {LEVELS.map((level) => (
          <SelectOption key={level} value={level}>
            {LEVEL_LABELS[level]}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField id="kaart-indicator" label="Kleur naar" value={values.indicator} onChange={set('indicator')}>
        {INDICATORS.map((indicator) => (
          <SelectOption key={indicator} value={indicator}>
            {INDICATOR_LABELS[indicator]}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField id="kaart-fase" label="Fase" value={values.fase} onChange={set('fase')} busy={waves.isPending}>
        <SelectOption value="">Alle fasen</SelectOption>
        {waves.data?.map((wave) => (
          <SelectOption key={wave.nummer} value={String(wave.nummer)}>
            {wave.naam}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField id="kaart-maatregel" label="Maatregel" value={values.maatregel} onChange={set('maatregel')} busy={measures.isPending}>
        <SelectOption value="">Alle maatregelen</SelectOption>
        {measures.data?.map((measure) => (
          <SelectOption key={measure.code} value={measure.code}>
            {measure.code} {measure.titel}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField
        id="kaart-gebied"
        label="Gebied"
        description="Toon alleen de gemeenten van een provincie of arbeidsmarktregio (alleen op het niveau gemeenten)."
        value={values.gebied}
        onChange={set('gebied')}
      >
        <SelectOption value="">Heel Nederland</SelectOption>
        <optgroup label="Provincies">
          {provinces.data?.map((province) => (
            <SelectOption key={province.code} value={province.code}>
              {province.naam}
            </SelectOption>
          ))}
        </optgroup>
        <optgroup label="Arbeidsmarktregio's">
          {regions.data?.map((region) => (
            <SelectOption key={region.code} value={region.code}>
              {region.naam}
            </SelectOption>
          ))}
        </optgroup>
      </SelectField>
      <ButtonGroup className="spoorboek-filters__wide">
        <PrimaryActionButton type="submit">Kaart tonen</PrimaryActionButton>
        <AppLink to={{ search: '' }}>Standaard herstellen</AppLink>
      </ButtonGroup>
    </form>
  );
}

function Legend({ indicator, level }: { indicator: Indicator; level: Level }) {
  return (
    <ul className="spoorboek-map-legend" aria-label={`Legenda: ${indicatorLabel(indicator, level).toLowerCase()}`}>
      {classesFor(indicator, level).map((valueClass, index) => (
        <li key={valueClass.label}>
          <svg aria-hidden="true" viewBox="0 0 10 10">
            <rect width="10" height="10" className={`spoorboek-map__shape--${index}`} />
          </svg>
          {valueClass.label}
        </li>
      ))}
      <li>
        <svg aria-hidden="true" viewBox="0 0 10 10">
          <rect width="10" height="10" className="spoorboek-map__shape--none" />
        </svg>
        {NO_VALUE_LABELS[indicator]} (gearceerd)
      </li>
    </ul>
  );
}

type SortKey = 'naam' | 'waarde';

/** The map's equivalent: every municipality (or province or region) with its value and class, sortable. */
function ValueTable({ indicator, level, rows }: { indicator: Indicator; level: Level; rows: MapValue[] }) {
  const label = indicatorLabel(indicator, level);
  const classes = classesFor(indicator, level);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'naam', descending: false });
  const sorted = useMemo(() => {
    const byName = (a: MapValue, b: MapValue) => a.naam.localeCompare(b.naam, 'nl');
    const list = [...rows].sort(
      sort.key === 'naam' ? byName : (a, b) => (a.waarde ?? -Infinity) - (b.waarde ?? -Infinity) || byName(a, b),
    );
    return sort.descending ? list.reverse() : list;
  }, [rows, sort]);
  const header = (key: SortKey, label: string) => {
    const current = sort.key === key;
    return (
      <TableHeaderCell scope="col" aria-sort={current ? (sort.descending ? 'descending' : 'ascending') : undefined}>
        <button
          type="button"
          className="spoorboek-sort-button"
          onClick={() => setSort({ key, descending: current ? !sort.descending : key === 'waarde' })}
        >
          {label}
          <span aria-hidden="true">{current ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </TableHeaderCell>
    );
  };
  return (
    <ScrollTable labelledBy="kaart-tabel-kop">
      <Table className="spoorboek-table">
        <caption id="kaart-tabel-kop" className="spoorboek-caption">
          {INDICATOR_LABELS[indicator]} per {LEVEL_NOUNS[level].one.toLowerCase()} ({rows.length}); sorteer met de
          kolomkoppen
        </caption>
        <TableHeader>
          <TableRow>
            {header('naam', LEVEL_NOUNS[level].one)}
            {header('waarde', label)}
            <TableHeaderCell scope="col">Klasse</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((row) => {
            const valueClass = classOf(indicator, row.waarde, level);
            return (
              <TableRow key={row.code}>
                <TableHeaderCell scope="row">
                  <AppLink to={areaPath(level, row.code)}>{row.naam}</AppLink>
                </TableHeaderCell>
                <TableCell>{valueText(indicator, row.waarde, level)}</TableCell>
                <TableCell>{valueClass < 0 ? '–' : classes[valueClass]?.label}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}

function MapContent({ filters }: { filters: MapFilters }) {
  const boundaries = useBoundaries();
  const level = filters.niveau;
  const values = useMapValues({
    indicator: filters.indicator,
    fase: filters.fase,
    maatregel: filters.maatregel,
    ...(level === 'gemeente' ? {} : { niveau: level }),
  });
  // Zooming in is for the municipalities; a province or region map shows the whole country.
  const gebied = level === 'gemeente' ? filters.gebied : undefined;

  // Each feature names its province and region, so zooming in needs no request of its own.
  const features = useMemo(
    () => boundaries.data?.features.filter((feature) => inArea(feature.properties, gebied)),
    [boundaries.data, gebied],
  );
  const shown = useMemo(() => new Set(features?.map((feature) => feature.properties.code)), [features]);
  const valueMap = useMemo(() => new Map(values.data?.waarden.map((entry) => [entry.code, entry.waarde])), [values.data]);
  // The values of another level (shown while this level's load) are not drawn on these shapes.
  const current = values.data && (values.data as { niveau?: Level }).niveau === level ? values.data : undefined;
  const names = useMemo(() => new Map(current?.waarden.map((entry) => [entry.code, entry.naam])), [current]);
  const areas = useMemo(
    () => (level === 'gemeente' || !features || !current ? undefined : areasOf(features, level, names)),
    [level, features, current, names],
  );
  const rows = current?.waarden.filter((entry) => level !== 'gemeente' || !gebied || shown.has(entry.code)) ?? [];

  const queries = [boundaries, values];
  const failed = queries.find((query) => query.isError);
  const loading = queries.some((query) => query.isPending) || (!failed && !current);

  return (
    <>
      <StatusMessage>
        {loading ? 'Kaart laden…' : failed ? '' : `${rows.length} ${LEVEL_NOUNS[level].many} op de kaart.`}
      </StatusMessage>
      {failed && <ErrorAlert error={failed.error} onRetry={() => queries.forEach((query) => void query.refetch())} />}
      {!loading && !failed && features && (
        <div className="spoorboek-map-layout">
          <section aria-labelledby="kaart-kop">
            <Heading level={2} id="kaart-kop">
              {indicatorLabel(filters.indicator, level)}
            </Heading>
            <Legend indicator={filters.indicator} level={level} />
            {features.length === 0 ? (
              <Paragraph>Geen gemeenten in dit gebied.</Paragraph>
            ) : (
              <MunicipalityMap features={features} indicator={filters.indicator} values={valueMap} level={level} areas={areas} />
            )}
            {current && (
              <ProvenanceNote herkomst={current.herkomst} subject={`de waarden per ${LEVEL_NOUNS[level].one.toLowerCase()}`} />
            )}
            {boundaries.data && <Paragraph appearance="small">{boundaries.data.bron}</Paragraph>}
          </section>
          <section aria-labelledby="kaart-tabel-titel">
            <Heading level={2} id="kaart-tabel-titel">
              Als tabel
            </Heading>
            <ValueTable indicator={filters.indicator} level={level} rows={rows} />
          </section>
        </div>
      )}
    </>
  );
}

/** /kaart: every municipality coloured by an indicator, with the same figures as a table. */
export default function MapPage() {
  const [params] = useSearchParams();
  const filters = mapFiltersFrom(params);
  return (
    <>
      <title>Kaart van de voortgang – Spoorboek</title>
      <Heading level={1}>Kaart van de voortgang</Heading>
      <Paragraph appearance="lead">
        Hoe ver elke gemeente, provincie of arbeidsmarktregio is met de invoering. Kies het niveau en wat de kleur
        toont, voor alle maatregelen of één fase of maatregel, en zoom in op een provincie of arbeidsmarktregio.
      </Paragraph>
      <FilterForm key={params.toString()} filters={filters} />
      <MapContent filters={filters} />
    </>
  );
}
