import { expect, test, type Page } from '@playwright/test';

import { logInAs, type DemoUser } from './accounts';
import { expectNoAxeViolations, expectRouteAccessible } from './axe';

/** Every public page passes axe (WCAG 2.1 A and AA) for visitors and for each demo role. */

const PUBLIC_PAGES: [string, string | RegExp][] = [
  ['/', 'Invoering Participatiewet in balans'],
  ['/maatregelen', 'Maatregelen Participatiewet in balans, spoor 1'],
  ['/maatregelen/M13', /^M13 /],
  ['/kaart', 'Kaart van de voortgang'],
  ['/kaart?indicator=tekort&fase=3&gebied=AM13', 'Kaart van de voortgang'],
  ['/gemeenten/GM0344', 'Utrecht'],
];

function check(page: Page, path: string, heading: string | RegExp) {
  // The deficit trend is computed when first asked for; on a fresh test server that takes seconds.
  return expectRouteAccessible(page, path, heading, 20_000);
}

async function checkAll(page: Page) {
  for (const [path, heading] of PUBLIC_PAGES) {
    await test.step(path, () => check(page, path, heading));
  }
}

test.describe('uitgelogd', () => {
  // axe over the map's 342 links and the table's 342 rows takes a while on a busy machine.
  test.describe.configure({ timeout: 60_000 });
  for (const [path, heading] of PUBLIC_PAGES) {
    test(`${path} passes axe`, async ({ page }) => {
      await check(page, path, heading);
    });
  }

  test('the table equivalents pass axe when opened', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('main')).not.toContainText(/laden…/, { timeout: 20_000 });
    for (const summary of await page.getByText('Toon de cijfers als tabel').all()) await summary.click();
    await expect(page.getByRole('table')).toHaveCount(2);
    await expectNoAxeViolations(page);
  });
});

for (const who of ['beheerder', 'redacteur', 'utrecht', 'bollenstreek'] as DemoUser[]) {
  test(`logged in as ${who}, every public page passes axe`, async ({ page }) => {
    test.setTimeout(180_000);
    await logInAs(page, who);
    await checkAll(page);
  });
}
