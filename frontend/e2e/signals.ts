import { expect, type Page } from '@playwright/test';

import { csrfToken } from './sessions';

/** The signals' helpers for the browser tests: the API with the page's session, as the SPA calls it. */

/** Calls the API with the page's session; fails the test on any other status than `status`. */
export async function signalApi(page: Page, method: 'POST' | 'PATCH', path: string, data: object, status: number) {
  const response = await page.request.fetch(`/api/v1${path}`, { method, headers: { 'X-CSRF-Token': await csrfToken(page) }, data });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBe(status);
  return (await response.json()) as { id: number; titel: string; versie: number };
}

/** A public signal of the test's own, recorded by the advisor of the page. */
export async function publicSignal(page: Page, title: string): Promise<number> {
  const signal = await signalApi(
    page,
    'POST',
    '/signalen',
    {
      titel: title,
      omschrijving: 'Gemeenten wachten op de aanpassing van hun pakket voordat zij de maatregel kunnen uitvoeren.',
      soort: 'ict-en-leveranciers',
      maatregelen: ['M05'],
    },
    201,
  );
  await signalApi(page, 'PATCH', `/signalen/${signal.id}`, { openbaar: true }, 200);
  return signal.id;
}

/** The first signal of a list the page's person may see (`/signalen`, `/openbare-signalen`). */
export async function firstSignal(page: Page, path: string): Promise<{ id: number; titel: string }> {
  const response = await page.request.get(`/api/v1${path}`);
  expect(response.status()).toBe(200);
  const first = ((await response.json()) as { resultaten: { id: number; titel: string }[] }).resultaten[0];
  expect(first, `a signal at ${path}`).toBeTruthy();
  return first!;
}
