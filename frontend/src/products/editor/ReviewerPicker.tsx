import { useQuery } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';

import { SearchPicker, searchBoxId, useSearchTerm } from '../../shared/SearchPicker';
import { findPeople, type Person } from './api';

/** How many people one search shows; more means the name should be typed further. */
const SHOWN = 20;

/** The id of the search box, which the error summary links to. */
export const reviewerSearchId = searchBoxId;

/** What tells two people of the same name apart: their municipalities and organisation. */
export function personDetails(person: Person): string {
  const municipalities = person.gemeenten.map((m) => m.naam).join(', ') || 'Geen gemeente';
  return person.organisatie ? `${municipalities} · ${person.organisatie.naam}` : municipalities;
}

interface ReviewerPickerProps {
  id: string;
  value: Person | null;
  onChange: (person: Person) => void;
  errors?: string[] | undefined;
}

/**
 * Chooses the tester among the active municipal contacts from the people directory: type part of
 * a name, then pick one of the people found (radio buttons, so arrows and Tab work as everywhere).
 * The choice stays while another name is searched.
 */
export function ReviewerPicker({ id, value, onChange, errors }: ReviewerPickerProps) {
  const { term, setTerm, search, enabled } = useSearchTerm();
  const people = useQuery({
    queryKey: ['prive', 'personen', 'gemeente', search],
    queryFn: ({ signal }) => findPeople({ rol: 'gemeente', zoek: search, paginaGrootte: SHOWN }, signal),
    enabled,
    staleTime: 60 * 1000,
  });
  const found = enabled ? people.data : undefined;
  let status = '';
  if (enabled) {
    if (people.isPending) status = 'Contactpersonen zoeken…';
    else if (found?.paginering.totaal === 0) status = `Geen gemeentelijke contactpersonen gevonden met "${search}".`;
    else if (found && found.paginering.totaal > found.resultaten.length)
      status = `${found.paginering.totaal} gevonden; de eerste ${found.resultaten.length} staan hieronder. Typ meer van de naam.`;
    else if (found) status = `${found.paginering.totaal} ${found.paginering.totaal === 1 ? 'contactpersoon' : 'contactpersonen'} gevonden.`;
  }

  return (
    <div className="spoorboek-picker">
      <SearchPicker
        id={id}
        label="Zoek een toetser"
        description="Een actieve gemeentelijke contactpersoon. Typ minstens twee letters van de naam; kies daarna de toetser."
        errors={errors}
        term={term}
        onTermChange={setTerm}
        status={status}
        query={people}
        enabled={enabled}
        legend="Gevonden contactpersonen"
        value={value ? String(value.id) : ''}
        onChange={(chosen) => {
          const person = found?.resultaten.find((p) => String(p.id) === chosen);
          if (person) onChange(person);
        }}
        choices={found?.resultaten.map((person) => ({
          value: String(person.id),
          label: person.naam,
          description: personDetails(person),
        }))}
      />
      <Paragraph>
        {value ? (
          <>
            Gekozen toetser: <strong>{value.naam}</strong> ({personDetails(value)})
          </>
        ) : (
          'Nog geen toetser gekozen.'
        )}
      </Paragraph>
    </div>
  );
}
