import { Heading, Link, Paragraph, SelectOption } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { hasRole, useCurrentUser } from '../auth/session';
import { FilterButtons } from '../forms/filterForm';
import { SelectField } from '../forms/fields';
import { MeasureSelect } from '../measures/MeasureSelect';
import { useProvinces } from '../progress/api';
import { PagedResults } from '../shared/PagedResults';
import { withFilter } from '../shared/QuickFilters';
import { counted, usePagedList } from '../shared/usePagedList';
import { agendaQuery, agendaQueryFrom, isFiltered } from './api';
import { KIND_LABELS, KINDS } from './labels';
import { MeetingItem } from './MeetingItem';
import { AGENDA_FEED_HREF, MY_MEETINGS_PATH } from './paths';
import { NewMeetingButton } from './team/NewMeetingButton';
import './meetings.css';

const NAMES = ['soort', 'maatregel', 'provincie'] as const;
type Name = (typeof NAMES)[number];

function ProvinceSelect({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  const provinces = useProvinces();
  return (
    <SelectField
      id={id}
      label="Provincie"
      value={value}
      busy={provinces.isPending}
      errors={provinces.isError ? ['De lijst met provincies kon niet worden geladen.'] : undefined}
      onChange={(event) => onChange(event.target.value)}
    >
      <SelectOption value="">Alle provincies</SelectOption>
      {(provinces.data ?? []).map((province) => (
        <SelectOption key={province.code} value={province.code}>
          {province.naam}
        </SelectOption>
      ))}
      {value && !provinces.data && <SelectOption value={value}>{value}</SelectOption>}
    </SelectField>
  );
}

function AgendaFilters({ params }: { params: URLSearchParams }) {
  const navigate = useNavigate();
  const [values, setValues] = useState(
    () => Object.fromEntries(NAMES.map((name) => [name, params.get(name) ?? ''])) as Record<Name, string>,
  );
  const set = (name: Name) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    // The filters apply to the coming and the past meetings alike: the switch stays as it was.
    if (params.get('afgelopen') === 'true') next.set('afgelopen', 'true');
    for (const name of NAMES) if (values[name]) next.set(name, values[name]);
    void navigate({ search: next.toString() });
  };
  return (
    <form noValidate onSubmit={submit} className="spoorboek-filters spoorboek-filters--grid" aria-label="Bijeenkomsten filteren">
      <SelectField id="filter-soort" label="Soort" value={values.soort} onChange={(event) => set('soort')(event.target.value)}>
        <SelectOption value="">Alle soorten</SelectOption>
        {KINDS.map((kind) => (
          <SelectOption key={kind} value={kind}>
            {KIND_LABELS[kind]}
          </SelectOption>
        ))}
      </SelectField>
      <MeasureSelect id="filter-maatregel" value={values.maatregel} onChange={(event) => set('maatregel')(event.target.value)} />
      <ProvinceSelect id="filter-provincie" value={values.provincie} onChange={set('provincie')} />
      <FilterButtons wide />
    </form>
  );
}

/** Coming or past meetings: two links, the current one marked, the filters kept. */
function PastSwitch({ params, past }: { params: URLSearchParams; past: boolean }) {
  return (
    <nav aria-label="Komende of afgelopen bijeenkomsten">
      <ul className="spoorboek-switch">
        <li>
          <AppLink
            to={{ search: withFilter(params, 'afgelopen', null) }}
            aria-current={past ? undefined : 'page'}
            className={past ? undefined : 'spoorboek-nav__link--current'}
          >
            Komende bijeenkomsten
          </AppLink>
        </li>
        <li>
          <AppLink
            to={{ search: withFilter(params, 'afgelopen', 'true') }}
            aria-current={past ? 'page' : undefined}
            className={past ? 'spoorboek-nav__link--current' : undefined}
          >
            Afgelopen bijeenkomsten
          </AppLink>
        </li>
      </ul>
    </nav>
  );
}

/** /bijeenkomsten: the public agenda, coming (soonest first) or past (latest first), filtered in the URL. */
export default function AgendaPage() {
  const user = useCurrentUser();
  const signedIn = user !== null;
  const meetings = usePagedList({
    filtersFrom: agendaQueryFrom,
    query: (query) => agendaQuery(query, signedIn),
    messages: {
      loading: 'Bijeenkomsten laden…',
      updating: 'Lijst bijwerken…',
      empty: ({ filters }) =>
        isFiltered(filters)
          ? 'Geen bijeenkomsten gevonden met deze filters.'
          : filters.afgelopen
            ? 'Er zijn nog geen afgelopen bijeenkomsten.'
            : 'Er staan nog geen bijeenkomsten op de agenda. Kijk later nog eens, of neem de agenda op in uw agenda-app: nieuwe bijeenkomsten verschijnen dan vanzelf.',
      found: ({ total, filters }) =>
        `${counted(total, 'bijeenkomst', 'bijeenkomsten')} ${filters.afgelopen ? 'afgelopen' : 'gepland'}.`,
    },
  });
  const past = meetings.filters.afgelopen === true;
  return (
    <>
      <title>Bijeenkomsten – Spoorboek</title>
      <Heading level={1}>Bijeenkomsten</Heading>
      <Paragraph appearance="lead">
        Werksessies, spreekuren, webinars, trainingen en regiobijeenkomsten over de invoering van de Participatiewet in
        balans.
      </Paragraph>
      <NewMeetingButton />
      <Paragraph>
        <Link href={AGENDA_FEED_HREF}>Agenda in je eigen agenda-app</Link>: neem dit adres op als agenda-abonnement
        (iCalendar) in Outlook, Google Agenda of Apple Agenda; nieuwe en gewijzigde bijeenkomsten verschijnen dan vanzelf.
      </Paragraph>
      {hasRole(user, 'gemeente') && (
        <Paragraph>
          Waar u en uw collega&rsquo;s zich voor aanmeldden, staat onder <AppLink to={MY_MEETINGS_PATH}>Mijn bijeenkomsten</AppLink>.
        </Paragraph>
      )}
      <PastSwitch params={meetings.params} past={past} />
      <Heading level={2}>Filteren</Heading>
      {/* A new key resets the fields when the URL changes (back button, "Filters wissen"). */}
      <AgendaFilters key={meetings.params.toString()} params={meetings.params} />
      <PagedResults list={meetings} heading={past ? 'Afgelopen bijeenkomsten' : 'Komende bijeenkomsten'}>
        {(page) => (
          <ul className="spoorboek-product-list" aria-labelledby="resultaten">
            {page.resultaten.map((meeting) => (
              <MeetingItem key={meeting.id} meeting={meeting} />
            ))}
          </ul>
        )}
      </PagedResults>
    </>
  );
}
