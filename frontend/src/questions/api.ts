import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import { fileUpload } from '../api/multipart';
import type {
  Advisor,
  Attachment,
  ClusterList,
  FaqProposal,
  InboxFilters,
  Insight,
  Note,
  Question,
  QuestionCreate,
  QuestionEvent,
  QuestionPage,
  QuestionUpdate,
  Suggestions,
  Transition,
  Workload,
} from './types';

export const PAGE_SIZE = 25;

// Questions carry askers' personal data: every key starts with 'prive' (dropped at logout).
export const questionKeys = {
  all: ['prive', 'vragen'] as const,
  list: (filters: InboxFilters) => ['prive', 'vragen', 'lijst', filters] as const,
  detail: (id: number) => ['prive', 'vragen', id] as const,
  notes: (id: number) => ['prive', 'vragen', id, 'notities'] as const,
  history: (id: number) => ['prive', 'vragen', id, 'geschiedenis'] as const,
  proposal: (id: number) => ['prive', 'vragen', id, 'faq-voorstel'] as const,
  similar: (text: string) => ['prive', 'vragen', 'vergelijkbaar', text] as const,
  workload: ['prive', 'vragen', 'werkvoorraad'] as const,
  advisors: ['prive', 'vragen', 'behandelaars'] as const,
  insight: ['prive', 'vragen', 'inzicht'] as const,
  clusters: ['prive', 'vragen', 'clusters'] as const,
};

/** The ETag of a question is its version (`"v3"`); a change sends it back in If-Match. */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

export function fetchQuestions(query: InboxFilters, signal?: AbortSignal): Promise<QuestionPage> {
  return unwrap(apiClient.GET('/vragen', { params: { query }, signal }));
}

export function fetchQuestion(id: number, signal?: AbortSignal): Promise<Question> {
  return unwrap(apiClient.GET('/vragen/{id}', { params: { path: { id } }, signal }));
}

export function askQuestion(body: QuestionCreate): Promise<Question> {
  return unwrap(apiClient.POST('/vragen', { body }));
}

export function triageQuestion(id: number, version: number, body: QuestionUpdate): Promise<Question> {
  return unwrap(
    apiClient.PATCH('/vragen/{id}', { params: { path: { id }, header: { 'If-Match': etagOf(version) } }, body }),
  );
}

/** Moves the question on if it is still at `version`: 409 when not allowed, 412 when stale. */
export function changeStatus(id: number, version: number, body: Transition): Promise<Question> {
  return unwrap(
    apiClient.POST('/vragen/{id}/statuswijzigingen', {
      params: { path: { id }, header: { 'If-Match': etagOf(version) } },
      body: { contactDelen: false, ...body },
    }),
  );
}

export function mergeQuestion(id: number, version: number, duplicateId: number): Promise<Question> {
  return unwrap(
    apiClient.POST('/vragen/{id}/samenvoegingen', {
      params: { path: { id }, header: { 'If-Match': etagOf(version) } },
      body: { vraagId: duplicateId },
    }),
  );
}

export async function fetchNotes(id: number, signal?: AbortSignal): Promise<Note[]> {
  return (await unwrap(apiClient.GET('/vragen/{id}/notities', { params: { path: { id } }, signal }))).resultaten;
}

export function addNote(id: number, tekst: string): Promise<Note> {
  return unwrap(apiClient.POST('/vragen/{id}/notities', { params: { path: { id } }, body: { tekst } }));
}

export async function fetchHistory(id: number, signal?: AbortSignal): Promise<QuestionEvent[]> {
  return (await unwrap(apiClient.GET('/vragen/{id}/geschiedenis', { params: { path: { id } }, signal }))).resultaten;
}

/** Who can handle a question: the active editors and admins (team only). */
export async function fetchAdvisors(signal?: AbortSignal): Promise<Advisor[]> {
  return (await unwrap(apiClient.GET('/vragen/behandelaars', { signal }))).resultaten;
}

export function uploadAttachment(id: number, file: File): Promise<Attachment> {
  return unwrap(
    apiClient.POST('/vragen/{id}/bijlagen', {
      params: { path: { id } },
      ...fileUpload(file),
    }),
  );
}

export function fetchSuggestions(tekst: string, signal?: AbortSignal): Promise<Suggestions> {
  return unwrap(apiClient.GET('/vragen/vergelijkbaar', { params: { query: { tekst } }, signal }));
}

export function fetchProposal(id: number, signal?: AbortSignal): Promise<FaqProposal> {
  return unwrap(apiClient.GET('/vragen/{id}/faq-voorstel', { params: { path: { id } }, signal }));
}

/** One page of questions (the list pages fetch it through usePagedList). */
export function questionListQuery(filters: InboxFilters) {
  return queryOptions({
    queryKey: questionKeys.list(filters),
    queryFn: ({ signal }) => fetchQuestions(filters, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useQuestion(id: number, enabled = true) {
  return useQuery({
    queryKey: questionKeys.detail(id),
    queryFn: ({ signal }) => fetchQuestion(id, signal),
    enabled,
    staleTime: 0,
  });
}

export function useNotes(id: number) {
  return useQuery({ queryKey: questionKeys.notes(id), queryFn: ({ signal }) => fetchNotes(id, signal), staleTime: 0 });
}

export function useHistory(id: number) {
  return useQuery({ queryKey: questionKeys.history(id), queryFn: ({ signal }) => fetchHistory(id, signal), staleTime: 0 });
}

/** Similar FAQ answers and open questions for a text; nothing is asked while `text` is empty. */
export function useSuggestions(text: string) {
  return useQuery({
    queryKey: questionKeys.similar(text),
    queryFn: ({ signal }) => fetchSuggestions(text, signal),
    enabled: text !== '',
    placeholderData: keepPreviousData,
    staleTime: 60 * 1000,
  });
}

export function useProposal(id: number, enabled = true) {
  return useQuery({
    queryKey: questionKeys.proposal(id),
    queryFn: ({ signal }) => fetchProposal(id, signal),
    enabled,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useWorkload() {
  return useQuery({
    queryKey: questionKeys.workload,
    queryFn: ({ signal }): Promise<Workload> => unwrap(apiClient.GET('/vragen/werkvoorraad', { signal })),
    staleTime: 30 * 1000,
  });
}

export function useInsight() {
  return useQuery({
    queryKey: questionKeys.insight,
    queryFn: ({ signal }): Promise<Insight> => unwrap(apiClient.GET('/vragen/inzicht', { signal })),
    staleTime: 60 * 1000,
  });
}

export function useClusters() {
  return useQuery({
    queryKey: questionKeys.clusters,
    queryFn: ({ signal }): Promise<ClusterList> => unwrap(apiClient.GET('/vragen/clusters', { signal })),
    staleTime: 60 * 1000,
  });
}
