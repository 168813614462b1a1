import { keepPreviousData, queryOptions } from '@tanstack/react-query';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import type { components, operations } from '../api/schema';

export type VoteTally = components['schemas']['VoteTally'];
export type ProposalStatus = components['schemas']['ProposalStatus'];
export type ProposalSummary = components['schemas']['ProposalSummary'];
export type ProposalStep = components['schemas']['ProposalStep'];
export type ProposalRead = components['schemas']['ProposalRead'];
export type ProposalPage = components['schemas']['ProposalPage'];
export type ProposalCreate = components['schemas']['ProposalCreate'];

export type InboxFilters = NonNullable<operations['verbetervoorstellenOpvragen']['parameters']['query']>;

export const PAGE_SIZE = 25;

// Votes carry the visitor's own vote, proposals who sent them: both are private to this browser
// (keys under 'prive' are dropped at login and logout).
export const proposalKeys = {
  votes: (product: number) => ['prive', 'nuttig', product] as const,
  all: ['prive', 'verbetervoorstellen'] as const,
  inbox: (filters: InboxFilters) => ['prive', 'verbetervoorstellen', 'inbox', filters] as const,
  mine: (page: number) => ['prive', 'verbetervoorstellen', 'mijn', page] as const,
  detail: (id: number) => ['prive', 'verbetervoorstellen', id] as const,
};

export function fetchVotes(product: number, signal?: AbortSignal): Promise<VoteTally> {
  return unwrap(apiClient.GET('/producten/{id}/nuttig', { params: { path: { id: product } }, signal }));
}

export function castVote(product: number, nuttig: boolean, versie: number): Promise<VoteTally> {
  return unwrap(apiClient.PUT('/producten/{id}/nuttig', { params: { path: { id: product } }, body: { nuttig, versie } }));
}

export function sendProposal(product: number, body: ProposalCreate): Promise<ProposalRead> {
  return unwrap(apiClient.POST('/producten/{id}/verbetervoorstellen', { params: { path: { id: product } }, body }));
}

export async function fetchProposal(id: number, signal?: AbortSignal): Promise<{ proposal: ProposalRead; version: string }> {
  const result = await apiClient.GET('/verbetervoorstellen/{id}', { params: { path: { id } }, signal });
  return { proposal: await unwrap(Promise.resolve(result)), version: result.response.headers.get('ETag') ?? '' };
}

/** A step with the version the page shows: 409 when not allowed, 412 when someone was first. */
export async function takeStep(
  id: number,
  version: string,
  step: { naar: 'overgenomen'; toelichting?: string } | { naar: 'afgewezen'; reden: string },
): Promise<{ proposal: ProposalRead; version: string }> {
  const params = { path: { id }, header: { 'If-Match': version } };
  const call =
    step.naar === 'overgenomen'
      ? apiClient.POST('/verbetervoorstellen/{id}/overnemen', { params, body: step.toelichting ? { toelichting: step.toelichting } : {} })
      : apiClient.POST('/verbetervoorstellen/{id}/afwijzen', { params, body: { reden: step.reden } });
  const result = await call;
  return { proposal: await unwrap(Promise.resolve(result)), version: result.response.headers.get('ETag') ?? '' };
}

export function inboxQuery(filters: InboxFilters) {
  return queryOptions({
    queryKey: proposalKeys.inbox(filters),
    queryFn: ({ signal }) => unwrap(apiClient.GET('/verbetervoorstellen', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function mineQuery(filters: { pagina: number; paginaGrootte: number }) {
  return queryOptions({
    queryKey: proposalKeys.mine(filters.pagina),
    queryFn: ({ signal }) => unwrap(apiClient.GET('/mijn-verbetervoorstellen', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
