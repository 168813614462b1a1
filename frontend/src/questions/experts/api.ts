import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { unwrap } from '../../api/call';
import { apiClient } from '../../api/client';
import type { components, operations } from '../../api/schema';

export type ExpertQuestion = components['schemas']['ExpertQuestionRead'];
export type ExpertQuestionSummary = components['schemas']['ExpertQuestionSummary'];
export type ExpertQuestionPage = components['schemas']['ExpertQuestionPage'];
export type ExpertState = ExpertQuestion['status'];
export type ExpertFilters = NonNullable<operations['expertvragenOpvragen']['parameters']['query']>;

export const PAGE_SIZE = 25;

// What is put to an expert names municipalities (and sometimes the asker): every key starts with
// 'prive', so it is dropped at login and logout.
export const expertKeys = {
  all: ['prive', 'expertvragen'] as const,
  list: (filters: ExpertFilters) => ['prive', 'expertvragen', 'lijst', filters] as const,
  detail: (id: number) => ['prive', 'expertvragen', id] as const,
};

export function fetchExpertQuestions(query: ExpertFilters, signal?: AbortSignal): Promise<ExpertQuestionPage> {
  return unwrap(apiClient.GET('/expertvragen', { params: { query }, signal }));
}

export function fetchExpertQuestion(id: number, signal?: AbortSignal): Promise<ExpertQuestion> {
  return unwrap(apiClient.GET('/expertvragen/{id}', { params: { path: { id } }, signal }));
}

/** Answers once: 409 when the request was answered (by a colleague) or taken back meanwhile. */
export function answerExpertQuestion(id: number, antwoord: string): Promise<ExpertQuestion> {
  return unwrap(apiClient.POST('/expertvragen/{id}/antwoord', { params: { path: { id } }, body: { antwoord } }));
}

/** One page of the expert's inbox (the page fetches it through usePagedList). */
export function expertListQuery(filters: ExpertFilters) {
  return queryOptions({
    queryKey: expertKeys.list(filters),
    queryFn: ({ signal }) => fetchExpertQuestions(filters, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useExpertQuestion(id: number, enabled = true) {
  return useQuery({
    queryKey: expertKeys.detail(id),
    queryFn: ({ signal }) => fetchExpertQuestion(id, signal),
    enabled,
    staleTime: 0,
  });
}
