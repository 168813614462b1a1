import { apiClient } from '../api/client';
import { unwrap } from '../api/call';
import type { components } from '../api/schema';

// Reference data that forms of several areas choose from (municipalities, organisations).

export type Municipality = components['schemas']['MunicipalityRead'];
export type Organisation = components['schemas']['OrganisationRead'];
export type CodeName = components['schemas']['CodeName'];

export async function searchMunicipalities(zoek: string, signal?: AbortSignal): Promise<Municipality[]> {
  const page = await unwrap(
    apiClient.GET('/gemeenten', { params: { query: { zoek, paginaGrootte: 10 } }, signal }),
  );
  return page.resultaten;
}

/** Every result of a paged list, asking for one page after the other until the last. */
async function fetchAllPages<T>(
  fetchPage: (pagina: number) => Promise<{ resultaten: T[]; paginering: { aantalPaginas: number } }>,
): Promise<T[]> {
  const all: T[] = [];
  for (let pagina = 1; ; pagina += 1) {
    const page = await fetchPage(pagina);
    all.push(...page.resultaten);
    if (pagina >= page.paginering.aantalPaginas) return all;
  }
}

/** All municipalities (342), following the pagination, for a filter list. */
export function fetchAllMunicipalities(signal?: AbortSignal): Promise<Municipality[]> {
  return fetchAllPages((pagina) =>
    unwrap(apiClient.GET('/gemeenten', { params: { query: { pagina, paginaGrootte: 100 } }, signal })),
  );
}

export function fetchOrganisations(signal?: AbortSignal): Promise<Organisation[]> {
  return fetchAllPages((pagina) =>
    unwrap(apiClient.GET('/organisaties', { params: { query: { pagina, paginaGrootte: 100 } }, signal })),
  );
}
