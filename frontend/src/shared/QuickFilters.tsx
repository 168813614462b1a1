import { AppLink } from '../app/AppLink';

export interface QuickFilter {
  label: string;
  name: string;
  value: string;
}

/** The URL search of a quick filter: the current filters with one changed, back to page 1. */
export function withFilter(params: URLSearchParams, name: string, value: string | null): string {
  const next = new URLSearchParams(params);
  next.delete('pagina');
  if (value === null) next.delete(name);
  else next.set(name, value);
  return next.toString();
}

/** One-click filters above a list; a second click on an active one turns it off. */
export function QuickFilters({ params, filters }: { params: URLSearchParams; filters: QuickFilter[] }) {
  return (
    <nav aria-label="Snelfilters" className="spoorboek-quick-filters">
      <ul className="spoorboek-inline-list">
        {filters.map((quick) => {
          const active = params.get(quick.name) === quick.value;
          return (
            <li key={quick.label}>
              <AppLink
                to={{ search: withFilter(params, quick.name, active ? null : quick.value) }}
                aria-current={active ? 'true' : undefined}
                className={active ? 'spoorboek-nav__link--current' : undefined}
              >
                {active ? `${quick.label} (aan, klik om uit te zetten)` : quick.label}
              </AppLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
