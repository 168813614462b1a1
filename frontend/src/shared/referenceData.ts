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

/** All municipalities (342), following the pagination, for a filter list. */
export async function fetchAllMunicipalities(signal?: AbortSignal): Promise<Municipality[]> {
  const all: Municipality[] = [];
  for (let pagina = 1; ; pagina += 1) {
    const page = await unwrap(
      apiClient.GET('/gemeenten', { params: { query: { pagina, paginaGrootte: 100 } }, signal }),
    );
    all.push(...page.resultaten);
    if (pagina >= page.paginering.aantalPaginas) return all;
  }
}

export async function fetchOrganisations(signal?: AbortSignal): Promise<Organisation[]> {
  const all: Organisation[] = [];
  for (let pagina = 1; ; pagina += 1) {
    const page = await unwrap(
      apiClient.GET('/organisaties', { params: { query: { pagina, paginaGrootte: 100 } }, signal }),
    );
    all.push(...page.resultaten);
    if (pagina >= page.paginering.aantalPaginas) return all;
  }
}
