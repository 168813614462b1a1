import { expect, type Page } from '@playwright/test';

import { csrfToken } from './sessions';

/** A cell as the API returns it (only what the tests read). */
export interface CellState {
  fase: string;
  knelpunten: string | null;
  versie: number;
}

/** Reads a cell with the page's session, as the SPA does. */
export async function readCell(page: Page, code: string, measure: string): Promise<CellState> {
  const response = await page.request.get(`/api/v1/gemeenten/${code}/voortgang/${measure}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as CellState;
}

/** Changes a cell behind the SPA's back, as a colleague in another browser would. */
export async function saveCellDirectly(page: Page, code: string, measure: string, version: number, body: object) {
  const csrf = await csrfToken(page);
  const response = await page.request.put(`/api/v1/gemeenten/${code}/voortgang/${measure}`, {
    headers: { 'If-Match': `"v${version}"`, 'X-CSRF-Token': csrf },
    data: body,
  });
  expect(response.status()).toBe(200);
}

/** A CSV file for the upload form, with the export's separator. */
export function csvFile(name: string, lines: string[]) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`, 'utf-8') };
}
