import { expect } from '@playwright/test';

import { expectNoHorizontalScroll } from './accounts';
import { expectNoAxeViolations, expectRoutesAccessible } from './axe';
import { openRoute } from './navigate';
import { asRole, openAs, test } from './sessions';

/** Every progress screen passes axe (WCAG 2.1 A and AA) for the roles that use it. */

test.describe('ingelogd als gemeente Utrecht', () => {
  test.use(asRole('utrecht'));

  const pages: [string, string | RegExp][] = [
    ['/mijn-gemeente', 'Voortgang Utrecht'],
    ['/voortgang/gemeenten/GM0344/M20', /^M20 /],
    ['/voortgang/uploaden', 'Voortgang uploaden'],
    ['/voortgang/matrix', 'Geen toegang'],
  ];
  test('every page passes axe', async ({ page }) => {
    await expectRoutesAccessible(page, pages);
  });

  test('another municipality is not found, and says so accessibly', async ({ page }) => {
    await page.goto('/voortgang/gemeenten/GM0363');
    await expect(page.getByRole('alert')).toContainText('Geen voortgang gevonden voor gemeente GM0363.');
    await expectNoAxeViolations(page);
  });

  test('the status list, a measure and the upload fit 320px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const [path, heading] of [
      ['/mijn-gemeente', 'Voortgang Utrecht'],
      ['/voortgang/gemeenten/GM0344/M20', /^M20 /],
      ['/voortgang/uploaden', 'Voortgang uploaden'],
    ] as const) {
      await openRoute(page, path, heading);
      await expect(page.getByText(/laden…$/)).toHaveCount(0);
      await expectNoHorizontalScroll(page);
    }
    await expectNoAxeViolations(page);
  });

  test('a form error and an upload report pass axe', async ({ page }) => {
    await page.goto('/voortgang/uploaden');
    await page.getByRole('button', { name: 'Uploaden' }).click();
    await expect(page.locator('.spoorboek-error-summary')).toBeFocused();
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({
      name: 'fout.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('gemeente;maatregel;fase\nGM0363;M01;klaar\n'),
    });
    await page.getByRole('checkbox', { name: 'Alleen controleren, nog niets opslaan' }).check();
    await page.getByRole('button', { name: 'Controleren' }).click();
    await expect(page.getByRole('table', { name: /Fouten per rij/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('ingelogd als gemeentelijke contactpersoon van een samenwerkingsverband (Bollenstreek)', () => {
  test.use(asRole('bollenstreek'));

  test('a shared-service contact chooses one of their municipalities', async ({ page }) => {
    await openAs(page, 'bollenstreek');
    await page.getByRole('navigation', { name: 'Voortgang' }).getByRole('link', { name: 'Mijn gemeente' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn gemeenten' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Mijn gemeenten' }).getByRole('link')).toHaveCount(4);
    await expectNoAxeViolations(page);
    await page.getByRole('list', { name: 'Mijn gemeenten' }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1, name: /^Voortgang / })).toBeVisible();
    await expect(page.getByText(/laden…$/)).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});

test.describe('ingelogd als redacteur', () => {
  test.use(asRole('redacteur'));

  const pages: [string, string | RegExp][] = [
    ['/voortgang/matrix?provincie=PV26', 'Voortgangsmatrix'],
    ['/voortgang/matrix?arbeidsmarktregio=AM13&weergave=fase', 'Voortgangsmatrix'],
    ['/voortgang/hulp-nodig', 'Hulp nodig'],
    ['/voortgang/gemeenten/GM0014', 'Voortgang Groningen'],
    ['/voortgang/gemeenten/GM0014/M01', /^M01 /],
    ['/mijn-gemeente', 'Geen toegang'],
  ];
  test('every page passes axe', async ({ page }) => {
    await expectRoutesAccessible(page, pages);
  });

  test('the matrix and the help list fit 320px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const [path, heading] of [
      ['/voortgang/matrix?provincie=PV26', 'Voortgangsmatrix'],
      ['/voortgang/hulp-nodig', 'Hulp nodig'],
    ] as const) {
      await openRoute(page, path, heading);
      await expect(page.getByText(/laden…$/)).toHaveCount(0);
      await expectNoHorizontalScroll(page);
    }
  });
});

test('the progress screens send visitors who are not logged in to the login page', async ({ page }) => {
  for (const path of ['/mijn-gemeente', '/voortgang/matrix', '/voortgang/uploaden']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  }
  await expectNoAxeViolations(page);
});
