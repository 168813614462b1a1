import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Client } from 'openapi-fetch';

import { unwrap } from '../../api/call';
import { apiClient } from '../../api/client';
import { PRIVATE_QUERY_KEY } from '../../auth/session';
import type { FiguresQuery, LowScoreList, PublicSatisfaction, SatisfactionFigures, SignalMade } from './types';

interface Json<T> {
  headers: Record<string, unknown>;
  content: { 'application/json': T };
}

type NoParameters = { query?: never; header?: never; path?: never; cookie?: never };

// until the client is regenerated: the figures' paths, typed as the generated schema will have them.
interface FigurePaths {
  '/tevredenheid/cijfers': {
    parameters: NoParameters;
    get: { parameters: { query?: FiguresQuery }; requestBody?: never; responses: { 200: Json<SatisfactionFigures> } };
  };
  '/tevredenheid/lage-scores': {
    parameters: NoParameters;
    get: { parameters: NoParameters; requestBody?: never; responses: { 200: Json<LowScoreList> } };
  };
  '/tevredenheid/lage-scores/{sleutel}/signaal': {
    parameters: NoParameters;
    post: {
      parameters: { path: { sleutel: string } };
      requestBody: { content: { 'application/json': { soort: string } } };
      responses: { 201: Json<SignalMade> };
    };
  };
  '/tevredenheid/landelijk': {
    parameters: NoParameters;
    get: { parameters: NoParameters; requestBody?: never; responses: { 200: Json<PublicSatisfaction> } };
  };
}

// The same client (CSRF token, session refresh), typed for the paths above. until the client is regenerated
const client = apiClient as unknown as Client<FigurePaths>;

// The team's figures are private (under 'prive', dropped at logout); the public one is not.
export const figureKeys = {
  team: (query: FiguresQuery) => [...PRIVATE_QUERY_KEY, 'tevredenheid', 'cijfers', query] as const,
  lowScores: [...PRIVATE_QUERY_KEY, 'tevredenheid', 'lage-scores'] as const,
  public: ['tevredenheid', 'landelijk'] as const,
};

export function useTeamFigures(query: FiguresQuery) {
  return useQuery({
    queryKey: figureKeys.team(query),
    queryFn: ({ signal }) => unwrap(client.GET('/tevredenheid/cijfers', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useLowScores() {
  return useQuery({
    queryKey: figureKeys.lowScores,
    queryFn: ({ signal }) => unwrap(client.GET('/tevredenheid/lage-scores', { signal })),
  });
}

export function useMakeSignal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, kind }: { key: string; kind: string }) =>
      unwrap(
        client.POST('/tevredenheid/lage-scores/{sleutel}/signaal', {
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
    queryFn: ({ signal }) => unwrap(client.GET('/tevredenheid/landelijk', { signal })),
    staleTime: 60 * 1000,
  });
}
