import { expect } from '@playwright/test';

import { expectNoAxeViolations, expectRoutesAccessible, expectShellWithoutViolations } from './axe';
import { asRole, openAs, ROLES, test } from './sessions';

/**
 * Every public page passes axe (WCAG 2.1 A and AA): its content logged out, and the shell around
 * it for each demo role.
 */

const PUBLIC_PAGES: [string, string | RegExp][] = [
  ['/', 'Invoering Participatiewet in balans'],
  ['/maatregelen', 'Maatregelen Participatiewet in balans, spoor 1'],
  ['/maatregelen/M13', /^M13 /],
  ['/kaart', 'Kaart van de voortgang'],
  ['/kaart?indicator=tekort&fase=3&gebied=AM13', 'Kaart van de voortgang'],
  ['/gemeenten/GM0344', 'Utrecht'],
];

// The deficit trend is computed when first asked for; on a fresh test server that takes seconds.
const LOAD_TIMEOUT = 20_000;

test.describe('uitgelogd', () => {
  // axe over the map's 342 links and the table's 342 rows takes a while on a busy machine.
  test.describe.configure({ timeout: 60_000 });
  test('every page passes axe', async ({ page }) => {
    await expectRoutesAccessible(page, PUBLIC_PAGES, { secondsPerRoute: 30, loadTimeout: LOAD_TIMEOUT });
  });

  test('the table equivalents pass axe when opened', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('main')).not.toContainText(/laden…/, { timeout: 20_000 });
    for (const summary of await page.getByText('Toon de cijfers als tabel').all()) await summary.click();
    // Progress per measure, the waves and their targets, the deficit trend, and the
    // satisfaction's survey rounds and quarters (opened); the measures that moved since last
    // month, the totals per province and per region, and the ICT figures (tables of their own).
    await expect(page.getByRole('table')).toHaveCount(9);
    await expectNoAxeViolations(page);
  });
});

// Logged in, a public page differs only in its shell: the account menu and each role's section
// menus. So each role's shell is scanned once here, and its other pages in the other *-a11y specs.
for (const who of ROLES) {
  test.describe(`ingelogd als ${who}`, () => {
    test.use(asRole(who));

    test('the shell with this role\'s menus passes axe', async ({ page }) => {
      await openAs(page, who);
      await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Uitloggen' })).toBeVisible();
      await expectShellWithoutViolations(page);
    });
  });
}
