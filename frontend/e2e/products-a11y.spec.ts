import { expect } from '@playwright/test';

import { expectNoHorizontalScroll } from './accounts';
import { expectNoAxeViolations, expectRouteAccessible, expectRoutesAccessible } from './axe';
import { openRoute } from './navigate';
import { asRole, test } from './sessions';

/**
 * Every page of the products issue passes axe (WCAG 2.1 A and AA), logged out and as each role
 * that has something to do there; the catalogue and a product page also at 320px.
 * Demo data: product 1 is in review (Ulla Utrecht invited), product 2 is published.
 */

const check = expectRouteAccessible;

test.describe('niet ingelogd', () => {
  const pages: [string, string | RegExp][] = [
    ['/producten', 'Implementatieproducten'],
    ['/producten?zoek=giftenvrijlating', 'Implementatieproducten'],
    ['/producten?zoek=qqqxxxzzz', 'Implementatieproducten'],
    ['/producten?soort=handreiking&fase=1&pagina=1', 'Implementatieproducten'],
    ['/producten/2', 'Handreiking Giftenvrijlating'],
    ['/producten/1', 'Product niet gevonden'],
    ['/producten/nieuw', 'Inloggen'],
    ['/mijn-toetsingen', 'Inloggen'],
    ['/beheer/leveringsplan', 'Inloggen'],
  ];
  test('every page passes axe', async ({ page }) => {
    await expectRoutesAccessible(page, pages);
  });

  test('the catalogue, a search with highlights and a product fit 320px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const [path, heading] of [
      ['/producten', 'Implementatieproducten'],
      ['/producten?zoek=giftenvrijlating', 'Implementatieproducten'],
      ['/producten/2', 'Handreiking Giftenvrijlating'],
    ] as const) {
      await openRoute(page, path, heading);
      await expect(page.getByText(/laden…$/)).toHaveCount(0);
      await expectNoHorizontalScroll(page);
    }
    await expectNoAxeViolations(page);
  });

  test('the catalogue with a search error passes axe at 320px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/producten');
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('ab');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page.locator('#filter-zoek-fout')).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });
});

test.describe('ingelogd als redacteur', () => {
  test.use(asRole('redacteur'));

  const pages: [string, string | RegExp][] = [
    ['/producten', 'Implementatieproducten'],
    ['/producten?status=gepland', 'Implementatieproducten'],
    ['/producten/nieuw', 'Nieuw product'],
    ['/producten/1', 'Modelverordening Giftenvrijlating'],
    ['/producten/2', 'Handreiking Giftenvrijlating'],
    ['/producten/2/bewerken', 'Gegevens wijzigen'],
    ['/beheer/leveringsplan', 'Leveringsplan'],
    ['/beheer/leveringsplan?weken=52&fase=2', 'Leveringsplan'],
    ['/mijn-toetsingen', 'Geen toegang'],
  ];
  test('every page passes axe', async ({ page }) => {
    await expectRoutesAccessible(page, pages);
  });

  test('the new-product form with its error summary passes axe', async ({ page }) => {
    await page.goto('/producten/nieuw');
    await page.getByRole('button', { name: 'Product opslaan' }).click();
    const summary = page.locator('.spoorboek-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Maatregelen: Kies minstens één maatregel.');
    // The summary's link takes the keyboard to the first measure.
    await summary.getByRole('link', { name: 'Maatregelen: Kies minstens één maatregel.' }).click();
    await expect(page.getByRole('checkbox', { name: 'M01 Giftenvrijlating' })).toBeFocused();
    await expectNoAxeViolations(page);
  });

  test('the withdrawal form and the upload and link errors pass axe', async ({ page }) => {
    await page.goto('/producten/1');
    await expect(page.getByText(/laden…$/)).toHaveCount(0);
    const status = page.getByRole('region', { name: 'Status', exact: true });
    await status.getByRole('button', { name: 'Intrekken' }).click();
    await expect(status.getByLabel('Reden van intrekken')).toBeFocused();
    await status.getByRole('form', { name: 'Intrekken' }).getByRole('button', { name: 'Intrekken' }).click();
    await expect(status.locator('.spoorboek-error-summary')).toContainText('Vul de reden van intrekken in.');
    const draft = page.getByRole('region', { name: 'Conceptversie 1', exact: true });
    await draft.getByRole('button', { name: 'Uploaden' }).click();
    await draft.getByLabel('Webadres').fill('http://niet-veilig.example');
    await draft.getByRole('button', { name: 'Link toevoegen' }).click();
    await expect(draft.locator('#link-url-fout')).toContainText('https://');
    await expectNoAxeViolations(page);
    await status.getByRole('button', { name: 'Annuleren' }).click();
  });

  test('the product pages and the delivery plan fit 320px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const [path, heading] of pages) {
      await openRoute(page, path, heading);
      await expect(page.getByText(/laden…$/)).toHaveCount(0);
      await expectNoHorizontalScroll(page);
    }
  });
});

