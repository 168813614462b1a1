import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import type { components } from '../api/schema';
import type {
  BlockerQuery,
  BlockersView,
  EvidenceAdded,
  GroupToSignal,
  ProposalChanges,
  PublicFilters,
  PublicSignal,
  PublicSignalPage,
  RegisterFilters,
  SignalCreate,
  SignalEvent,
  SignalPage,
  SignalRead,
  SignalTransition,
  SignalUpdate,
  SteeringReport,
  SuggestionList,
} from './types';

export const PAGE_SIZE = 25;

// Signals name who reported them and their evidence names municipalities' questions: every key
// of a signed-in person's view starts with 'prive' (dropped at login and logout). The public
// register is the same for everyone.
export const signalKeys = {
  all: ['prive', 'signalen'] as const,
  list: (filters: RegisterFilters) => ['prive', 'signalen', 'lijst', filters] as const,
  detail: (id: number) => ['prive', 'signalen', id] as const,
  history: (id: number) => ['prive', 'signalen', id, 'geschiedenis'] as const,
  blockers: (query: BlockerQuery) => ['prive', 'signalen', 'knelpunten', query] as const,
  suggestions: ['prive', 'signalen', 'suggesties'] as const,
  report: (query: ReportQuery) => ['prive', 'signalen', 'rapportage', query] as const,
  publicAll: ['openbare-signalen'] as const,
  publicList: (filters: PublicFilters) => ['openbare-signalen', 'lijst', filters] as const,
  publicDetail: (id: number) => ['openbare-signalen', id] as const,
};

/** The ETag of a signal is its version (`"v3"`); a change sends it back in If-Match. */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

export function fetchSignals(query: RegisterFilters, signal?: AbortSignal): Promise<SignalPage> {
  return unwrap(apiClient.GET('/signalen', { params: { query }, signal }));
}

export function fetchSignal(id: number, signal?: AbortSignal): Promise<SignalRead> {
  return unwrap(apiClient.GET('/signalen/{id}', { params: { path: { id } }, signal }));
}

export function reportSignal(body: SignalCreate): Promise<SignalRead> {
  return unwrap(apiClient.POST('/signalen', { body }));
}

/** Changes the named fields if the signal is still at `version`: 412 when stale, 400 for personal data. */
export function editSignal(id: number, version: number, body: SignalUpdate): Promise<SignalRead> {
  return unwrap(apiClient.PATCH('/signalen/{id}', { params: { path: { id }, header: { 'If-Match': etagOf(version) } }, body }));
}

/** Moves the signal on if it is still at `version`: 409 when not allowed, 412 when stale. */
export function changeSignalStatus(id: number, version: number, body: SignalTransition): Promise<SignalRead> {
  return unwrap(
    apiClient.POST('/signalen/{id}/statuswijzigingen', {
      params: { path: { id }, header: { 'If-Match': etagOf(version) } },
      body,
    }),
  );
}

export async function fetchSignalHistory(id: number, signal?: AbortSignal): Promise<SignalEvent[]> {
  return (await unwrap(apiClient.GET('/signalen/{id}/geschiedenis', { params: { path: { id } }, signal }))).resultaten;
}

export function addEvidence(id: number, body: components['schemas']['EvidenceAdd']): Promise<EvidenceAdded> {
  return unwrap(apiClient.POST('/signalen/{id}/bewijs', { params: { path: { id } }, body }));
}

export function unlinkQuestion(id: number, vraagId: number): Promise<void> {
  return unwrap(apiClient.DELETE('/signalen/{id}/bewijs/vragen/{vraagId}', { params: { path: { id, vraagId } } }));
}

export function unlinkBlocker(id: number, gemeente: string, maatregel: string): Promise<void> {
  return unwrap(
    apiClient.DELETE('/signalen/{id}/bewijs/knelpunten/{gemeente}/{maatregel}', { params: { path: { id, gemeente, maatregel } } }),
  );
}

/** "Dit geldt ook bij ons": once per municipality; 409 when given already. */
export function backSignal(id: number, body: components['schemas']['SupportCreate']): Promise<SignalRead> {
  return unwrap(apiClient.POST('/signalen/{id}/ook-bij-ons', { params: { path: { id } }, body }));
}

export function fetchPublicSignals(query: PublicFilters, signal?: AbortSignal): Promise<PublicSignalPage> {
  return unwrap(apiClient.GET('/openbare-signalen', { params: { query }, signal }));
}

export function fetchPublicSignal(id: number, signal?: AbortSignal): Promise<PublicSignal> {
  return unwrap(apiClient.GET('/openbare-signalen/{id}', { params: { path: { id } }, signal }));
}

