import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { hasRole, useCurrentUser } from '../auth/session';
import { FilterButtons } from '../forms/filterForm';
import { MeasureSelect } from '../measures/MeasureSelect';
import { ResultList } from '../shared/ResultList';
import { counted, usePagedList } from '../shared/usePagedList';
import { publicSignalListQuery } from './api';
import { publicFiltersFrom } from './filters';
import { kindLabel, OUTCOME_LABELS } from './labels';
import { OpenDataLinks } from './OpenDataLinks';
import { publicSignalPath, REPORT_PATH } from './paths';
import { StatusCell, TitleCell } from './SignalCells';
import { KindSelect, StatusSelect } from './SignalSelects';
import type { PublicSignal } from './types';
import './signals.css';

const NAMES = ['soort', 'maatregel', 'status'] as const;

function PublicFilterForm({ params }: { params: URLSearchParams }) {
  const navigate = useNavigate();
  const [values, setValues] = useState(() => Object.fromEntries(NAMES.map((name) => [name, params.get(name) ?? ''])) as Record<(typeof NAMES)[number], string>);
  const set = (name: (typeof NAMES)[number]) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of NAMES) if (values[name]) next.set(name, values[name]);
    void navigate({ search: next.toString() });
  };
  return (
    <form noValidate onSubmit={submit} className="spoorboek-filters spoorboek-filters--grid" aria-label="Openbare signalen filteren">
      <KindSelect id="filter-soort" value={values.soort} onChange={set('soort')} />
      <MeasureSelect id="filter-maatregel" value={values.maatregel} onChange={set('maatregel')} />
      <StatusSelect id="filter-status" value={values.status} onChange={set('status')} />
      <FilterButtons wide />
    </form>
  );
}

function PublicRow({ signal }: { signal: PublicSignal }) {
  return (
    <TableRow>
      <TitleCell to={publicSignalPath(signal.id)} title={signal.titel} measures={signal.maatregelen} />
      <TableCell>{kindLabel(signal.soort)}</TableCell>
      <StatusCell status={signal.status} passedTo={signal.doorgezetAan} />
      <TableCell className="spoorboek-number">{signal.bereik.gemeenten}</TableCell>
      <TableCell>{signal.reactie ? OUTCOME_LABELS[signal.reactie.uitkomst] : 'Nog geen'}</TableCell>
    </TableRow>
  );
}

/** /openbare-signalen: the public register, filtered in the URL, with its open data. */
export default function PublicSignalsPage() {
  const contact = hasRole(useCurrentUser(), 'gemeente');
  const signals = usePagedList({
    filtersFrom: publicFiltersFrom,
    query: publicSignalListQuery,
    messages: {
      loading: 'Signalen laden…',
      updating: 'Lijst bijwerken…',
      empty: ({ filters }) =>
        filters.soort || filters.maatregel || filters.status ? 'Geen openbare signalen gevonden met deze filters.' : 'Er zijn nog geen openbare signalen.',
      found: ({ total }) => `${counted(total, 'signaal', 'signalen')} gevonden.`,
    },
  });
  return (
    <>
      <title>Signalen uit de praktijk – Spoorboek</title>
      <Heading level={1}>Signalen uit de praktijk</Heading>
      <Paragraph appearance="lead">
        Knelpunten die gemeenten tegenkomen bij de invoering van de Participatiewet in balans, en wat het programma ermee
        deed: aan wie het is doorgezet, wat er terugkwam en wat er verandert.
      </Paragraph>
      {contact && (
        <Paragraph>
          Speelt een van deze knelpunten ook bij uw gemeente? Open het en zeg &lsquo;Ook bij ons&rsquo;. Iets anders?{' '}
          <AppLink to={REPORT_PATH}>Meld een signaal</AppLink>.
        </Paragraph>
      )}
      <Heading level={2}>Filteren</Heading>
      <PublicFilterForm key={signals.params.toString()} params={signals.params} />
      <ResultList
        heading="Signalen"
        list={signals}
        columns={['Signaal', 'Soort', 'Status', 'Gemeenten', 'Verandert'].map((column) => (
          <TableHeaderCell key={column} scope="col">
            {column}
          </TableHeaderCell>
        ))}
        renderRow={(signal) => <PublicRow key={signal.id} signal={signal} />}
      />
      <OpenDataLinks />
    </>
  );
}
