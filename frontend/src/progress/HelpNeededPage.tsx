import { ButtonGroup, Heading, Link, Paragraph, PrimaryActionButton, SelectOption, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';

import { Pagination } from '../admin/Pagination';
import { useFocusOnChange } from '../admin/useFocusOnChange';
import { AppLink } from '../app/AppLink';
import { SelectField, TextField } from '../forms/fields';
import { DutchDate } from '../shared/DutchDate';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { DataTable } from './DataTable';
import { useHelpNeeded } from './api';
import { DEFAULT_HORIZON, HELP_PAGE_SIZE, helpFiltersFrom, HORIZON_CHOICES, pageOf } from './filters';
import { PHASE_LABELS, slackText } from './labels';
import { cellPath, municipalityPath } from './paths';
import { TrafficLightBadge } from './TrafficLightBadge';
import type { HelpNeeded } from './types';

function HelpFilterForm({ params }: { params: URLSearchParams }) {
  const navigate = useNavigate();
  const filters = helpFiltersFrom(params);
  const horizon = filters.binnenDagen ?? DEFAULT_HORIZON;
  const [days, setDays] = useState(String(horizon));
  const [date, setDate] = useState(filters.peildatum ?? '');
  const choices: number[] = [...HORIZON_CHOICES];
  if (!choices.includes(horizon)) choices.push(horizon);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams({ binnenDagen: days });
    if (date) next.set('peildatum', date);
    void navigate({ search: next.toString() });
  };
  return (
    <form noValidate onSubmit={submit} className="spoorboek-filters" aria-label="Lijst instellen">
      <SelectField
        id="filter-binnenDagen"
        label="Maatregelen die ingaan binnen"
        description="Of al gelden."
        value={days}
        onChange={(event) => setDays(event.target.value)}
      >
        {choices.map((choice) => (
          <SelectOption key={choice} value={String(choice)}>
            {choice} dagen
          </SelectOption>
        ))}
      </SelectField>
      <TextField
        id="filter-peildatum"
        label="Peildatum (niet verplicht)"
        description="Bekijk termijnen vanaf een andere dag dan vandaag."
        type="date"
        value={date}
        onChange={(event) => setDate(event.target.value)}
      />
      <ButtonGroup>
        <PrimaryActionButton type="submit">Bijwerken</PrimaryActionButton>
        <AppLink to={{ search: '' }}>Standaard herstellen</AppLink>
      </ButtonGroup>
    </form>
  );
}

function Contacts({ row }: { row: HelpNeeded }) {
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

function HelpRow({ row }: { row: HelpNeeded }) {
  return (
    <TableRow>
      <TableCell className="spoorboek-nowrap">
        <TrafficLightBadge light={row.verkeerslicht} />
      </TableCell>
      <TableHeaderCell scope="row">
        <AppLink to={municipalityPath(row.gemeente.code)}>{row.gemeente.naam}</AppLink>
      </TableHeaderCell>
      <TableCell>
        <AppLink to={cellPath(row.gemeente.code, row.maatregel.code)}>
          {row.maatregel.code} {row.maatregel.naam}
        </AppLink>
        <br />
        <span className="spoorboek-muted">
          gaat in op <DutchDate value={row.ingangsdatum} />
        </span>
      </TableCell>
      <TableCell>{PHASE_LABELS[row.fase]}</TableCell>
      <TableCell>
        {row.volgendeStap?.titel ?? '–'}
        <br />
        <span className="spoorboek-muted">{slackText(row.speling)}</span>
      </TableCell>
      <TableCell>
        <Contacts row={row} />
      </TableCell>
    </TableRow>
  );
}

/** /voortgang/hulp-nodig: late and at-risk cells, most urgent first, with whom to call. */
export default function HelpNeededPage() {
  const [params] = useSearchParams();
  const filters = helpFiltersFrom(params);
  const help = useHelpNeeded(filters);
  const resultsRef = useFocusOnChange(params.toString());
  const all = help.data?.resultaten ?? [];
  const { page, pages, items } = pageOf(all, params, HELP_PAGE_SIZE);

  let status = '';
  if (help.isPending) status = 'Lijst laden…';
  else if (help.isFetching && help.isPlaceholderData) status = 'Lijst bijwerken…';
  else if (help.data) {
    status =
      all.length === 0
        ? 'Niemand heeft nu hulp nodig: geen maatregel is te laat of loopt risico.'
        : `${all.length} ${all.length === 1 ? 'combinatie' : 'combinaties'} van gemeente en maatregel te laat of met risico.`;
  }

  const hrefFor = (target: number) => {
    const next = new URLSearchParams(params);
    next.set('pagina', String(target));
    return { search: next.toString() };
  };

  return (
    <>
      <title>Hulp nodig – Spoorboek</title>
      <Heading level={1}>Hulp nodig</Heading>
      <Paragraph appearance="lead">
        Gemeenten die bij een maatregel te laat zijn of risico lopen, de meest dringende eerst: eerst te laat, dan de
        minste speling. Met de contactpersonen van de gemeente.
      </Paragraph>
      <HelpFilterForm key={params.toString()} params={params} />
      <Heading level={2} id="resultaten" tabIndex={-1} ref={resultsRef}>
        {help.data ? (
          <>
            Stand op <DutchDate value={help.data.peildatum} />
          </>
        ) : (
          'Resultaten'
        )}
      </Heading>
      <StatusMessage>{status}</StatusMessage>
      {help.isError && <ErrorAlert error={help.error} onRetry={() => void help.refetch()} />}
      {items.length > 0 && (
        <>
          <DataTable
            id="hulp-tabel"
            caption="Gemeenten en maatregelen die hulp nodig hebben, meest dringend eerst"
            columns={['Verkeerslicht', 'Gemeente', 'Maatregel', 'Fase', 'Volgende stap', 'Contactpersonen']}
          >
            {items.map((row) => (
              <HelpRow key={`${row.gemeente.code}-${row.maatregel.code}`} row={row} />
            ))}
          </DataTable>
          <Pagination page={page} pages={pages} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}
