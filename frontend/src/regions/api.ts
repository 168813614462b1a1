import { useQuery } from '@tanstack/react-query';

import { API_BASE_URL } from '../api/client';
import { toApiError } from '../api/problem';
import { REGION_COLLECTIONS } from './paths';
import type { RegionKind, RegionProgress } from './types';

// Public figures, asked again after a minute as the dashboard's are; the ETag keeps that cheap.
const FIGURES_STALE_TIME = 60 * 1000;

/**
 * A region's figures with its municipalities ranked. A plain fetch until the generated client
 * knows the path (the coordinator regenerates the contract); failures become ApiErrors as there.
 */
async function fetchRegionProgress(kind: RegionKind, code: string, signal: AbortSignal): Promise<RegionProgress> {
  const response = await fetch(`${API_BASE_URL}/${REGION_COLLECTIONS[kind]}/${code}/voortgang`, {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
    signal,
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(body, response);
  return body as RegionProgress;
}

export function useRegionProgress(kind: RegionKind, code: string) {
  return useQuery({
    queryKey: ['regios', kind, code, 'voortgang'],
    queryFn: ({ signal }) => fetchRegionProgress(kind, code, signal),
    staleTime: FIGURES_STALE_TIME,
  });
}
