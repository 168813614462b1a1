import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import type { components } from '../api/schema';

export type Subscription = components['schemas']['SubscriptionRead'];
export type Choices = components['schemas']['ChoicesUpdate'];
export type SignupCreate = components['schemas']['SignupCreate'];
export type ArchivePage = components['schemas']['ArchivePage'];
export type ArchiveEdition = components['schemas']['ArchiveEdition'];

export const ARCHIVE_PAGE_SIZE = 20;

// The subscription behind a mail's link is keyed by its token; the account's own starts with
// 'prive' so it is dropped at login and logout like every private key.
export const newsletterKeys = {
  byToken: (token: string) => ['nieuwsbrief', 'abonnement', token] as const,
  mine: ['prive', 'nieuwsbrief'] as const,
  archive: (pagina: number) => ['nieuwsbrief', 'archief', pagina] as const,
  edition: (id: number) => ['nieuwsbrief', 'archief', 'editie', id] as const,
};

/** The Atom feed of the archive, for a plain link (a feed reader fetches it, not the SPA). */
export const FEED_HREF = '/api/v1/nieuwsbrief/archief/feed';

export function signUp(body: SignupCreate): Promise<{ melding: string }> {
  return unwrap(apiClient.POST('/nieuwsbrief/aanmeldingen', { body }));
}

export function confirmSignup(token: string): Promise<Subscription> {
  return unwrap(apiClient.POST('/nieuwsbrief/aanmeldingen/bevestigen', { body: { token } }));
}

export function fetchByToken(token: string, signal?: AbortSignal): Promise<Subscription> {
  return unwrap(apiClient.GET('/nieuwsbrief/abonnement', { params: { query: { token } }, signal }));
}

export function changeByToken(token: string, body: Choices): Promise<Subscription> {
  return unwrap(apiClient.PUT('/nieuwsbrief/abonnement', { params: { query: { token } }, body }));
}

export async function eraseByToken(token: string): Promise<void> {
  await unwrap(apiClient.DELETE('/nieuwsbrief/abonnement', { params: { query: { token } } }));
}

export async function exportByToken(token: string): Promise<unknown> {
  return unwrap(apiClient.GET('/nieuwsbrief/abonnement/export', { params: { query: { token } } }));
}

export async function leaveByToken(token: string): Promise<void> {
  await unwrap(apiClient.POST('/nieuwsbrief/afmelden', { params: { query: { token } } }));
}

export function fetchMine(signal?: AbortSignal): Promise<Subscription> {
  return unwrap(apiClient.GET('/mijn-account/nieuwsbrief', { signal }));
}

export function setMine(body: Choices): Promise<Subscription> {
  return unwrap(apiClient.PUT('/mijn-account/nieuwsbrief', { body }));
}

export async function stopMine(): Promise<void> {
  await unwrap(apiClient.DELETE('/mijn-account/nieuwsbrief'));
}

export function fetchArchive(pagina: number, signal?: AbortSignal): Promise<ArchivePage> {
  return unwrap(
    apiClient.GET('/nieuwsbrief/archief', { params: { query: { pagina, paginaGrootte: ARCHIVE_PAGE_SIZE } }, signal }),
  );
}

export function fetchEdition(id: number, signal?: AbortSignal): Promise<ArchiveEdition> {
  return unwrap(apiClient.GET('/nieuwsbrief/archief/{id}', { params: { path: { id } }, signal }));
}
