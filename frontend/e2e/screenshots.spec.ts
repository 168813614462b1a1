import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { expect } from '@playwright/test';

import { asRole, test } from './sessions';

/**
 * Screenshots for the README (`make screenshots`): the dashboard, the map per municipality and per
 * province, a municipality page and, for an advisor, the help list, with the demo data. Skipped
 * in the ordinary browser test run, which should not write into docs/.
 */
test.skip(!process.env.SPOORBOEK_SCREENSHOTS, 'only with SPOORBOEK_SCREENSHOTS=1 (make screenshots)');

const folder = join(process.cwd(), '..', 'docs', 'screenshots');

const SHOTS: [string, string, string][] = [
  ['dashboard', '/', 'Invoering Participatiewet in balans'],
  ['kaart', '/kaart', 'Kaart van de voortgang'],
  ['kaart-provincies', '/kaart?niveau=provincie', 'Kaart van de voortgang'],
  ['gemeente', '/gemeenten/GM0344', 'Utrecht'],
];

test.use({ viewport: { width: 1440, height: 900 } });


for (const [name, path, heading] of SHOTS) {
  test(`screenshot of ${path}`, async ({ page }) => {
    mkdirSync(folder, { recursive: true });
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText(/laden…/, { timeout: 20_000 });
    const file = join(folder, `${name}.png`);
    // The map page's table runs to 342 rows: show the map itself rather than the whole page.
    if (name.startsWith('kaart')) await page.getByRole('region', { name: 'Aandeel geïmplementeerd', exact: true }).screenshot({ path: file });
    else await page.screenshot({ path: file, fullPage: true });
  });
}

test.describe('as an advisor', () => {
  test.use(asRole('redacteur'));

  test('screenshot of the help list', async ({ page }) => {
    mkdirSync(folder, { recursive: true });
    await page.goto('/voortgang/hulp-nodig?provincie=PV25');
    await expect(page.getByRole('heading', { level: 1, name: 'Hulp nodig' })).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText(/laden…/, { timeout: 20_000 });
    // The account menus fill the first screen: start the picture at the list's heading.
    const top = await page.getByRole('heading', { level: 1 }).evaluate((h) => h.getBoundingClientRect().top + window.scrollY);
    await page.screenshot({ path: join(folder, 'hulp-nodig.png'), fullPage: true, clip: { x: 0, y: top - 24, width: 1440, height: 1100 } });
  });
});
