import createClient from 'openapi-fetch';

import type { paths } from './schema';

/**
 * Typed client for the Spoorboek API, generated from openapi/openapi.json.
 *
 * The OpenAPI paths are relative to the server URL `…/api/v1`, and the SPA is served by the same
 * process, so every call goes to this origin's /api/v1. The base URL is made absolute because
 * openapi-fetch builds a `Request`, which outside a browser (the unit tests) rejects relative URLs.
 */
export const apiClient = createClient<paths>({
  baseUrl: new URL('/api/v1', window.location.href).href,
  // Look fetch up per call instead of capturing it at import time, so tests can stub it.
  fetch: (request) => globalThis.fetch(request),
});
