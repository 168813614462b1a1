import { expect, type Page } from '@playwright/test';

/** The bell in the header and the unread count, for the notification and expert specs. */

/** The unread count as the API gives it to the page's person. */
export async function unreadCount(page: Page): Promise<number> {
  const response = await page.request.get('/api/v1/meldingen/aantal-ongelezen');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { ongelezen: number }).ongelezen;
}

/** The bell in the header, whatever its count. */
export function bell(page: Page) {
  return page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: /^Meldingen/ });
}

/** The unread count the bell says ("Meldingen, 3 ongelezen"; "Meldingen" is 0). */
export async function bellCount(page: Page): Promise<number> {
  const name = (await bell(page).getAttribute('aria-label')) ?? 'Meldingen';
  const match = /^Meldingen, (\d+) ongelezen$/.exec(name);
  return match ? Number(match[1]) : 0;
}
