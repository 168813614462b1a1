import { readFileSync } from 'node:fs';
import path from 'node:path';

import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

import { DEMO_USERS, type DemoUser } from './accounts';

/*
 * One login per demo role for the whole run: the `sessies` setup project (sessions.setup.ts)
 * logs in through the form and saves each browser state here; a test that only needs "a page as
 * role X" gets that state's session cookies with `test.use(asRole('x'))`, using the `test` of
 * this module. The files live under the git-ignored test-results/, which Playwright empties
 * before every run.
 *
 * The state is shared by every test of that role, so such a test must leave the session alone:
 * no logging out (it ends the session for all), no password or second-factor change, no
 * refresh (a refresh token used twice ends the session: see e2e/serve.sh for why none is
 * needed). Tests whose subject is the login, or that change the account, log in themselves.
 *
 * The folder is per test server's port (E2E_PORT), like the server's own: two runs on different
 * ports never use each other's sessions, which their servers would not know.
 */

export const ROLES = ['beheerder', 'redacteur', 'utrecht', 'bollenstreek', 'stimulansz'] as const satisfies readonly DemoUser[];

const port = process.env.E2E_PORT ?? '8765';

export function sessionFile(who: DemoUser): string {
  return path.resolve(import.meta.dirname, '..', 'test-results', `sessies-${port}`, `${who}.json`);
}

type Cookies = Parameters<BrowserContext['addCookies']>[0];

const cookiesOf = new Map<DemoUser, Cookies>();

/** The session cookies the setup saved for `who` (the saved state holds nothing else). */
function sessionCookies(who: DemoUser): Cookies {
  let cookies = cookiesOf.get(who);
  if (!cookies) {
    cookies = (JSON.parse(readFileSync(sessionFile(who), 'utf8')) as { cookies: Cookies }).cookies;
    cookiesOf.set(who, cookies);
  }
  return cookies;
}

/*
 * The role is an option of its own rather than the context's `storageState`: the browser context
 * a worker reuses from test to test (playwright.config.ts) is kept only while the context's
 * options stay the same, and a storage state of another role would make it start a new one, with
 * a new renderer that loads the SPA from scratch. Between tests the reused context loses its
 * cookies; the next test's role puts its own back before the first page opens.
 */
export const test = base.extend<{ role: DemoUser | undefined }>({
  role: [undefined, { option: true }],
  context: async ({ context, role }, use) => {
    if (role) await context.addCookies(sessionCookies(role));
    await use(context);
  },
});

/** For `test.use(...)` (with the `test` of this module): start every page of the test logged in as `who`. */
export function asRole(who: DemoUser): { role: DemoUser } {
  return { role: who };
}

/**
 * Opens a light page with the stored session and waits until the header says who is logged in:
 * where a test used to start after the login form, at its landing page, with the header's menus.
 */
export async function openAs(page: Page, who: DemoUser): Promise<void> {
  await page.goto('/toegankelijkheid');
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(`Ingelogd als ${DEMO_USERS[who].name}`);
}

/** The session's CSRF token, for a test that calls the API with the page's session, as the SPA does. */
export async function csrfToken(page: Page): Promise<string> {
  return (await page.context().cookies()).find((cookie) => cookie.name === 'spoorboek_csrf')?.value ?? '';
}
