import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import type { components } from '../api/schema';

export type DigestPreference = components['schemas']['DigestPreferenceRead'];
export type DigestFrequency = components['schemas']['DigestFrequency'];
export type DigestPreview = components['schemas']['DigestPreviewRead'];
export type DigestSection = components['schemas']['DigestSectionRead'];

// Private keys start with 'prive', so they are dropped at login and logout.
export const digestKeys = {
  mine: ['prive', 'persoonlijk-overzicht'] as const,
  preview: ['prive', 'persoonlijk-overzicht', 'voorbeeld'] as const,
};

export function fetchMyDigest(signal?: AbortSignal): Promise<DigestPreference> {
  return unwrap(apiClient.GET('/mijn-account/persoonlijk-overzicht', { signal }));
}

export function setMyDigest(frequentie: DigestFrequency): Promise<DigestPreference> {
  return unwrap(apiClient.PUT('/mijn-account/persoonlijk-overzicht', { body: { frequentie } }));
}

export function fetchMyDigestPreview(signal?: AbortSignal): Promise<DigestPreview> {
  return unwrap(apiClient.GET('/mijn-account/persoonlijk-overzicht/voorbeeld', { signal }));
}
