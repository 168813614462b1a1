import { useQuery } from '@tanstack/react-query';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import type { RegionKind, RegionProgress } from './types';

// Public figures, asked again after a minute as the dashboard's are; the ETag keeps that cheap.
const FIGURES_STALE_TIME = 60 * 1000;

/** A region's figures with its municipalities ranked. */
function fetchRegionProgress(kind: RegionKind, code: string, signal: AbortSignal): Promise<RegionProgress> {
  const params = { path: { code } };
  // Without `formaat=csv` the answer is JSON; the contract also lists the CSV form.
  const call =
    kind === 'provincie'
      ? apiClient.GET('/provincies/{code}/voortgang', { params, signal })
      : apiClient.GET('/arbeidsmarktregios/{code}/voortgang', { params, signal });
  return unwrap(call) as Promise<RegionProgress>;
}

export function useRegionProgress(kind: RegionKind, code: string) {
  return useQuery({
    queryKey: ['regios', kind, code, 'voortgang'],
    queryFn: ({ signal }) => fetchRegionProgress(kind, code, signal),
    staleTime: FIGURES_STALE_TIME,
  });
}
