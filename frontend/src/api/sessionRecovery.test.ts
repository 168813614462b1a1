import createClient from 'openapi-fetch';
import { describe, expect, it, vi } from 'vitest';

import { json, mockApi, problem, requestsOf, setCookie } from '../test/mockApi';
import { CSRF_HEADER, csrfMiddleware } from './csrf';
import type { paths } from './schema';
import {
  createSecondFactorWatch,
  createSessionRecovery,
  singleFlight,
  type RecoveryPolicy,
  type SessionRecoveryOptions,
} from './sessionRecovery';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const unauthorized = () => problem(401, 'Niet geauthenticeerd', 'Het toegangstoken is ongeldig of verlopen.');

/** A client like the app's, with a refresh that "rotates" the CSRF cookie when it succeeds. */
function setup(overrides: Partial<SessionRecoveryOptions> = {}) {
  const refresh = vi.fn(() => {
    setCookie('spoorboek_csrf', 'nieuw');
    return Promise.resolve(true);
  });
  const onExpired = vi.fn();
  const options: SessionRecoveryOptions = {
    refresh,
    onExpired,
    hasSession: () => document.cookie.includes('spoorboek_csrf='),
    policy: (request): RecoveryPolicy =>
      request.method === 'POST' && new URL(request.url).pathname === '/api/v1/sessies' ? 'none' : 'retry',
    ...overrides,
  };
  const api = createClient<paths>({
    baseUrl: 'http://localhost:3000/api/v1',
    fetch: (request) => globalThis.fetch(request),
  });
  api.use(csrfMiddleware, createSessionRecovery(options));
  return { api, refresh: options.refresh as typeof refresh, onExpired: options.onExpired as typeof onExpired };
}

/** 401 until the cookie says the token was renewed, then the answer. */
function expiring(answer: () => Response) {
  return () => (document.cookie.includes('spoorboek_csrf=nieuw') ? answer() : unauthorized());
}

