import { useQuery } from '@tanstack/react-query';
import {
  ButtonGroup,
  Heading,
  Paragraph,
  SelectOption,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { AppLink, ButtonAppLink } from '../../app/AppLink';
import { namesText, ROLE_LABELS, ROLES, rolesText } from '../../auth/labels';
import type { Role, User } from '../../auth/session';
import { SelectField, TextField } from '../../forms/fields';
import { adminKeys, fetchUsers, PAGE_SIZE, type UserFilters } from '../api';
import { pageFrom } from '../../shared/Pagination';
import { ResultList } from '../../shared/ResultList';
import { counted, usePagedList } from '../../shared/usePagedList';
import { fetchAllMunicipalities } from '../../shared/referenceData';
import { FilterButtons } from '../../forms/filterForm';

function isRole(value: string | null): value is Role {
  return value !== null && (ROLES as string[]).includes(value);
}

/** The API filters from the page's URL (so filters and page survive reload and back). */
export function userFiltersFrom(params: URLSearchParams): UserFilters {
  const filters: UserFilters = { pagina: pageFrom(params.get('pagina')), paginaGrootte: PAGE_SIZE };
  const zoek = params.get('zoek')?.trim();
  if (zoek && zoek.length >= 2) filters.zoek = zoek;
  const rol = params.get('rol');
  if (isRole(rol)) filters.rol = rol;
  const gemeente = params.get('gemeente');
  if (gemeente && /^GM\d{4}$/.test(gemeente)) filters.gemeente = gemeente;
  const actief = params.get('actief');
  if (actief === 'ja' || actief === 'nee') filters.actief = actief === 'ja';
  return filters;
}

function statusText(user: User): string {
  if (!user.actief) return 'Uitgeschakeld';
  if (!user.wachtwoordIngesteld) return 'Uitgenodigd';
  return 'Actief';
}

function Filters({ params }: { params: URLSearchParams }) {
  const navigate = useNavigate();
  const [zoek, setZoek] = useState(params.get('zoek') ?? '');
  const [rol, setRol] = useState(params.get('rol') ?? '');
  const [gemeente, setGemeente] = useState(params.get('gemeente') ?? '');
  const [actief, setActief] = useState(params.get('actief') ?? '');
  const [zoekError, setZoekError] = useState<string[] | undefined>(undefined);
  const municipalities = useQuery({
    queryKey: ['gemeenten', 'alle'],
    queryFn: ({ signal }) => fetchAllMunicipalities(signal),
    staleTime: Infinity,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (zoek.trim().length === 1) {
      setZoekError(['Typ minstens twee tekens, of laat het veld leeg.']);
      document.getElementById('filter-zoek')?.focus();
      return;
    }
    setZoekError(undefined);
    const next = new URLSearchParams();
    if (zoek.trim()) next.set('zoek', zoek.trim());
    if (rol) next.set('rol', rol);
    if (gemeente) next.set('gemeente', gemeente);
    if (actief) next.set('actief', actief);
    void navigate({ search: next.toString() });
  };

  return (
    <form noValidate onSubmit={submit} className="spoorboek-filters" aria-label="Gebruikers filteren">
      <TextField
        id="filter-zoek"
        label="Zoek op naam of e-mailadres"
        type="search"
        value={zoek}
        onChange={(event) => setZoek(event.target.value)}
        errors={zoekError}
      />
      <SelectField id="filter-rol" label="Rol" value={rol} onChange={(event) => setRol(event.target.value)}>
        <SelectOption value="">Alle rollen</SelectOption>
        {ROLES.map((role) => (
          <SelectOption key={role} value={role}>
            {ROLE_LABELS[role]}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField
        id="filter-gemeente"
        label="Gemeente"
        value={gemeente}
        busy={municipalities.isPending}
        errors={municipalities.isError ? ['De lijst met gemeenten kon niet worden geladen.'] : undefined}
        onChange={(event) => setGemeente(event.target.value)}
      >
        <SelectOption value="">Alle gemeenten</SelectOption>
        {municipalities.data?.map((municipality) => (
          <SelectOption key={municipality.code} value={municipality.code}>
            {municipality.naam}
          </SelectOption>
        ))}
        {gemeente && !municipalities.data && <SelectOption value={gemeente}>{gemeente}</SelectOption>}
      </SelectField>
      <SelectField id="filter-actief" label="Status" value={actief} onChange={(event) => setActief(event.target.value)}>
        <SelectOption value="">Alle gebruikers</SelectOption>
        <SelectOption value="ja">Actief</SelectOption>
        <SelectOption value="nee">Uitgeschakeld</SelectOption>
      </SelectField>
      <FilterButtons />
    </form>
  );
}

export default function UsersPage() {
  const users = usePagedList({
    filtersFrom: userFiltersFrom,
    query: (filters: UserFilters) => ({
      queryKey: adminKeys.users(filters),
      queryFn: ({ signal }) => fetchUsers(filters, signal),
    }),
    messages: {
      loading: 'Gebruikers laden…',
      empty: 'Geen gebruikers gevonden die aan de filters voldoen.',
      found: ({ total }) => `${counted(total, 'gebruiker', 'gebruikers')} gevonden.`,
    },
  });
  const { params } = users;

  return (
    <>
      <title>Gebruikers – Beheer – Spoorboek</title>
      <Heading level={1}>Gebruikers</Heading>
      <Paragraph appearance="lead">
        Wie Spoorboek mag gebruiken, met welke rol en voor welke gemeenten.
      </Paragraph>
      <ButtonGroup>
        <ButtonAppLink to="/beheer/gebruikers/uitnodigen">Gebruiker uitnodigen</ButtonAppLink>
      </ButtonGroup>
      <Heading level={2}>Filters</Heading>
      {/* A new key resets the fields when the URL changes (back button, "Filters wissen"). */}
      <Filters key={params.toString()} params={params} />
      <ResultList
        heading="Resultaten"
        list={users}
        columns={
          <>
            <TableHeaderCell scope="col">Naam</TableHeaderCell>
            <TableHeaderCell scope="col">E-mailadres</TableHeaderCell>
            <TableHeaderCell scope="col">Rollen</TableHeaderCell>
            <TableHeaderCell scope="col">Gemeenten</TableHeaderCell>
            <TableHeaderCell scope="col">Status</TableHeaderCell>
          </>
        }
        renderRow={(user) => (
          <TableRow key={user.id}>
            <TableCell>
              <AppLink to={`/beheer/gebruikers/${user.id}`}>{user.naam}</AppLink>
            </TableCell>
            <TableCell>{user.email}</TableCell>
            <TableCell>{rolesText(user.rollen)}</TableCell>
            <TableCell>{namesText(user.gemeenten, '–')}</TableCell>
            <TableCell>{statusText(user)}</TableCell>
          </TableRow>
        )}
      />
    </>
  );
}
