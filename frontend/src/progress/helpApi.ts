import { queryOptions, useQuery } from '@tanstack/react-query';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import type { Activity, ContactMoment, ContactMomentCreate, HelpPage, HelpQuery } from './helpTypes';

// Contact moments and a municipality's activity name people: every key starts with 'prive'.
export const helpKeys = {
  list: (query: HelpQuery) => ['prive', 'voortgang', 'hulp-nodig', query] as const,
  all: ['prive', 'voortgang', 'hulp-nodig'] as const,
  activity: (code: string) => ['prive', 'voortgang', 'gemeente', code, 'activiteit'] as const,
};

export function fetchHelp(query: HelpQuery, signal?: AbortSignal): Promise<HelpPage> {
  // Without `formaat` the answer is JSON; the contract also lists the call list's CSV and XLSX.
  return unwrap(apiClient.GET('/voortgang/hulp-nodig', { params: { query }, signal })) as Promise<HelpPage>;
}

export function helpQuery(query: HelpQuery) {
  return queryOptions({
    queryKey: helpKeys.list(query),
    queryFn: ({ signal }) => fetchHelp(query, signal),
    staleTime: 30 * 1000,
  });
}

export function recordContact(code: string, measure: string, body: ContactMomentCreate): Promise<ContactMoment> {
  return unwrap(
    apiClient.POST('/voortgang/hulp-nodig/{gemeente}/{maatregel}/contactmomenten', {
      params: { path: { gemeente: code, maatregel: measure } },
      body,
    }),
  );
}

/** The call list's address for these filters: every row, not one page (a plain link: the cookie goes along). */
export function callListHref(query: HelpQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (name !== 'pagina' && name !== 'paginaGrootte' && value !== undefined) params.set(name, String(value));
  }
  params.set('formaat', 'csv');
  return `/api/v1/voortgang/hulp-nodig?${params.toString()}`;
}

export function useActivity(code: string) {
  return useQuery({
    queryKey: helpKeys.activity(code),
    queryFn: ({ signal }): Promise<Activity> =>
      unwrap(apiClient.GET('/gemeenten/{code}/activiteit', { params: { path: { code } }, signal })),
  });
}
