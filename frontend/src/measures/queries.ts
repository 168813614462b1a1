import { useQuery } from '@tanstack/react-query';

import { fetchAllMeasures, fetchWaves } from './api';

export function useWaves() {
  return useQuery({ queryKey: ['fasen'], queryFn: ({ signal }) => fetchWaves(signal) });
}

export function useAllMeasures() {
  return useQuery({
    queryKey: ['maatregelen', 'alle'],
    queryFn: ({ signal }) => fetchAllMeasures(signal),
  });
}
