import { expect } from '@playwright/test';

import { DEMO_PASSWORD, DEMO_USERS, logInAs, submitLogin, type DemoUser } from './accounts';
import { asRole, test } from './sessions';

/*
 * Where people land: after logging in, each on the page of their work (unless they came from a
 * page that asked them to log in); after saving a progress change, at the result.
 */

const LANDINGS: [DemoUser, string, string][] = [
  ['utrecht', '/mijn-gemeente', 'Voortgang Utrecht'],
  ['bollenstreek', '/mijn-gemeente', 'Mijn gemeenten'],
  ['redacteur', '/vragen', 'Vragen'],
  ['beheerder', '/vragen', 'Vragen'],
  ['stimulansz', '/expertvragen', 'Expertvragen'],
];

for (const [who, path, heading] of LANDINGS) {
  test(`${who} lands on ${path} after logging in`, async ({ page }) => {
    await logInAs(page, who);
    await expect(page).toHaveURL(path);
    await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
  });
}

test('a page that asked for the login still comes first', async ({ page }) => {
  await page.goto('/mijn-vragen');
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Fmijn-vragen$/);
  await submitLogin(page, DEMO_USERS.utrecht.email, DEMO_PASSWORD);
  await expect(page).toHaveURL('/mijn-vragen');
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn vragen' })).toBeVisible();
});

test.describe('ingelogd als gemeente Utrecht', () => {
  test.use(asRole('utrecht'));

  test('after saving a progress change, focus is on the result', async ({ page }) => {
    await page.goto('/voortgang/gemeenten/GM0344/M21');
    const form = page.getByRole('form', { name: 'Stand wijzigen' });
    await form.getByLabel('Knelpunten (niet verplicht)').fill('Wachten op de raad');
    await form.getByRole('button', { name: 'Opslaan' }).click();

    const status = form.getByRole('status');
    await expect(status).toHaveText(/^De stand is opgeslagen \(versie \d+\)\.$/);
    await expect(status).toBeFocused();
    // The page stays where the user was: the result is in view, not the top of the page.
    await expect(status).toBeInViewport();
  });
});
