import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import type { components, operations } from '../api/schema';

export type Notification = components['schemas']['NotificationRead'];
export type NotificationPage = components['schemas']['NotificationPage'];
export type NotificationKind = components['schemas']['Kind'];
export type Delivery = components['schemas']['Delivery'];
export type Preference = components['schemas']['PreferenceRead'];
export type Unsubscription = components['schemas']['UnsubscribeRead'];
export type NotificationFilters = NonNullable<operations['mijnMeldingenOpvragen']['parameters']['query']>;

export const PAGE_SIZE = 20;

/** How often the bell asks for the unread count while the tab is visible. */
export const UNREAD_POLL_INTERVAL = 60 * 1000;

// One's notifications are private: every key starts with 'prive' (dropped at login and logout).
export const notificationKeys = {
  all: ['prive', 'meldingen'] as const,
  unread: ['prive', 'meldingen', 'aantal-ongelezen'] as const,
  list: (filters: NotificationFilters) => ['prive', 'meldingen', 'lijst', filters] as const,
  preferences: ['prive', 'meldingen', 'voorkeuren'] as const,
};

export async function fetchUnreadCount(signal?: AbortSignal): Promise<number> {
  const answer = await unwrap(apiClient.GET('/meldingen/aantal-ongelezen', { signal }));
  return answer.ongelezen;
}

export function fetchNotifications(query: NotificationFilters, signal?: AbortSignal): Promise<NotificationPage> {
  return unwrap(apiClient.GET('/meldingen', { params: { query }, signal }));
}

export function markRead(id: number): Promise<Notification> {
  return unwrap(apiClient.POST('/meldingen/{melding_id}/gelezen', { params: { path: { melding_id: id } } }));
}

export async function markAllRead(): Promise<number> {
  const answer = await unwrap(apiClient.POST('/meldingen/alles-gelezen'));
  return answer.gemarkeerd;
}

export async function fetchPreferences(signal?: AbortSignal): Promise<Preference[]> {
  const answer = await unwrap(apiClient.GET('/meldingen/voorkeuren', { signal }));
  return answer.voorkeuren;
}

export async function savePreferences(choices: Record<string, Delivery>): Promise<Preference[]> {
  const answer = await unwrap(apiClient.PATCH('/meldingen/voorkeuren', { body: { voorkeuren: choices } }));
  return answer.voorkeuren;
}

export function fetchUnsubscription(token: string, signal?: AbortSignal): Promise<Unsubscription> {
  return unwrap(apiClient.GET('/meldingen/afmelden', { params: { query: { token } }, signal }));
}

/** Unsubscribes by the mail's link: only ever on a button press, never on opening the page. */
export function unsubscribe(token: string): Promise<Unsubscription> {
  return unwrap(apiClient.POST('/meldingen/afmelden', { params: { query: { token } } }));
}

/**
 * The unread count of the header's bell: asked again every minute while the tab is visible
 * (React Query pauses the interval in a hidden tab) and when the tab comes back into view.
 */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => fetchUnreadCount(signal),
    enabled,
    refetchInterval: UNREAD_POLL_INTERVAL,
    refetchIntervalInBackground: false,
    staleTime: 10 * 1000,
    // A failed count leaves the bell without a number; it must not keep the server busy.
    retry: false,
  });
}

export function notificationListQuery(filters: NotificationFilters) {
  return queryOptions({
    queryKey: notificationKeys.list(filters),
    queryFn: ({ signal }) => fetchNotifications(filters, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** After marking: the bell and every page of the list may be different. */
export function invalidateNotifications(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: notificationKeys.all });
}

/**
 * The link of a notification if it is a path inside this application, else null: the server
 * makes it, but a link that could lead elsewhere ("//host", "https:…") is never followed.
 */
export function internalPath(link: string): string | null {
  return /^\/(?![/\\])[^\s\\]*$/.test(link) ? link : null;
}
