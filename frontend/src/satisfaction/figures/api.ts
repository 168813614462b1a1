import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { unwrap } from '../../api/call';
import { apiClient } from '../../api/client';
import { PRIVATE_QUERY_KEY } from '../../auth/session';
import type { FiguresQuery, PublicSatisfaction, SatisfactionFigures, SignalKind } from './types';

// The team's figures are private (under 'prive', dropped at logout); the public one is not.
export const figureKeys = {
  team: (query: FiguresQuery) => [...PRIVATE_QUERY_KEY, 'tevredenheid', 'cijfers', query] as const,
  lowScores: [...PRIVATE_QUERY_KEY, 'tevredenheid', 'lage-scores'] as const,
  public: ['tevredenheid', 'landelijk'] as const,
};

export function useTeamFigures(query: FiguresQuery) {
  return useQuery({
    queryKey: figureKeys.team(query),
    // Without `formaat=csv` the answer is JSON; the contract also lists the CSV form.
    queryFn: ({ signal }) =>
      unwrap(apiClient.GET('/tevredenheid/cijfers', { params: { query }, signal })) as Promise<SatisfactionFigures>,
    placeholderData: keepPreviousData,
  });
}

export function useLowScores() {
  return useQuery({
    queryKey: figureKeys.lowScores,
    queryFn: ({ signal }) => unwrap(apiClient.GET('/tevredenheid/lage-scores', { signal })),
  });
}

export function useMakeSignal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, kind }: { key: string; kind: SignalKind }) =>
      unwrap(
        apiClient.POST('/tevredenheid/lage-scores/{sleutel}/signaal', {
          params: { path: { sleutel: key } },
          body: { soort: kind },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: figureKeys.lowScores }),
  });
}

export function usePublicSatisfaction() {
  return useQuery({
    queryKey: figureKeys.public,
    // Without `formaat=csv` the answer is JSON; the contract also lists the CSV form.
    queryFn: ({ signal }) => unwrap(apiClient.GET('/tevredenheid/landelijk', { signal })) as Promise<PublicSatisfaction>,
    staleTime: 60 * 1000,
  });
}
