import { vi } from 'vitest';

type Handler = (url: URL) => Response | Promise<Response>;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

export function problem(status: number, title: string, detail: string): Response {
  return new Response(JSON.stringify({ status, title, detail, instance: 'urn:uuid:test' }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

/** Replaces fetch with handlers keyed by API path (e.g. "/api/v1/fasen"); other paths get 404. */
export function mockApi(handlers: Record<string, Handler>) {
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const handler = handlers[url.pathname];
    return Promise.resolve(
      handler ? handler(url) : problem(404, 'Niet gevonden', `Geen mock voor ${url.pathname}.`),
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
