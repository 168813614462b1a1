import {
  Code,
  Heading,
  Paragraph,
  SelectOption,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { clientErrors, hasErrors } from '../../forms/errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { SelectField, TextField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { startOfDayIso } from '../../shared/dateTime';
import { DutchDateTime } from '../../shared/DutchDateTime';
import { adminKeys, fetchAuditEvents, PAGE_SIZE, type AuditEvent, type AuditFilters } from '../api';
import { pageFrom } from '../../shared/Pagination';
import { ResultList } from '../../shared/ResultList';
import { counted, usePagedList } from '../../shared/usePagedList';
import { FilterButtons } from '../../forms/filterForm';

/** The events the server records, with what they mean. */
export const EVENT_LABELS: Record<string, string> = {
  'login.gelukt': 'Ingelogd',
  'login.mislukt': 'Inloggen mislukt',
  logout: 'Uitgelogd',
  'token.vernieuwd': 'Sessie verlengd',
  'token.hergebruik': 'Vernieuwingstoken hergebruikt (sessie beëindigd)',
  'token.uitgegeven': 'Toegangstoken voor koppeling',
  'token.geweigerd': 'Toegangstoken geweigerd',
  'gebruiker.aangemaakt': 'Gebruiker aangemaakt',
  'gebruiker.gewijzigd': 'Gebruiker gewijzigd',
  'gebruiker.rollen_gewijzigd': 'Rollen gewijzigd',
  'gebruiker.gedeactiveerd': 'Gebruiker uitgeschakeld',
  'uitnodiging.verstuurd': 'Uitnodiging verstuurd',
  'uitnodiging.aanvaard': 'Uitnodiging aanvaard',
  'wachtwoord.gewijzigd': 'Wachtwoord gewijzigd',
  'wachtwoordherstel.gevraagd': 'Herstellink gevraagd',
  'wachtwoord.hersteld': 'Wachtwoord hersteld',
  'tweede_factor.gestart': 'Tweede factor: instellen gestart',
  'tweede_factor.aan': 'Tweede factor aangezet',
  'tweede_factor.uit': 'Tweede factor uitgezet',
  'koppeling.aangemaakt': 'Koppeling aangemaakt',
  'koppeling.geheim_vervangen': 'Geheim van koppeling vervangen',
  'koppeling.ingetrokken': 'Koppeling ingetrokken',
  'koppeling.geactiveerd': 'Koppeling geactiveerd',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The API filters from the page's URL; the dates are calendar days in the user's time zone. */
export function auditFiltersFrom(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = { pagina: pageFrom(params.get('pagina')), paginaGrootte: PAGE_SIZE };
  for (const key of ['gebeurtenis', 'actor', 'onderwerp'] as const) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const since = params.get('vanaf');
  if (since && DAY.test(since)) filters.vanaf = startOfDayIso(since);
  const until = params.get('tot');
  // "Up to and including" that day: the API's `tot` is exclusive, so the next day's start.
  if (until && DAY.test(until)) filters.tot = startOfDayIso(until, true);
  return filters;
}

const FILTER_FIELDS = {
  vanaf: { id: 'filter-vanaf', label: 'Vanaf' },
  tot: { id: 'filter-tot', label: 'Tot en met' },
};

function Filters({ params }: { params: URLSearchParams }) {
  const navigate = useNavigate();
  const [event, setEvent] = useState(params.get('gebeurtenis') ?? '');
  const [actor, setActor] = useState(params.get('actor') ?? '');
  const [subject, setSubject] = useState(params.get('onderwerp') ?? '');
  const [since, setSince] = useState(params.get('vanaf') ?? '');
  const [until, setUntil] = useState(params.get('tot') ?? '');
  const { errors, show, clear, summaryRef } = useFormErrors();

  const submit = (formEvent: FormEvent) => {
    formEvent.preventDefault();
    const problems = clientErrors({
      vanaf: since && !DAY.test(since) && 'Vul een datum in.',
      tot:
        (until && !DAY.test(until) && 'Vul een datum in.') ||
        (since && until && until < since && 'Deze datum ligt vóór de datum bij ‘Vanaf’.'),
    });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    clear();
    const next = new URLSearchParams();
    const entries: [string, string][] = [
      ['gebeurtenis', event],
      ['actor', actor.trim()],
      ['onderwerp', subject.trim()],
      ['vanaf', since],
      ['tot', until],
    ];
    for (const [key, value] of entries) if (value) next.set(key, value);
    void navigate({ search: next.toString() });
  };

  return (
    <>
      <ErrorSummary ref={summaryRef} errors={errors} fields={FILTER_FIELDS} />
      <form noValidate onSubmit={submit} className="spoorboek-filters" aria-label="Auditlog filteren">
        <SelectField id="filter-gebeurtenis" label="Gebeurtenis" value={event} onChange={(e) => setEvent(e.target.value)}>
          <SelectOption value="">Alle gebeurtenissen</SelectOption>
          {Object.entries(EVENT_LABELS).map(([code, label]) => (
            <SelectOption key={code} value={code}>
              {label} ({code})
            </SelectOption>
          ))}
        </SelectField>
        <TextField
          id="filter-actor"
          label="Wie (actor)"
          description="Precies zoals in de tabel, bijvoorbeeld user:12, client:sbc_… of anonymous."
          value={actor}
          maxLength={80}
          onChange={(e) => setActor(e.target.value)}
        />
        <TextField
          id="filter-onderwerp"
          label="Onderwerp"
          description="Precies zoals in de tabel, bijvoorbeeld user:12."
          value={subject}
          maxLength={120}
          onChange={(e) => setSubject(e.target.value)}
        />
        <TextField
          {...FILTER_FIELDS.vanaf}
          type="date"
          value={since}
          onChange={(e) => setSince(e.target.value)}
          errors={errors.fields.vanaf}
        />
        <TextField
          {...FILTER_FIELDS.tot}
          type="date"
          value={until}
          onChange={(e) => setUntil(e.target.value)}
          errors={errors.fields.tot}
        />
        <FilterButtons />
      </form>
    </>
  );
}

function detailsText(details: AuditEvent['details']): string {
  const entries = Object.entries(details);
  if (entries.length === 0) return '–';
  return entries.map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join('; ');
}

export default function AuditLogPage() {
  const events = usePagedList({
    filtersFrom: auditFiltersFrom,
    query: (filters: AuditFilters) => ({
      queryKey: adminKeys.audit(filters),
      queryFn: ({ signal }) => fetchAuditEvents(filters, signal),
    }),
    messages: {
      loading: 'Gebeurtenissen laden…',
      empty: 'Geen gebeurtenissen gevonden die aan de filters voldoen.',
      found: ({ total }) => `${counted(total, 'gebeurtenis', 'gebeurtenissen')} gevonden, nieuwste eerst.`,
    },
  });
  const { params } = events;

  return (
    <>
      <title>Auditlog – Beheer – Spoorboek</title>
      <Heading level={1}>Auditlog</Heading>
      <Paragraph appearance="lead">
        Wie wat deed en wanneer: inloggen, wijzigingen aan gebruikers en koppelingen, en geweigerde
        pogingen. Tijden in Nederlandse tijd.
      </Paragraph>
      <Heading level={2}>Filters</Heading>
      <Filters key={params.toString()} params={params} />
      <ResultList
        heading="Gebeurtenissen"
        list={events}
        columns={
          <>
            <TableHeaderCell scope="col">Tijdstip</TableHeaderCell>
            <TableHeaderCell scope="col">Gebeurtenis</TableHeaderCell>
            <TableHeaderCell scope="col">Wie</TableHeaderCell>
            <TableHeaderCell scope="col">Onderwerp</TableHeaderCell>
            <TableHeaderCell scope="col">Uitkomst</TableHeaderCell>
            <TableHeaderCell scope="col">Adres</TableHeaderCell>
            <TableHeaderCell scope="col">Details</TableHeaderCell>
          </>
        }
        renderRow={(event) => (
          <TableRow key={event.id}>
            <TableCell>
              <DutchDateTime value={event.tijdstip} />
            </TableCell>
            <TableCell>
              {EVENT_LABELS[event.gebeurtenis] ?? event.gebeurtenis}
              <br />
              <Code>{event.gebeurtenis}</Code>
            </TableCell>
            <TableCell>
              <Code>{event.actor}</Code>
            </TableCell>
            <TableCell>{event.onderwerp ? <Code>{event.onderwerp}</Code> : '–'}</TableCell>
            <TableCell>{event.uitkomst}</TableCell>
            <TableCell>{event.adres ?? '–'}</TableCell>
            <TableCell className="spoorboek-details">{detailsText(event.details)}</TableCell>
          </TableRow>
        )}
      />
    </>
  );
}
