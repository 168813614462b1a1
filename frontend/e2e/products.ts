import { expect, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';

import { DEMO_USERS, type DemoUser } from './accounts';
import { sessionFile } from './sessions';

/**
 * A new browser context with the project's base URL and locale (newContext does not inherit
 * them), logged out or with the stored session of `who`.
 */
export async function newContext(browser: Browser, testInfo: TestInfo, who?: DemoUser): Promise<BrowserContext> {
  const { baseURL, locale } = testInfo.project.use;
  return browser.newContext({ baseURL, locale, ...(who ? { storageState: sessionFile(who) } : {}) });
}

/** A word no seeded product contains, so a search finds only the product made in this test. */
export function uniqueWord(prefix: string): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  let suffix = '';
  for (let i = 0; i < 6; i += 1) suffix += letters[Math.floor(Math.random() * letters.length)];
  return `${prefix}${suffix}`;
}

/** A small but real PDF: Spoorboek recognises the type by its first bytes. */
export function smallPdf(text: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

/**
 * The user id of the demo tester, asked of the API as the demo admin (GET /gebruikers is for
 * admins only), in a context of its own.
 */
export async function demoTesterId(browser: Browser, testInfo: TestInfo): Promise<number> {
  const context = await newContext(browser, testInfo, 'beheerder');
  try {
    const email = DEMO_USERS.utrecht.email;
    const response = await context.request.get('/api/v1/gebruikers', {
      params: { rol: 'gemeente', zoek: email },
      headers: { Accept: 'application/json' },
    });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { resultaten: { id: number; email: string }[] };
    const ids = body.resultaten.filter((user) => user.email === email).map((user) => user.id);
    expect(ids, `exactly one user ${email}`).toHaveLength(1);
    return ids[0] as number;
  } finally {
    await context.close();
  }
}

/** The buttons of the editor's status section, in order. */
export function statusActions(page: Page) {
  return page.getByRole('list', { name: 'Mogelijke statuswijzigingen' }).getByRole('button');
}

export function statusSection(page: Page) {
  return page.getByRole('region', { name: 'Status', exact: true });
}
