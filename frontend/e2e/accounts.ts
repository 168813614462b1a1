import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo-Spoorboek-2026';

export const DEMO_USERS = {
  beheerder: { email: 'beheerder@demo.spoorboek.example', name: 'Bea Beheer (demo)' },
  redacteur: { email: 'redacteur@demo.spoorboek.example', name: 'Ruud Redactie (demo)' },
  utrecht: { email: 'utrecht@demo.spoorboek.example', name: 'Ulla Utrecht (demo)' },
  bollenstreek: { email: 'bollenstreek@demo.spoorboek.example', name: 'Bas Bollenstreek (demo)' },
  stimulansz: { email: 'expert.stimulansz@demo.spoorboek.example', name: 'Sanne Stimulansz (demo)' },
  divosa: { email: 'expert.divosa@demo.spoorboek.example', name: 'Dirk Divosa (demo)' },
} as const;

export type DemoUser = keyof typeof DEMO_USERS;

/** Fills and sends the login form on the current page (which must be /inloggen). */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Inloggen' });
  await form.getByLabel('E-mailadres').fill(email);
  await form.getByLabel('Wachtwoord', { exact: true }).fill(password);
  // The server hashes the password on purpose slowly (Argon2); with two browsers and the test
  // suites on two cores the answer can take longer than an expectation's 5 s. Wait for it (the
  // test's own timeout), whatever it says, before the caller checks what the page shows.
  const answered = page.waitForResponse(
    (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/v1/sessies',
  );
  await form.getByRole('button', { name: 'Inloggen' }).click();
  await answered;
}

/** Logs in through the UI and waits until the header says who is logged in. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD, name?: string): Promise<void> {
  await page.goto('/inloggen');
  await submitLogin(page, email, password);
  const account = page.getByRole('navigation', { name: 'Account' });
  await expect(account).toContainText(name ? `Ingelogd als ${name}` : 'Ingelogd als');
}

export async function logInAs(page: Page, who: DemoUser): Promise<void> {
  const user = DEMO_USERS[who];
  await logIn(page, user.email, DEMO_PASSWORD, user.name);
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Inloggen' })).toBeVisible();
}

/** No horizontal scrolling at the current viewport width. */
export async function expectNoHorizontalScroll(page: Page, width = 320): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}
