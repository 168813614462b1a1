import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';

import { json, mockApi, requestsOf, setCookie } from '../test/mockApi';
import { readCookie } from './cookies';
import { CSRF_HEADER, csrfMiddleware, hasSessionCookie, withCsrfToken } from './csrf';
import type { paths } from './schema';

function client() {
  const api = createClient<paths>({
    baseUrl: 'http://localhost:3000/api/v1',
    fetch: (request) => globalThis.fetch(request),
  });
  api.use(csrfMiddleware);
  return api;
}

describe('readCookie', () => {
  it('finds a cookie among others, trimmed and decoded', () => {
    const cookies = 'a=1; spoorboek_csrf=abc%2Fdef ;  b=2';
    expect(readCookie('spoorboek_csrf', cookies)).toBe('abc/def');
    expect(readCookie('b', cookies)).toBe('2');
  });

  it('is undefined for a missing or empty cookie, and does not match on a suffix', () => {
    expect(readCookie('spoorboek_csrf', 'x_spoorboek_csrf=1; other=2')).toBeUndefined();
    expect(readCookie('spoorboek_csrf', 'spoorboek_csrf=')).toBeUndefined();
    expect(readCookie('spoorboek_csrf', '')).toBeUndefined();
  });
});

describe('withCsrfToken', () => {
  it('adds the token to unsafe methods only', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const request = withCsrfToken(new Request('http://localhost/api/v1/x', { method }), 't0k3n');
      expect(request.headers.get(CSRF_HEADER)).toBe('t0k3n');
    }
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      const request = withCsrfToken(new Request('http://localhost/api/v1/x', { method }), 't0k3n');
      expect(request.headers.has(CSRF_HEADER)).toBe(false);
    }
  });

  it('replaces an older token and leaves requests alone without a session', () => {
    const old = new Request('http://localhost/api/v1/x', { method: 'POST', headers: { [CSRF_HEADER]: 'oud' } });
    expect(withCsrfToken(old, 'nieuw').headers.get(CSRF_HEADER)).toBe('nieuw');
    const anonymous = new Request('http://localhost/api/v1/x', { method: 'POST' });
    expect(withCsrfToken(anonymous, undefined).headers.has(CSRF_HEADER)).toBe(false);
  });
});

describe('csrfMiddleware', () => {
  it('sends the value of the spoorboek_csrf cookie on unsafe calls made with the session', async () => {
    setCookie('spoorboek_csrf', 'cookie-waarde');
    expect(hasSessionCookie()).toBe(true);
    const fetchMock = mockApi({
      'PATCH /api/v1/mijn-account': () => json({}),
      'GET /api/v1/mijn-account': () => json({}),
    });

    await client().PATCH('/mijn-account', { body: { naam: 'Nieuwe naam' } });
    await client().GET('/mijn-account');

    const [patch, get] = requestsOf(fetchMock);
    expect(patch?.headers.get(CSRF_HEADER)).toBe('cookie-waarde');
    expect(get?.headers.has(CSRF_HEADER)).toBe(false);
  });

  it('sends no header when there is no session cookie', async () => {
    expect(hasSessionCookie()).toBe(false);
    const fetchMock = mockApi({ 'POST /api/v1/wachtwoord-herstel': () => new Response(null, { status: 202 }) });
    await client().POST('/wachtwoord-herstel', { body: { email: 'a@b.nl' } });
    expect(requestsOf(fetchMock)[0]?.headers.has(CSRF_HEADER)).toBe(false);
  });
});
