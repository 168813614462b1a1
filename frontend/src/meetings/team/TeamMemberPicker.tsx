import { useQuery } from '@tanstack/react-query';
import { Button, Paragraph } from '@utrecht/component-library-react';

import { findPeople } from '../../products/editor/api';
import { SearchPicker, searchBoxId, useSearchTerm } from '../../shared/SearchPicker';
import type { PersonRef } from '../types';

const SHOWN = 20;

/** The id of the search box, which the error summary links to. */
export const memberSearchId = searchBoxId;

/** Editors and admins whose name holds `search`: the team members who may lead a meeting. */
async function findTeamMembers(search: string, signal: AbortSignal): Promise<PersonRef[]> {
  const pages = await Promise.all(
    (['redacteur', 'beheerder'] as const).map((rol) => findPeople({ rol, zoek: search, paginaGrootte: SHOWN }, signal)),
  );
  const seen = new Map<number, PersonRef>();
  for (const person of pages.flatMap((page) => page.resultaten)) seen.set(person.id, { id: person.id, naam: person.naam });
  return [...seen.values()].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
}

/**
 * Chooses the organiser among the programme team: type part of a name, then pick one of the people
 * found (radio buttons, as the tester picker). The choice can also be taken away again.
 */
export function TeamMemberPicker({
  id,
  value,
  onChange,
  errors,
}: {
  id: string;
  value: PersonRef | null;
  onChange: (person: PersonRef | null) => void;
  errors?: string[] | undefined;
}) {
  const { term, setTerm, search, enabled } = useSearchTerm();
  const people = useQuery({
    queryKey: ['prive', 'personen', 'team', search],
    queryFn: ({ signal }) => findTeamMembers(search, signal),
    enabled,
    staleTime: 60 * 1000,
  });
  const found = enabled ? people.data : undefined;
  let status = '';
  if (enabled) {
    if (people.isPending) status = 'Teamleden zoeken…';
    else if (found?.length === 0) status = `Geen teamleden gevonden met "${search}".`;
    else if (found) status = `${found.length} ${found.length === 1 ? 'teamlid' : 'teamleden'} gevonden.`;
  }
  return (
    <div className="spoorboek-picker">
      <SearchPicker
        id={id}
        label="Zoek de organisator (niet verplicht)"
        description="Een redacteur of beheerder die de bijeenkomst leidt: legt de aanwezigheid vast en krijgt de vragen. Typ minstens twee letters van de naam."
        errors={errors}
        term={term}
        onTermChange={setTerm}
        status={status}
        query={people}
        enabled={enabled}
        legend="Gevonden teamleden"
        value={value ? String(value.id) : ''}
        onChange={(chosen) => onChange(found?.find((p) => String(p.id) === chosen) ?? null)}
        choices={found?.map((person) => ({ value: String(person.id), label: person.naam }))}
      />
      <Paragraph>
        {value ? (
          <>
            Organisator: <strong>{value.naam}</strong>{' '}
            <Button appearance="subtle-button" type="button" onClick={() => onChange(null)}>
              Geen organisator
            </Button>
          </>
        ) : (
          'Nog geen organisator gekozen.'
        )}
      </Paragraph>
    </div>
  );
}
