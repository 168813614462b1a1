import { Heading, Link, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { TextField } from '../forms/fields';
import { FilterButtons, SortField } from '../forms/filterForm';
import { useAllMeasures, useWaves } from '../measures/queries';
import { DutchDate } from '../shared/DutchDate';
import { PagedResults } from '../shared/PagedResults';
import { counted, usePagedList } from '../shared/usePagedList';
import { constantColumns } from '../shared/constantColumns';
import { DataTable } from '../shared/DataTable';
import { useLabourMarketRegions, useProvinces } from './api';
import { ContactMomentForm } from './ContactMomentForm';
import { CONTACT_CHOICES, helpFiltersFrom, HORIZON_CHOICES } from './filters';
import { callListHref, helpQuery } from './helpApi';
import type { CauseKind, HelpRow as Row } from './helpTypes';
import { LIGHT_LABELS, PHASE_LABELS, slackText } from './labels';
import { codeNames, listState, OptionsField } from './OptionsField';
import { cellPath, municipalityPath } from './paths';
import { TrafficLightBadge } from './TrafficLightBadge';

const NAMES = [
  'provincie',
  'arbeidsmarktregio',
  'fase',
  'maatregel',
  'verkeerslicht',
  'oorzaak',
  'binnenDagen',
  'gecontacteerd',
  'contactBinnenDagen',
  'peildatum',
  'sorteer',
] as const;
type Name = (typeof NAMES)[number];

const LIGHT_OPTIONS = (['te-laat', 'risico'] as const).map((light) => ({ value: light, label: LIGHT_LABELS[light] }));

export const CAUSE_LABELS: Record<CauseKind, string> = { voortgang: 'Eigen voortgang', ict: 'Door ICT' };
const CAUSE_OPTIONS = (['voortgang', 'ict'] as const).map((cause) => ({ value: cause, label: CAUSE_LABELS[cause] }));
const CONTACTED_OPTIONS = [
  { value: 'ja', label: 'Wel gecontacteerd' },
  { value: 'nee', label: 'Niet gecontacteerd' },
];
const SORT_OPTIONS = [
  { value: '', label: 'Meest dringend eerst' },
  { value: 'kans', label: 'Grootste kans op te laat eerst (prognose)' },
];
const CONTACT_WINDOWS = CONTACT_CHOICES.map((days) => ({ value: String(days), label: `In de laatste ${days} dagen` }));

/** The help list's filters; submitting puts them in the URL (back to page 1), so a view can be shared. */
function HelpFilterForm({ params }: { params: URLSearchParams }) {
  const navigate = useNavigate();
  const provinces = useProvinces();
  const regions = useLabourMarketRegions();
  const waves = useWaves();
  const measures = useAllMeasures();
  const [values, setValues] = useState<Record<Name, string>>(
    () => Object.fromEntries(NAMES.map((name) => [name, params.get(name) ?? ''])) as Record<Name, string>,
  );
  const set = (name: Name) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  const lists = [
    { name: 'provincie', label: 'Provincie', all: 'Alle provincies', ...listState(provinces, codeNames) },
    { name: 'arbeidsmarktregio', label: 'Arbeidsmarktregio', all: "Alle arbeidsmarktregio's", ...listState(regions, codeNames) },
    {
      name: 'fase',
      label: 'Fase (invoeringsgolf)',
      all: 'Alle fasen',
      ...listState(waves, (list) => list?.map((wave) => ({ value: String(wave.nummer), label: wave.naam }))),
    },
    {
      name: 'maatregel',
      label: 'Maatregel',
      all: 'Alle maatregelen',
      ...listState(measures, (list) => list?.map((measure) => ({ value: measure.code, label: `${measure.code} ${measure.titel}` }))),
    },
    { name: 'verkeerslicht', label: 'Verkeerslicht', all: 'Te laat en risico', options: LIGHT_OPTIONS },
    { name: 'oorzaak', label: 'Oorzaak', all: 'Elke oorzaak', options: CAUSE_OPTIONS },
  ] as const;
  const horizons = HORIZON_CHOICES.map((days) => ({ value: String(days), label: `Binnen ${days} dagen of al geldend` }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of NAMES) if (values[name]) next.set(name, values[name]);
    void navigate({ search: next.toString() });
  };

  return (
    <form noValidate onSubmit={submit} className="spoorboek-filters spoorboek-filters--grid" aria-label="Lijst filteren">
      {lists.map((list) => (
        <OptionsField key={list.name} {...list} value={values[list.name]} onChange={set(list.name)} />
      ))}
      <OptionsField
        name="binnenDagen"
        label="Ingangsdatum van de maatregel"
        all="Elke ingangsdatum"
        options={horizons}
        value={values.binnenDagen}
        onChange={set('binnenDagen')}
      />
      <OptionsField
        name="gecontacteerd"
        label="Contact met de gemeente"
        all="Met of zonder contact"
        options={CONTACTED_OPTIONS}
        value={values.gecontacteerd}
        onChange={set('gecontacteerd')}
      />
      <OptionsField
        name="contactBinnenDagen"
        label="Telt als contact"
        all="Elk vastgelegd contact"
        options={CONTACT_WINDOWS}
        value={values.contactBinnenDagen}
        onChange={set('contactBinnenDagen')}
      />
      <TextField
        id="filter-peildatum"
        label="Peildatum (niet verplicht)"
        description="Bekijk termijnen vanaf een andere dag dan vandaag."
        type="date"
        value={values.peildatum}
        onChange={(event) => set('peildatum')(event.target.value)}
      />
      <SortField value={values.sorteer} options={SORT_OPTIONS} onChange={(event) => set('sorteer')(event.target.value)} />
      <FilterButtons wide />
    </form>
  );
}

function Contacts({ row }: { row: Row }) {
  if (row.contactpersonen.length === 0) return <span className="spoorboek-muted">Geen contactpersoon bekend</span>;
  return (
    <ul className="spoorboek-cell-list">
      {row.contactpersonen.map((person) => (
        <li key={person.code}>
          {person.naam}: <Link href={`mailto:${person.code}`}>{person.code}</Link>
        </li>
      ))}
    </ul>
  );
}

/** Why the row is on the list, in words: "Door ICT: Wacht op …", the most urgent first. */
function Causes({ row }: { row: Row }) {
  return (
    <ul className="spoorboek-cell-list">
      {row.oorzaken.map((cause) => (
        <li key={`${cause.soort}-${cause.toelichting}`}>
          <strong>{CAUSE_LABELS[cause.soort]}</strong> ({LIGHT_LABELS[cause.verkeerslicht].toLowerCase()}): {cause.toelichting}
        </li>
      ))}
    </ul>
  );
}

function HelpRow({ row, showLight }: { row: Row; showLight: boolean }) {
  return (
    <TableRow>
      {showLight && (
        <TableCell className="spoorboek-nowrap">
          <TrafficLightBadge light={row.verkeerslicht} />
        </TableCell>
      )}
      <TableHeaderCell scope="row">
        <AppLink to={municipalityPath(row.gemeente.code)}>{row.gemeente.naam}</AppLink>
      </TableHeaderCell>
      <TableCell>
        <AppLink to={cellPath(row.gemeente.code, row.maatregel.code)}>
          {row.maatregel.code} {row.maatregel.naam}
        </AppLink>
        <br />
        <span className="spoorboek-muted">
          gaat in op <DutchDate value={row.ingangsdatum} />; fase {PHASE_LABELS[row.fase].toLowerCase()}
        </span>
      </TableCell>
      <TableCell>
        <Causes row={row} />
      </TableCell>
      <TableCell>
        {row.volgendeStap?.titel ?? '–'}
        <br />
        <span className="spoorboek-muted">{slackText(row.speling)}</span>
      </TableCell>
      <TableCell>
        <Contacts row={row} />
      </TableCell>
      <TableCell>
        <ContactMomentForm
          code={row.gemeente.code}
          measure={row.maatregel.code}
          label={`${row.gemeente.naam}, ${row.maatregel.code}`}
          last={row.laatsteContact}
        />
      </TableCell>
    </TableRow>
  );
}

const LIGHT_COLUMN = { light: { name: 'verkeerslicht', value: (row: Row) => LIGHT_LABELS[row.verkeerslicht].toLowerCase() } };

/** /voortgang/hulp-nodig: every late and at-risk cell, most urgent first, with whom to call; paged by the API. */
export default function HelpNeededPage() {
  const help = usePagedList({
    filtersFrom: helpFiltersFrom,
    query: helpQuery,
    messages: {
      loading: 'Lijst laden…',
      updating: 'Lijst bijwerken…',
      empty: ({ params }) =>
        NAMES.some((name) => params.has(name))
          ? 'Met deze filters is er niemand te laat of met risico.'
          : 'Niemand heeft nu hulp nodig: geen maatregel is te laat of loopt risico.',
      found: ({ total }) => `${counted(total, 'combinatie', 'combinaties')} van gemeente en maatregel te laat of met risico.`,
    },
  });
  const { params } = help;

  return (
    <>
      <title>Hulp nodig – Spoorboek</title>
      <Heading level={1}>Hulp nodig</Heading>
      <Paragraph appearance="lead">
        Elke gemeente die bij een maatregel te laat is of risico loopt, in elke fase, ook voor maatregelen die nog niet
        gelden, door de eigen voortgang of doordat de gemeente wacht op software van haar leverancier (ICT). De meest
        dringende eerst: eerst te laat, dan de minste speling; of die met de grootste kans dat de maatregel op de
        ingangsdatum nog niet is ingevoerd. Met de contactpersonen van de gemeente en het laatste contact
        van het programmateam, zodat u ziet wie al geholpen wordt.
      </Paragraph>
      <HelpFilterForm key={params.toString()} params={params} />
      <Paragraph>
        <Link href={callListHref(help.filters)} download>
          Bellijst downloaden (CSV)
        </Link>{' '}
        <span className="spoorboek-muted">alle rijen bij deze filters, met contactpersonen en het laatste contact</span>
      </Paragraph>
      <PagedResults
        list={help}
        heading={
          help.query.data ? (
            <>
              Stand op <DutchDate value={help.query.data.peildatum} />
            </>
          ) : (
            'Resultaten'
          )
        }
      >
        {(page) => {
          // Filtered on one light, every row has it: said once above the table, not in every row.
          const { hidden, same } = params.has('verkeerslicht') ? constantColumns(page.resultaten, LIGHT_COLUMN) : { hidden: new Set(), same: [] };
          const showLight = !hidden.has('light');
          return (
            <DataTable
              id="hulp-tabel"
              caption={`Gemeenten en maatregelen die hulp nodig hebben, ${help.filters.sorteer === 'kans' ? 'grootste kans op te laat eerst' : 'meest dringend eerst'}`}
              columns={[
                ...(showLight ? ['Verkeerslicht'] : []),
                'Gemeente',
                'Maatregel',
                'Oorzaak',
                'Volgende stap',
                'Contactpersonen',
                'Laatste contact',
              ]}
              sameInEveryRow={same}
            >
              {page.resultaten.map((row) => (
                <HelpRow key={`${row.gemeente.code}-${row.maatregel.code}`} row={row} showLight={showLight} />
              ))}
            </DataTable>
          );
        }}
      </PagedResults>
    </>
  );
}
