import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import type { MapQuery, MapValues, MunicipalityBoundaries } from './types';

const VALUES_STALE_TIME = 60 * 1000;

function mapValuesQuery(query: MapQuery) {
  return {
    queryKey: ['kaart', 'waarden', query] as const,
    // The CSV variant of the same operation widens the generated type; the JSON one is asked for.
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      unwrap(apiClient.GET('/kaart/waarden', { params: { query }, signal })) as Promise<MapValues>,
    staleTime: VALUES_STALE_TIME,
  };
}

/**
 * The boundaries of the municipalities. They come with one indicator's values, but only the
 * shapes are used: they do not change while the page is open, so they are fetched once, and a
 * change of indicator only fetches the much smaller /kaart/waarden.
 */
export function useBoundaries() {
  return useQuery({
    queryKey: ['kaart', 'grenzen'],
    queryFn: async ({ signal }) => {
      // The OpenAPI document types GeoJSON as a bare object; the shape is described in ./types.
      const collection: unknown = await unwrap(apiClient.GET('/kaart/gemeenten', { signal }));
      return collection as MunicipalityBoundaries;
    },
    staleTime: Infinity,
  });
}

/** One value per municipality for an indicator, optionally of one wave or one measure. */
export function useMapValues(query: MapQuery) {
  return useQuery({ ...mapValuesQuery(query), placeholderData: keepPreviousData });
}
