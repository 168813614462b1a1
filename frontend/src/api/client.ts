import createClient from 'openapi-fetch';

import { removeCookie } from './cookies';
import { CSRF_COOKIE, CSRF_HEADER, csrfMiddleware, csrfToken, hasSessionCookie } from './csrf';
import type { paths } from './schema';
import { sessionEvents, type SessionRead } from './sessionEvents';
import { createSecondFactorWatch, createSessionRecovery, withTabLock, type RecoveryPolicy } from './sessionRecovery';

/** The API's address; the SPA is served by the same process, so this origin's /api/v1. */
export const API_BASE_URL = new URL('/api/v1', window.location.href).href;

const LOGIN_PATH = '/api/v1/sessies';
const CURRENT_SESSION_PATH = '/api/v1/sessies/huidig';
const REFRESH_PATH = '/api/v1/sessies/huidig/vernieuwing';

/**
 * Asks for a new access token with the refresh cookie; the answer rotates all session cookies.
 * Returns the new session, or null when the session is over.
 */
export async function requestSessionRefresh(): Promise<SessionRead | null> {
  return withTabLock('spoorboek-sessie-vernieuwen', async () => {
    // Read the token inside the lock: another tab may just have rotated it.
    const token = csrfToken();
    if (!token) return null;
    const response = await globalThis.fetch(new URL(REFRESH_PATH, window.location.href).href, {
      method: 'POST',
      headers: { Accept: 'application/json', [CSRF_HEADER]: token },
      credentials: 'same-origin',
    });
    if (!response.ok) {
      // 401: the session has ended for good; forget its CSRF cookie so no page asks again.
      if (response.status === 401) removeCookie(CSRF_COOKIE);
      return null;
    }
    const session = (await response.json()) as SessionRead;
    sessionEvents.emit('refreshed', session);
    return session;
  });
}

function recoveryPolicy(request: Request): RecoveryPolicy {
  const { pathname } = new URL(request.url);
  const method = request.method.toUpperCase();
  if (pathname === REFRESH_PATH || (pathname === LOGIN_PATH && method === 'POST')) return 'none';
  if (pathname === CURRENT_SESSION_PATH && method === 'DELETE') return 'retry-quietly';
  return 'retry';
}

/**
 * Typed client for the Spoorboek API, generated from openapi/openapi.json.
 *
 * The OpenAPI paths are relative to the server URL `…/api/v1`, and the SPA is served by the same
 * process, so every call goes to this origin's /api/v1. The base URL is made absolute because
 * openapi-fetch builds a `Request`, which outside a browser (the unit tests) rejects relative URLs.
 *
 * Middleware: the CSRF token on unsafe requests; a refresh-and-retry when the access token has
 * expired (it lives 10 minutes); a notice when the user's role demands a second factor. Answers
 * pass the middleware in reverse order, so the second-factor watch sees the retried answer.
 */
export const apiClient = createClient<paths>({
  baseUrl: API_BASE_URL,
  // Look fetch up per call instead of capturing it at import time, so tests can stub it.
  fetch: (request) => globalThis.fetch(request),
});

apiClient.use(
  csrfMiddleware,
  createSecondFactorWatch(() => sessionEvents.emit('secondFactorRequired', undefined)),
  createSessionRecovery({
    refresh: async () => (await requestSessionRefresh()) !== null,
    onExpired: () => sessionEvents.emit('expired', undefined),
    hasSession: hasSessionCookie,
    policy: recoveryPolicy,
  }),
);
