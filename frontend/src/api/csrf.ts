import type { Middleware } from 'openapi-fetch';

import { readCookie } from './cookies';

/** Set by the server at login and refresh; readable on purpose (double-submit CSRF protection). */
export const CSRF_COOKIE = 'spoorboek_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The CSRF token of the current session, if there is one. */
export function csrfToken(): string | undefined {
  return readCookie(CSRF_COOKIE);
}

/** Whether this browser holds a session: the CSRF cookie lives exactly as long as a login. */
export function hasSessionCookie(): boolean {
  return csrfToken() !== undefined;
}

/**
 * Puts the current CSRF token on an unsafe request (POST, PUT, PATCH, DELETE), replacing any
 * older one; safe requests and requests without a session go out unchanged.
 */
export function withCsrfToken(request: Request, token: string | undefined = csrfToken()): Request {
  if (!UNSAFE_METHODS.has(request.method.toUpperCase()) || !token) return request;
  request.headers.set(CSRF_HEADER, token);
  return request;
}

/** openapi-fetch middleware: every unsafe call made with the cookie session carries the token. */
export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    return withCsrfToken(request);
  },
};
