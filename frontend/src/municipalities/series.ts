import { useQuery } from '@tanstack/react-query';

import { API_BASE_URL } from '../api/client';
import { toApiError } from '../api/problem';
import { percentText } from '../progress/labels';
import type { Provenance } from '../shared/Provenance';
import { formatDutchDate } from '../shared/dates';
import { changeText } from '../shared/dutch';

/** One month end (or today, the last point) of a municipality's own progress. */
export interface SeriesPoint {
  peildatum: string;
  cellen: number;
  geimplementeerd: number;
  aandeelGeimplementeerd: number;
  tekort: number | null;
}

/** GET /gemeenten/{code}/verloop, written by hand until the generated client knows the path. */
export interface MunicipalitySeries {
  gemeente: { code: string; naam: string };
  peildatum: string;
  laatstBijgewerkt: string | null;
  punten: SeriesPoint[];
  herkomst: Provenance;
}

// Public figures, asked again after a minute as the dashboard's are; the ETag keeps that cheap.
const FIGURES_STALE_TIME = 60 * 1000;

async function fetchSeries(code: string, signal: AbortSignal): Promise<MunicipalitySeries> {
  const response = await fetch(`${API_BASE_URL}/gemeenten/${code}/verloop`, {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
    signal,
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(body, response);
  return body as MunicipalitySeries;
}

export function useMunicipalitySeries(code: string) {
  return useQuery({
    queryKey: ['gemeenten', code, 'verloop'],
    queryFn: ({ signal }) => fetchSeries(code, signal),
    staleTime: FIGURES_STALE_TIME,
  });
}

/** One sentence that says what the series shows, for the chart's text alternative. */
export function seriesSummary(name: string, points: SeriesPoint[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return `Er is nog geen verloop van ${name}.`;
  const moved = Math.round((last.aandeelGeimplementeerd - first.aandeelGeimplementeerd) * 1000) / 10;
  return (
    `${name} had op ${formatDutchDate(first.peildatum)} ${percentText(first.aandeelGeimplementeerd)} van de maatregelen ` +
    `geïmplementeerd of geëvalueerd, nu ${percentText(last.aandeelGeimplementeerd)} (${changeText(moved, 'procentpunt')}).`
  );
}
