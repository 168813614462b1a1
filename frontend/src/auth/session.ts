import { useQuery, type QueryClient } from '@tanstack/react-query';

import { apiClient } from '../api/client';
import { hasSessionCookie } from '../api/csrf';
import { toApiError } from '../api/problem';
import type { components } from '../api/schema';
import { storeAnswer } from '../app/queryClient';

export type User = components['schemas']['UserRead'];
export type Role = components['schemas']['Role'];
export type CurrentSession = components['schemas']['CurrentSessionRead'];

export const SESSION_QUERY_KEY = ['sessie'] as const;
/** Every query whose data belongs to the logged-in user starts with this key. */
export const PRIVATE_QUERY_KEY = ['prive'] as const;

export const SESSION_EXPIRED_MESSAGE = 'Uw sessie is verlopen. Log opnieuw in.';

/** Who is logged in, or null. Without a session cookie nobody is, so nothing is asked. */
export async function fetchCurrentSession(signal?: AbortSignal): Promise<CurrentSession | null> {
  if (!hasSessionCookie()) return null;
  const { data, error, response } = await apiClient.GET('/sessies/huidig', { signal });
  if (data) return data;
  if (response.status === 401) return null;
  throw toApiError(error, response);
}

export function useSession() {
  return useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => fetchCurrentSession(signal),
    // Without a session cookie nobody is logged in: say so at once, without a loading state.
    initialData: () => (hasSessionCookie() ? undefined : null),
    // Changes only by logging in or out, or by a refresh: those update the cache themselves.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
}

/** The logged-in user, or null (also while the session is still being checked). */
export function useCurrentUser(): User | null {
  return useSession().data?.gebruiker ?? null;
}

export function hasRole(user: User | null | undefined, role: Role): boolean {
  return Boolean(user?.rollen.includes(role));
}

/** Whether the user has at least one of these roles. */
export function hasAnyRole(user: User | null | undefined, roles: readonly Role[]): boolean {
  return roles.some((role) => hasRole(user, role));
}

/** The roles that may edit products ("the editors"). */
export const EDITOR_ROLES: readonly Role[] = ['redacteur', 'beheerder'];

export function isEditor(user: User | null | undefined): boolean {
  return hasAnyRole(user, EDITOR_ROLES);
}

/** Puts a new session in the cache and drops every private answer of a previous one. */
export async function storeSession(queryClient: QueryClient, session: CurrentSession | null): Promise<void> {
  queryClient.removeQueries({ queryKey: PRIVATE_QUERY_KEY });
  await storeAnswer(queryClient, SESSION_QUERY_KEY, session);
}
