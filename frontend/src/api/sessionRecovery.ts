import type { Middleware } from 'openapi-fetch';

import { withCsrfToken } from './csrf';
import { problemCode } from './problem';

/**
 * Wraps an async task so that calls made while it runs share that one run instead of starting
 * another. The session refresh needs this: the server rotates the refresh token on every use,
 * and a token used twice ends the whole session (it looks like a stolen copy).
 */
export function singleFlight<T>(task: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    running ??= task().finally(() => {
      running = null;
    });
    return running;
  };
}

/**
 * Runs `task` holding a lock shared by every tab of this site (Web Locks API), so two tabs never
 * refresh with the same cookie at the same time. Without the API (old browsers, jsdom) it just runs.
 */
export function withTabLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return task();
  // The DOM typing wraps the callback's promise once more; the lock resolves with its value.
  return locks.request(name, task) as Promise<T>;
}

/** What to do with a 401 answer to a request. */
export type RecoveryPolicy =
  /** Leave the 401 alone (logging in, or the refresh itself). */
  | 'none'
  /** Refresh once and retry; if that fails, report the session as expired. */
  | 'retry'
  /** Refresh once and retry, but do not report a failure (logging out). */
  | 'retry-quietly';

export interface SessionRecoveryOptions {
  /** Gets a new access token; true when it worked. Called one at a time. */
  refresh: () => Promise<boolean>;
  /** The session is over: the refresh failed or there was none to refresh. */
  onExpired: () => void;
  /** Whether the browser still holds a session that a refresh could renew. */
  hasSession: () => boolean;
  policy?: (request: Request) => RecoveryPolicy;
}

/**
 * openapi-fetch middleware that handles an expired access token: on a 401 it refreshes the
 * session (one refresh at a time, shared by all waiting requests) and sends the request again,
 * once. A request that was sent before the latest successful refresh is simply sent again.
 */
export function createSessionRecovery(options: SessionRecoveryOptions): Middleware {
  const policyOf = options.policy ?? (() => 'retry');
  // Copies of outgoing requests, by openapi-fetch's request id: the original's body is spent.
  const copies = new Map<string, { request: Request; generation: number; policy: RecoveryPolicy }>();
  let generation = 0;

  const refresh = singleFlight(async () => {
    const renewed = await options.refresh();
    if (renewed) generation += 1;
    return renewed;
  });

  return {
    onRequest({ request, id }) {
      const policy = policyOf(request);
      if (policy !== 'none') copies.set(id, { request: request.clone(), generation, policy });
      return undefined;
    },
    async onResponse({ response, id, options: clientOptions }) {
      const copy = copies.get(id);
      copies.delete(id);
      if (!copy || response.status !== 401) return undefined;

      let renewed = copy.generation < generation;
      if (!renewed && options.hasSession()) {
        try {
          renewed = await refresh();
        } catch {
          // The network failed during the refresh: that says nothing about the session.
          return undefined;
        }
      }
      if (!renewed) {
        if (copy.policy === 'retry') options.onExpired();
        return undefined;
      }
      // The refresh rotated the CSRF token too: send the new one.
      return clientOptions.fetch(withCsrfToken(copy.request));
    },
    onError({ id }) {
      copies.delete(id);
      return undefined;
    },
  };
}

/** The code in a 403 that means: set up your second factor first (your role demands one). */
export const SECOND_FACTOR_SETUP_CODE = 'tweede_factor_instellen';

/** Middleware that reports a 403 asking for a second factor, whichever call got it. */
export function createSecondFactorWatch(onRequired: () => void): Middleware {
  return {
    async onResponse({ response }) {
      if (response.status !== 403) return undefined;
      const type = response.headers.get('Content-Type') ?? '';
      if (!type.includes('json')) return undefined;
      try {
        const body: unknown = await response.clone().json();
        if (problemCode(body) === SECOND_FACTOR_SETUP_CODE) onRequired();
      } catch {
        // Not JSON after all; nothing to report.
      }
      return undefined;
    },
  };
}
