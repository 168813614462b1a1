import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import type { components, operations } from '../api/schema';
import { storeAnswer } from '../app/queryClient';

export type FaqEntry = components['schemas']['FaqRead'];
export type FaqPage = components['schemas']['FaqPage'];
export type FaqVersion = components['schemas']['FaqVersionRead'];
export type FaqCreate = components['schemas']['FaqCreate'];
export type FaqUpdate = components['schemas']['FaqUpdate'];
export type FaqFilters = NonNullable<operations['faqOpvragen']['parameters']['query']>;

// The FAQ is public and the same for everyone: no 'prive' key.
export const faqKeys = {
  all: ['faq'] as const,
  list: (filters: FaqFilters) => ['faq', 'lijst', filters] as const,
  detail: (id: number) => ['faq', id] as const,
  versions: (id: number) => ['faq', id, 'versies'] as const,
};

const FAQ_STALE_TIME = 60 * 1000;

export function faqListQuery(filters: FaqFilters) {
  return queryOptions({
    queryKey: faqKeys.list(filters),
    queryFn: ({ signal }): Promise<FaqPage> => unwrap(apiClient.GET('/faq', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
    staleTime: FAQ_STALE_TIME,
  });
}

export function useFaqList(filters: FaqFilters) {
  return useQuery(faqListQuery(filters));
}

export function useFaqEntry(id: number, enabled = true) {
  return useQuery({
    queryKey: faqKeys.detail(id),
    queryFn: ({ signal }): Promise<FaqEntry> => unwrap(apiClient.GET('/faq/{id}', { params: { path: { id } }, signal })),
    enabled,
    staleTime: FAQ_STALE_TIME,
  });
}

export function useFaqVersions(id: number) {
  return useQuery({
    queryKey: faqKeys.versions(id),
    queryFn: async ({ signal }): Promise<FaqVersion[]> =>
      (await unwrap(apiClient.GET('/faq/{id}/versies', { params: { path: { id } }, signal }))).resultaten,
    staleTime: FAQ_STALE_TIME,
  });
}

export function publishFaq(body: FaqCreate): Promise<FaqEntry> {
  return unwrap(apiClient.POST('/faq', { body }));
}

export function updateFaq(id: number, body: FaqUpdate): Promise<FaqEntry> {
  return unwrap(apiClient.PUT('/faq/{id}', { params: { path: { id } }, body }));
}

export function withdrawFaq(id: number, toelichting: string): Promise<FaqEntry> {
  return unwrap(apiClient.POST('/faq/{id}/intrekking', { params: { path: { id } }, body: { toelichting } }));
}

/** After a publication, a new version or a withdrawal: every FAQ answer may be different. */
export async function invalidateFaq(queryClient: QueryClient, entry?: FaqEntry): Promise<void> {
  if (entry) await storeAnswer(queryClient, faqKeys.detail(entry.id), entry);
  await queryClient.invalidateQueries({ queryKey: faqKeys.all });
}
