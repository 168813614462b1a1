import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Client } from 'openapi-fetch';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';

// until the client is regenerated: the shapes of the vote and proposal endpoints.
export interface VoteTally {
  versie: number;
  mijnStem: boolean | null;
  aantalJa: number;
  aantalNee: number;
}

export type ProposalStatus = 'nieuw' | 'overgenomen' | 'afgewezen' | 'verwerkt';

export interface ProposalSummary {
  id: number;
  product: { id: number; titel: string };
  versie: number;
  tekst: string;
  status: ProposalStatus;
  overgenomenIn: number | null;
  reden: string | null;
  indiener: { naam: string | null; email: string | null; account: boolean } | null;
  ontvangenOp: string;
  beslotenOp: string | null;
  verwerktOp: string | null;
}

export interface ProposalStep {
  van: ProposalStatus | null;
  naar: ProposalStatus;
  op: string;
  door: string | null;
  tekst: string | null;
}

export interface ProposalRead extends ProposalSummary {
  geschiedenis: ProposalStep[];
}

export interface ProposalPage {
  resultaten: ProposalSummary[];
  paginering: { pagina: number; paginaGrootte: number; totaal: number; aantalPaginas: number };
}

export interface ProposalCreate {
  tekst: string;
  naam?: string;
  email?: string;
  versie?: number;
}

export interface InboxFilters {
  pagina: number;
  paginaGrootte: number;
  status?: ProposalStatus;
  mijn?: boolean;
}

type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
interface Json<T> {
  headers: Record<string, unknown>;
  content: { 'application/json': T };
}
interface Op<P, B, R> {
  parameters: P & { cookie?: never };
  requestBody: B extends never ? never : { content: { 'application/json': B } };
  responses: { 200: Json<R>; 201: Json<R> };
}
type Get<P, R> = Omit<Op<P, never, R>, 'requestBody'> & { requestBody?: never };
type ById = { path: { id: number }; query?: never; header?: never };
type Stepped = { path: { id: number }; query?: never; header: { 'If-Match': string } };

// until the client is regenerated
interface ProposalPaths {
  '/producten/{id}/nuttig': { parameters: NoParams; get: Get<ById, VoteTally>; put: Op<ById, { nuttig: boolean; versie?: number }, VoteTally> };
  '/producten/{id}/verbetervoorstellen': { parameters: NoParams; post: Op<ById, ProposalCreate, ProposalRead> };
  '/verbetervoorstellen': { parameters: NoParams; get: Get<{ query: InboxFilters; path?: never; header?: never }, ProposalPage> };
  '/mijn-verbetervoorstellen': {
    parameters: NoParams;
    get: Get<{ query: { pagina: number; paginaGrootte: number }; path?: never; header?: never }, ProposalPage>;
  };
  '/verbetervoorstellen/{id}': { parameters: NoParams; get: Get<ById, ProposalRead> };
  '/verbetervoorstellen/{id}/overnemen': { parameters: NoParams; post: Op<Stepped, { toelichting?: string }, ProposalRead> };
  '/verbetervoorstellen/{id}/afwijzen': { parameters: NoParams; post: Op<Stepped, { reden: string }, ProposalRead> };
}

// The same client (CSRF token, session refresh), typed for the paths above. until the client is regenerated
const client = apiClient as unknown as Client<ProposalPaths>;

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
  return unwrap(client.GET('/producten/{id}/nuttig', { params: { path: { id: product } }, signal }));
}

export function castVote(product: number, nuttig: boolean, versie: number): Promise<VoteTally> {
  return unwrap(client.PUT('/producten/{id}/nuttig', { params: { path: { id: product } }, body: { nuttig, versie } }));
}

export function sendProposal(product: number, body: ProposalCreate): Promise<ProposalRead> {
  return unwrap(client.POST('/producten/{id}/verbetervoorstellen', { params: { path: { id: product } }, body }));
}

export async function fetchProposal(id: number, signal?: AbortSignal): Promise<{ proposal: ProposalRead; version: string }> {
  const result = await client.GET('/verbetervoorstellen/{id}', { params: { path: { id } }, signal });
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
      ? client.POST('/verbetervoorstellen/{id}/overnemen', { params, body: step.toelichting ? { toelichting: step.toelichting } : {} })
      : client.POST('/verbetervoorstellen/{id}/afwijzen', { params, body: { reden: step.reden } });
  const result = await call;
  return { proposal: await unwrap(Promise.resolve(result)), version: result.response.headers.get('ETag') ?? '' };
}

export function inboxQuery(filters: InboxFilters) {
  return queryOptions({
    queryKey: proposalKeys.inbox(filters),
    queryFn: ({ signal }) => unwrap(client.GET('/verbetervoorstellen', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function mineQuery(filters: { pagina: number; paginaGrootte: number }) {
  return queryOptions({
    queryKey: proposalKeys.mine(filters.pagina),
    queryFn: ({ signal }) => unwrap(client.GET('/mijn-verbetervoorstellen', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
