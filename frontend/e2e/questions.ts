import { expect, type Page } from '@playwright/test';

import { csrfToken } from './sessions';

/** A word no demo text contains, so a search or a list finds only what this test made. */
export function uniqueWord(prefix = 'kwartel'): string {
  const letters = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  return `${prefix}${letters}`;
}

/** Files a question with the page's session, as the SPA does; returns its number. */
export async function fileQuestion(page: Page, body: object): Promise<number> {
  const response = await page.request.post('/api/v1/vragen', { headers: { 'X-CSRF-Token': await csrfToken(page) }, data: body });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

/** Moves a question on behind the SPA's back, as a colleague in another browser would. */
export async function changeStatusDirectly(page: Page, id: number, body: object): Promise<void> {
  const response = await page.request.post(`/api/v1/vragen/${id}/statuswijzigingen`, {
    headers: { 'X-CSRF-Token': await csrfToken(page) },
    data: body,
  });
  expect(response.status()).toBe(200);
}

/** Adds an internal note behind the SPA's back, as a colleague in another browser would. */
export async function addNoteDirectly(page: Page, id: number, tekst: string): Promise<void> {
  const response = await page.request.post(`/api/v1/vragen/${id}/notities`, {
    headers: { 'X-CSRF-Token': await csrfToken(page) },
    data: { tekst },
  });
  expect(response.status()).toBe(201);
}

/** The first question of a list query (with the page's session). */
export async function firstQuestion(page: Page, query: string): Promise<{ id: number; onderwerp: string }> {
  const response = await page.request.get(`/api/v1/vragen?${query}`);
  expect(response.status()).toBe(200);
  const list = (await response.json()) as { resultaten: { id: number; onderwerp: string }[] };
  const first = list.resultaten[0];
  expect(first, `a question for ${query}`).toBeTruthy();
  return first!;
}