test.describe('ingelogd als beheerder', () => {
  test.use(asRole('beheerder'));

  test('a product in review, with testers found to invite, passes axe', async ({ page }) => {
    await check(page, '/producten/1', 'Modelverordening Giftenvrijlating');
    const reviews = page.getByRole('region', { name: 'Toetsing', exact: true });
    await reviews.getByRole('searchbox', { name: 'Zoek een toetser' }).fill('Ulla');
    const found = reviews.getByRole('radiogroup', { name: 'Gevonden contactpersonen' });
    await expect(found.getByRole('radio', { name: /Ulla Utrecht/ })).toHaveCount(1);
    await expectNoAxeViolations(page);
  });

  test('the delivery plan passes axe', async ({ page }) => {
    await check(page, '/beheer/leveringsplan', 'Leveringsplan');
  });
});

test.describe('ingelogd als gemeentelijke toetser (Utrecht)', () => {
  test.use(asRole('utrecht'));

  const pages: [string, string | RegExp][] = [
    ['/mijn-toetsingen', 'Mijn toetsingen'],
    ['/producten', 'Implementatieproducten'],
    ['/producten/1#toetsen', 'Modelverordening Giftenvrijlating'],
    ['/producten/2', 'Handreiking Giftenvrijlating'],
    ['/producten/nieuw', 'Geen toegang'],
    ['/beheer/leveringsplan', 'Geen toegang'],
  ];
  test('every page passes axe', async ({ page }) => {
    await expectRoutesAccessible(page, pages);
  });

  test('the review form with its error summary passes axe at 320px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/producten/1#toetsen');
    const review = page.getByRole('region', { name: 'Uw toetsing van versie 1', exact: true });
    await review.getByRole('button', { name: 'Oordeel versturen' }).click();
    await expect(review.locator('.spoorboek-error-summary')).toContainText('Uw oordeel: Kies uw oordeel.');
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });

  test('Mijn toetsingen lists open invitations first and fits 320px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Mijn toetsingen' }).click();
    await expect(page.getByRole('status')).toHaveText(/^\d+ toetsing(en)? (wacht|wachten) op uw oordeel\.$/);
    const headings = page.getByRole('main').getByRole('heading', { level: 2 });
    await expect(headings).toHaveText(['Wachten op uw oordeel', 'Beantwoord']);
    await expect(
      page.getByRole('region', { name: 'Wachten op uw oordeel', exact: true }).getByRole('link', { name: 'Modelverordening Giftenvrijlating' }),
    ).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});

test.describe('ingelogd als gemeentelijke contactpersoon die niet is uitgenodigd (Bollenstreek)', () => {
  test.use(asRole('bollenstreek'));

  test('Mijn toetsingen passes axe', async ({ page }) => {
    await check(page, '/mijn-toetsingen', 'Mijn toetsingen');
  });

  test('an unpublished product is not found', async ({ page }) => {
    await check(page, '/producten/1', 'Product niet gevonden');
  });
});