/** One page of the register (the list pages fetch it through usePagedList). */
export function signalListQuery(filters: RegisterFilters) {
  return queryOptions({
    queryKey: signalKeys.list(filters),
    queryFn: ({ signal }) => fetchSignals(filters, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function publicSignalListQuery(filters: PublicFilters) {
  return queryOptions({
    queryKey: signalKeys.publicList(filters),
    queryFn: ({ signal }) => fetchPublicSignals(filters, signal),
    placeholderData: keepPreviousData,
    staleTime: 60 * 1000,
  });
}

export function useSignal(id: number, enabled = true) {
  return useQuery({
    queryKey: signalKeys.detail(id),
    queryFn: ({ signal }) => fetchSignal(id, signal),
    enabled,
    staleTime: 0,
  });
}

export function useSignalHistory(id: number) {
  return useQuery({
    queryKey: signalKeys.history(id),
    queryFn: ({ signal }) => fetchSignalHistory(id, signal),
    staleTime: 0,
  });
}

export function usePublicSignal(id: number, enabled = true) {
  return useQuery({
    queryKey: signalKeys.publicDetail(id),
    queryFn: ({ signal }) => fetchPublicSignal(id, signal),
    enabled,
    staleTime: 60 * 1000,
  });
}

/** The public register as open data (CSV, CC BY 4.0): a plain link, anyone may download it. */
export const PUBLIC_CSV_HREF = '/api/v1/openbare-signalen/export?formaat=csv';

/** The Atom feed of the responses to public signals, for feed readers. */
export const RESPONSES_FEED_HREF = '/api/v1/openbare-signalen/reacties';

/** The steering report's period as the API takes it; both empty is the current quarter. */
export interface ReportQuery {
  van?: string;
  tot?: string;
}

export function fetchSteeringReport(query: ReportQuery, signal?: AbortSignal): Promise<SteeringReport> {
  // The JSON answer; the same figures as a workbook are a plain link (steeringXlsxHref).
  return unwrap(apiClient.GET('/signalen/rapportage', { params: { query }, signal })) as Promise<SteeringReport>;
}

export function useSteeringReport(query: ReportQuery) {
  return useQuery({
    queryKey: signalKeys.report(query),
    queryFn: ({ signal }) => fetchSteeringReport(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 30 * 1000,
  });
}

/** The same report as a workbook: a plain link, the session cookie goes along. */
export function steeringXlsxHref(query: ReportQuery): string {
  const params = new URLSearchParams({ formaat: 'xlsx' });
  if (query.van) params.set('van', query.van);
  if (query.tot) params.set('tot', query.tot);
  return `/api/v1/signalen/rapportage?${params.toString()}`;
}

export function fetchBlockers(query: BlockerQuery, signal?: AbortSignal): Promise<BlockersView> {
  return unwrap(apiClient.GET('/signalen/knelpunten', { params: { query }, signal }));
}

export function useBlockers(query: BlockerQuery) {
  return useQuery({
    queryKey: signalKeys.blockers(query),
    queryFn: ({ signal }) => fetchBlockers(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 30 * 1000,
  });
}

/** A group of blockers becomes a signal in one step, with all its blockers as evidence (409: made already). */
export function signalFromGroup(body: GroupToSignal): Promise<SignalRead> {
  return unwrap(apiClient.POST('/signalen/knelpunten/groepen', { body }));
}

export function fetchSuggestions(signal?: AbortSignal): Promise<SuggestionList> {
  return unwrap(apiClient.GET('/signalen/suggesties', { signal }));
}

export function useSuggestions() {
  return useQuery({
    queryKey: signalKeys.suggestions,
    queryFn: ({ signal }) => fetchSuggestions(signal),
    staleTime: 30 * 1000,
  });
}

/** Takes a suggestion over as a signal with all its evidence; what `changes` names differs from the proposal. */
export function acceptSuggestion(key: string, changes: ProposalChanges): Promise<SignalRead> {
  return unwrap(apiClient.POST('/signalen/suggesties/{sleutel}/overnemen', { params: { path: { sleutel: key } }, body: changes }));
}

/** Dismisses a suggestion: it comes back only when its evidence grows. */
export function dismissSuggestion(key: string): Promise<void> {
  return unwrap(apiClient.POST('/signalen/suggesties/{sleutel}/afwijzen', { params: { path: { sleutel: key } } }));
}

/** Open signals to add evidence to (newest first, one page of the register). */
export function useOpenSignals(enabled = true) {
  return useQuery({
    ...signalListQuery({ open: true, pagina: 1, paginaGrootte: 100 }),
    enabled,
    staleTime: 30 * 1000,
  });
}

/** The software suppliers (organisations of kind leverancier) a signal about ICT may name. */
export function fetchSuppliers(signal?: AbortSignal): Promise<components['schemas']['OrganisationRead'][]> {
  return unwrap(
    apiClient.GET('/organisaties', { params: { query: { soort: 'leverancier', paginaGrootte: 100 } }, signal }),
  ).then((page) => page.resultaten);
}

export function useSuppliers() {
  return useQuery({ queryKey: ['organisaties', 'leveranciers'], queryFn: ({ signal }) => fetchSuppliers(signal) });
}
