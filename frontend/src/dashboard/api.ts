import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import type { Dashboard, Overview, OverviewQuery, Trend } from './types';

// The public figures are the same for everyone (no 'prive' key). They change when a municipality
// reports, so they are asked again after a minute; the ETag keeps that cheap.
const FIGURES_STALE_TIME = 60 * 1000;

export const publicFigureKeys = {
  dashboard: ['dashboard'] as const,
  trend: ['voortgang', 'trend'] as const,
  overview: (query: OverviewQuery) => ['voortgang', 'overzicht', query] as const,
};

export function useDashboard() {
  return useQuery({
    queryKey: publicFigureKeys.dashboard,
    queryFn: ({ signal }): Promise<Dashboard> => unwrap(apiClient.GET('/dashboard', { signal })),
    staleTime: FIGURES_STALE_TIME,
  });
}

export function useTrend() {
  return useQuery({
    queryKey: publicFigureKeys.trend,
    // The CSV variant of the same operation widens the generated type; the JSON one is asked for.
    queryFn: ({ signal }) => unwrap(apiClient.GET('/voortgang/trend', { signal })) as Promise<Trend>,
    staleTime: FIGURES_STALE_TIME,
  });
}

function overviewQuery(query: OverviewQuery) {
  return {
    queryKey: publicFigureKeys.overview(query),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      unwrap(apiClient.GET('/voortgang/overzicht', { params: { query }, signal })) as Promise<Overview>,
    staleTime: FIGURES_STALE_TIME,
  };
}

/** Progress figures grouped by land, province, region, wave, measure, theme or municipality. */
export function useOverview(query: OverviewQuery) {
  return useQuery({ ...overviewQuery(query), placeholderData: keepPreviousData });
}
