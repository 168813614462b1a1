import { apiClient } from '../api/client';
import { toApiError } from '../api/problem';
import type { Measure, Wave } from './types';

// The API's largest page; spoor 1 has 23 measures, so one request normally suffices.
const MAX_PAGE_SIZE = 100;

export async function fetchWaves(signal?: AbortSignal): Promise<Wave[]> {
  const { data, error, response } = await apiClient.GET('/fasen', { signal });
  if (!data) throw toApiError(error, response);
  return data.resultaten;
}

/** Every measure, following the pagination so the page never silently shows a partial list. */
export async function fetchAllMeasures(signal?: AbortSignal): Promise<Measure[]> {
  const measures: Measure[] = [];
  for (let page = 1; ; page += 1) {
    const { data, error, response } = await apiClient.GET('/maatregelen', {
      params: { query: { pagina: page, paginaGrootte: MAX_PAGE_SIZE } },
      signal,
    });
    if (!data) throw toApiError(error, response);
    measures.push(...data.resultaten);
    if (page >= data.paginering.aantalPaginas) return measures;
  }
}
