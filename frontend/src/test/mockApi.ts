import { vi } from 'vitest';

type Handler = (url: URL, request: Request) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function problem(
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ status, title, detail, instance: 'urn:uuid:test', ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

export function noContent(status = 204): Response {
  return new Response(null, { status });
}

/**
 * Replaces fetch with handlers keyed by API path (e.g. "/api/v1/fasen") or by method and path
 * ("POST /api/v1/sessies"); other paths get 404.
 */
export function mockApi(handlers: Record<string, Handler>) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request && !init ? input : new Request(input, init);
    const url = new URL(request.url);
    const handler = handlers[`${request.method} ${url.pathname}`] ?? handlers[url.pathname];
    return Promise.resolve(
      handler ? handler(url, request) : problem(404, 'Niet gevonden', `Geen mock voor ${request.method} ${url.pathname}.`),
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The requests fetch received, as Request objects. */
export function requestsOf(fetchMock: ReturnType<typeof mockApi>): Request[] {
  return fetchMock.mock.calls.map(([input, init]) =>
    input instanceof Request && !init ? input : new Request(input, init),
  );
}

/** Sets a cookie in jsdom's document; `removeAllCookies` clears them between tests. */
export function setCookie(name: string, value: string) {
  document.cookie = `${name}=${value}; path=/`;
}

export function removeAllCookies() {
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; Max-Age=0; path=/`;
  }
}
