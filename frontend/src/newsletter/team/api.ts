import { useQuery, type QueryClient } from '@tanstack/react-query';

import { unwrap } from '../../api/call';
import { apiClient } from '../../api/client';
import { storeAnswer } from '../../app/queryClient';
import type { EditionDetail, EditionUpdate, PreviewForm } from './types';

// Editions are the team's drafts: under 'prive', dropped at login and logout.
export const editionKeys = {
  all: ['prive', 'nieuwsbrief', 'edities'] as const,
  list: () => [...editionKeys.all, 'lijst'] as const,
  detail: (id: number) => [...editionKeys.all, id] as const,
  preview: (id: number, version: number, form: PreviewForm) => [...editionKeys.all, id, 'voorbeeld', version, form] as const,
};

/** The ETag of an edition is its version (`"v3"`); a change sends it back in If-Match. */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

const byId = (id: number) => ({ path: { id } });
const ifMatch = (version: number) => ({ 'If-Match': etagOf(version) });

export function useEditions() {
  return useQuery({
    queryKey: editionKeys.list(),
    queryFn: ({ signal }) =>
      unwrap(apiClient.GET('/nieuwsbrief/edities', { params: { query: { paginaGrootte: 100 } }, signal })),
    staleTime: 0,
  });
}

/** While the job sends it, the edition is asked again now and then, so its figures move on. */
export const SENDING_REFRESH_MS = 15 * 1000;

export function useEdition(id: number) {
  return useQuery({
    queryKey: editionKeys.detail(id),
    queryFn: ({ signal }): Promise<EditionDetail> =>
      unwrap(apiClient.GET('/nieuwsbrief/edities/{id}', { params: byId(id), signal })),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === 'verzenden' ? SENDING_REFRESH_MS : false),
  });
}

/** The preview of the saved version: a new version asks again. */
export function usePreview(id: number, version: number, form: PreviewForm, enabled: boolean) {
  return useQuery({
    queryKey: editionKeys.preview(id, version, form),
    queryFn: ({ signal }) =>
      unwrap(apiClient.GET('/nieuwsbrief/edities/{id}/voorbeeld', { params: { ...byId(id), query: { vorm: form } }, signal })),
    enabled,
    staleTime: 60 * 1000,
  });
}

export function createEdition(titel: string): Promise<EditionDetail> {
  return unwrap(apiClient.POST('/nieuwsbrief/edities', { body: { titel } }));
}

/** 412 when someone saved the edition after `version` was read; 409 once it is being sent. */
export function updateEdition(id: number, version: number, body: EditionUpdate): Promise<EditionDetail> {
  return unwrap(apiClient.PATCH('/nieuwsbrief/edities/{id}', { params: { ...byId(id), header: ifMatch(version) }, body }));
}

export function sendTestMail(id: number): Promise<{ aan: string }> {
  return unwrap(apiClient.POST('/nieuwsbrief/edities/{id}/testmail', { params: byId(id) }));
}

export function scheduleEdition(id: number, version: number, verzendenOp: string): Promise<EditionDetail> {
  return unwrap(
    apiClient.POST('/nieuwsbrief/edities/{id}/inplannen', {
      params: { ...byId(id), header: ifMatch(version) },
      body: { verzendenOp },
    }),
  );
}

export function withdrawEdition(id: number, version: number): Promise<EditionDetail> {
  return unwrap(apiClient.POST('/nieuwsbrief/edities/{id}/intrekken', { params: { ...byId(id), header: ifMatch(version) } }));
}

/** After a change: the edition as saved, and the list that shows its status. */
export async function refreshEdition(queryClient: QueryClient, saved: EditionDetail) {
  await storeAnswer(queryClient, editionKeys.detail(saved.id), saved);
  await queryClient.invalidateQueries({ queryKey: editionKeys.list() });
}