describe('singleFlight', () => {
  it('lets calls made while a run is busy share it, and starts anew afterwards', async () => {
    const gate = deferred<string>();
    const task = vi.fn(() => gate.promise);
    const shared = singleFlight(task);

    const first = shared();
    const second = shared();
    expect(task).toHaveBeenCalledTimes(1);
    gate.resolve('klaar');
    await expect(Promise.all([first, second])).resolves.toEqual(['klaar', 'klaar']);

    task.mockResolvedValueOnce('opnieuw');
    await expect(shared()).resolves.toBe('opnieuw');
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('shares a failure too, and recovers from it', async () => {
    const task = vi.fn().mockRejectedValueOnce(new Error('kapot')).mockResolvedValueOnce('goed');
    const shared = singleFlight(task as () => Promise<string>);
    await expect(Promise.all([shared(), shared()])).rejects.toThrow('kapot');
    expect(task).toHaveBeenCalledTimes(1);
    await expect(shared()).resolves.toBe('goed');
  });
});

describe('createSessionRecovery', () => {
  it('refreshes on a 401 and retries the call once, with the new CSRF token and the same body', async () => {
    setCookie('spoorboek_csrf', 'oud');
    const { api, refresh, onExpired } = setup();
    const fetchMock = mockApi({
      'PATCH /api/v1/mijn-account': expiring(() => json({ naam: 'Nieuwe naam' })),
    });

    const { data } = await api.PATCH('/mijn-account', { body: { naam: 'Nieuwe naam' } });

    expect(data).toEqual({ naam: 'Nieuwe naam' });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(onExpired).not.toHaveBeenCalled();
    const [first, retry] = requestsOf(fetchMock);
    expect(first?.headers.get(CSRF_HEADER)).toBe('oud');
    expect(retry?.headers.get(CSRF_HEADER)).toBe('nieuw');
    expect(await retry?.json()).toEqual({ naam: 'Nieuwe naam' });
  });

  it('runs one refresh for many calls that fail at the same time', async () => {
    setCookie('spoorboek_csrf', 'oud');
    const gate = deferred<boolean>();
    const { api, refresh } = setup({
      refresh: vi.fn(async () => {
        const ok = await gate.promise;
        setCookie('spoorboek_csrf', 'nieuw');
        return ok;
      }),
    });
    mockApi({
      '/api/v1/gebruikers': expiring(() => json({ resultaten: [] })),
      '/api/v1/koppelingen': expiring(() => json({ resultaten: [] })),
      '/api/v1/mijn-account': expiring(() => json({ naam: 'A' })),
    });

    const calls = Promise.all([api.GET('/gebruikers'), api.GET('/koppelingen'), api.GET('/mijn-account')]);
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));
    gate.resolve(true);
    const results = await calls;

    expect(refresh).toHaveBeenCalledTimes(1);
    expect(results.map((result) => result.response.status)).toEqual([200, 200, 200]);
  });

  it('does not refresh again for a call that was sent before the last refresh finished', async () => {
    setCookie('spoorboek_csrf', 'oud');
    const { api, refresh } = setup();
    const late = deferred<Response>();
    let slowCalls = 0;
    mockApi({
      '/api/v1/mijn-account': expiring(() => json({ naam: 'A' })),
      // The first answer arrives only after another call has refreshed the session.
      '/api/v1/gebruikers': () => (slowCalls++ === 0 ? late.promise : json({ resultaten: [] })),
    });

    const slow = api.GET('/gebruikers');
    await api.GET('/mijn-account');
    expect(refresh).toHaveBeenCalledTimes(1);
    late.resolve(unauthorized());
    const { response } = await slow;

    expect(response.status).toBe(200);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('reports the session as expired when the refresh fails, and returns the 401', async () => {
    setCookie('spoorboek_csrf', 'oud');
    const { api, onExpired } = setup({ refresh: vi.fn(() => Promise.resolve(false)) });
    mockApi({ '/api/v1/mijn-account': unauthorized });

    const { error, response } = await api.GET('/mijn-account');

    expect(response.status).toBe(401);
    expect(error).toMatchObject({ title: 'Niet geauthenticeerd' });
    expect(onExpired).toHaveBeenCalledTimes(1);
  });

  it('does not try to refresh without a session cookie, but does report the end', async () => {
    const { api, refresh, onExpired } = setup();
    mockApi({ '/api/v1/mijn-account': unauthorized });
    await api.GET('/mijn-account');
    expect(refresh).not.toHaveBeenCalled();
    expect(onExpired).toHaveBeenCalledTimes(1);
  });

  it('leaves the 401 of a failed login alone', async () => {
    setCookie('spoorboek_csrf', 'oud');
    const { api, refresh, onExpired } = setup();
    mockApi({ 'POST /api/v1/sessies': () => problem(401, 'Niet geauthenticeerd', 'E-mailadres of wachtwoord onjuist.') });
    const { response } = await api.POST('/sessies', { body: { email: 'a@b.nl', wachtwoord: 'fout' } });
    expect(response.status).toBe(401);
    expect(refresh).not.toHaveBeenCalled();
    expect(onExpired).not.toHaveBeenCalled();
  });

  it('does not report an expired session for a quiet call (logging out)', async () => {
    setCookie('spoorboek_csrf', 'oud');
    const { api, onExpired } = setup({
      refresh: vi.fn(() => Promise.resolve(false)),
      policy: () => 'retry-quietly',
    });
    mockApi({ 'DELETE /api/v1/sessies/huidig': unauthorized });
    await api.DELETE('/sessies/huidig');
    expect(onExpired).not.toHaveBeenCalled();
  });

  it('does not count a network failure during the refresh as an expired session', async () => {
    setCookie('spoorboek_csrf', 'oud');
    const { api, onExpired } = setup({ refresh: vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))) });
    mockApi({ '/api/v1/mijn-account': unauthorized });
    const { response } = await api.GET('/mijn-account');
    expect(response.status).toBe(401);
    expect(onExpired).not.toHaveBeenCalled();
  });
});

describe('createSecondFactorWatch', () => {
  it('reports a 403 that asks for a second factor, and nothing else', async () => {
    const onRequired = vi.fn();
    const api = createClient<paths>({
      baseUrl: 'http://localhost:3000/api/v1',
      fetch: (request) => globalThis.fetch(request),
    });
    api.use(createSecondFactorWatch(onRequired));
    mockApi({
      '/api/v1/gebruikers': () =>
        problem(403, 'Geen toegang', 'Uw rol vraagt een tweede factor.', { code: 'tweede_factor_instellen' }),
      '/api/v1/koppelingen': () => problem(403, 'Geen toegang', 'Alleen beheerders mogen dit.'),
    });

    const { error } = await api.GET('/gebruikers');
    await api.GET('/koppelingen');

    expect(onRequired).toHaveBeenCalledTimes(1);
    // The body is still there for the caller.
    expect(error).toMatchObject({ detail: 'Uw rol vraagt een tweede factor.' });
  });
});
