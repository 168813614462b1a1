import { useQuery } from '@tanstack/react-query';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import { percentText } from '../progress/labels';
import { formatDutchDate } from '../shared/dates';
import { changeText } from '../shared/dutch';
import type { MunicipalitySeries, SeriesPoint } from './types';

// Public figures, asked again after a minute as the dashboard's are; the ETag keeps that cheap.
const FIGURES_STALE_TIME = 60 * 1000;

function fetchSeries(code: string, signal: AbortSignal): Promise<MunicipalitySeries> {
  // Without `formaat=csv` the answer is JSON; the contract also lists the CSV form.
  return unwrap(
    apiClient.GET('/gemeenten/{code}/verloop', { params: { path: { code } }, signal }),
  ) as Promise<MunicipalitySeries>;
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
