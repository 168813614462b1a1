import { expect, type Browser, type BrowserContext, type Locator, type Page, type TestInfo } from '@playwright/test';

import { DEMO_USERS, type DemoUser } from './accounts';
import { sessionFile } from './sessions';

/** Cookies and storage of nobody: a visitor who is not logged in. */
const LOGGED_OUT = { cookies: [], origins: [] };

/**
 * A new browser context with the project's base URL and locale, logged out or with the stored
 * session of `who`. The storage state is always given: Playwright Test fills in every context
 * option a new context is not given from the test's own options, so a context made in a test
 * of `test.use(asRole('redacteur'))` without one would be logged in as the editor (a "visitor"
 * who saw the editor's sections made the products test fail now and then).
 */
export async function newContext(browser: Browser, testInfo: TestInfo, who?: DemoUser): Promise<BrowserContext> {
  const { baseURL, locale } = testInfo.project.use;
  return browser.newContext({ baseURL, locale, storageState: who ? sessionFile(who) : LOGGED_OUT });
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
 * Invites the demo tester in the Toetsing section of a product's page as an editor does: finds
 * her by name in the people directory, chooses her, invites her, and waits for the confirmation.
 */
export async function inviteDemoTester(reviews: Locator): Promise<void> {
  const { name } = DEMO_USERS.utrecht;
  await reviews.getByRole('searchbox', { name: 'Zoek een toetser' }).fill('Ulla Utrecht');
  await reviews.getByRole('radiogroup', { name: 'Gevonden contactpersonen' }).getByRole('radio', { name }).check();
  await expect(reviews).toContainText(`Gekozen toetser: ${name}`);
  await reviews.getByRole('button', { name: 'Uitnodigen' }).click();
  await expect(reviews.getByRole('status').filter({ hasText: 'is uitgenodigd' })).toHaveText(
    `${name} is uitgenodigd om versie 1 te toetsen.`,
  );
}

/** The buttons of the editor's status section, in order. */
export function statusActions(page: Page) {
  return page.getByRole('list', { name: 'Mogelijke statuswijzigingen' }).getByRole('button');
}

export function statusSection(page: Page) {
  return page.getByRole('region', { name: 'Status', exact: true });
}
