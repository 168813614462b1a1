import { expect, type Page } from '@playwright/test';

import { expectNoHorizontalScroll } from './accounts';
import { expectNoAxeViolations, expectRouteAccessible } from './axe';
import { resizeTo } from './navigate';
import { newContext, uniqueWord } from './products';
import { asRole, openAs, test } from './sessions';
import { firstSignal, publicSignal } from './signals';

/**
 * Every signal screen passes axe (WCAG 2.1 A and AA) for the roles that use it, on a phone (360px)
 * and a laptop (1280px), and fits the phone without scrolling sideways.
 */

const WIDTHS = [360, 1280];

/**
 * Opens the route at the first width and checks it there, then at each next width without loading
 * it again: the layout follows the window (CSS; the charts follow their box), as when a phone turns.
 * `atEachWidth`: a check of the test's own at every width.
 */
async function checkAtWidths(
  page: Page,
  path: string,
  heading: string | RegExp,
  { widths = WIDTHS, atEachWidth }: { widths?: readonly number[]; atEachWidth?: () => Promise<void> } = {},
) {
  for (const [index, width] of widths.entries()) {
    await resizeTo(page, width, 800);
    if (index === 0) await expectRouteAccessible(page, path, heading, 20_000);
    else await expectNoAxeViolations(page);
    if (width === 360) await expectNoHorizontalScroll(page, width);
    await atEachWidth?.();
  }
}

/** After opening a part of the page (a form, an error): axe again, and still no sideways scrolling at 360px. */
async function checkOpened(page: Page) {
  await expectNoAxeViolations(page);
  const width = page.viewportSize()?.width ?? 1280;
  if (width <= 360) await expectNoHorizontalScroll(page, width);
}

test.describe('niet ingelogd', () => {
  test.describe.configure({ timeout: 60_000 });

  test('the public register, a public signal and a missing one pass axe', async ({ page }) => {
    await checkAtWidths(page, '/openbare-signalen', 'Signalen uit de praktijk');
    await checkAtWidths(page, '/openbare-signalen?soort=ict-en-leveranciers&status=doorgezet', 'Signalen uit de praktijk');
    const shown = await firstSignal(page, '/openbare-signalen');
    await checkAtWidths(page, `/openbare-signalen/${shown.id}`, shown.titel);
    await checkAtWidths(page, '/openbare-signalen/999999', 'Signaal niet gevonden');
  });

  test('the team and contact pages send a visitor to log in', async ({ page }) => {
    for (const path of ['/signalen', '/signalen/melden', '/signalen/1', '/mijn-signalen']) {
      await expectRouteAccessible(page, path, 'Inloggen');
    }
  });
});

test.describe('ingelogd als gemeente Utrecht', () => {
  test.use(asRole('utrecht'));
  test.describe.configure({ timeout: 90_000 });

  test('reporting, Mijn signalen and her signal pass axe, with the error summary', async ({ page }) => {
    await checkAtWidths(page, '/mijn-signalen', 'Mijn signalen');
    const own = await firstSignal(page, '/signalen');
    await checkAtWidths(page, `/signalen/${own.id}`, `Signaal ${own.id}: ${own.titel}`);
    await checkAtWidths(page, '/signalen/melden', 'Signaal melden');
    await page.getByRole('button', { name: 'Signaal melden' }).click();
    await expect(page.locator('.spoorboek-error-summary')).toBeFocused();
    await checkOpened(page);
  });

  test('the team screens are not for municipal contacts', async ({ page }) => {
    for (const path of ['/signalen', '/signalen/knelpunten', '/signalen/suggesties', '/signalen/rapportage']) {
      await expectRouteAccessible(page, path, 'Geen toegang');
    }
    await expectRouteAccessible(page, '/signalen/999999', 'Signaal niet gevonden');
  });
});

test.describe('ingelogd als redacteur', () => {
  test.use(asRole('redacteur'));
  test.describe.configure({ timeout: 120_000 });

  test('the register, its filters and the views pass axe', async ({ page }) => {
    await checkAtWidths(page, '/signalen', 'Knelpuntenregister');
    // The same page filtered, and empty: on the phone, where filters and table are tightest.
    await checkAtWidths(page, '/signalen?status=doorgezet&aan=spoor-2&open=true&ouderDanDagen=30', 'Knelpuntenregister', { widths: [360] });
    await checkAtWidths(page, '/signalen?zoek=zzzzqqqq', 'Knelpuntenregister', { widths: [360] });
    await checkAtWidths(page, '/signalen/knelpunten', 'Knelpunten uit de voortgang');
    await checkAtWidths(page, '/signalen/suggesties', 'Suggesties voor signalen');
    await checkAtWidths(page, '/signalen/rapportage', 'Stuurrapportage signalen');
    await checkAtWidths(page, '/signalen/melden', 'Signaal vastleggen');
  });

  test('a signal with its forms opened, and the blockers view for it, pass axe', async ({ page }) => {
    const signal = await firstSignal(page, '/signalen?status=in-behandeling');
    const heading = `Signaal ${signal.id}: ${signal.titel}`;
    await checkAtWidths(page, `/signalen/${signal.id}`, heading);
    // At 360px (the last width was 1280px): every form of the page opened.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByRole('radio', { name: 'Doorzetten' }).check();
    await page.getByRole('button', { name: 'Doorzetten' }).click();
    await expect(page.locator('.spoorboek-error-summary')).toBeFocused();
    await page.getByRole('button', { name: 'Vragen en knelpunten kiezen' }).click();
    await expect(page.getByRole('region', { name: 'Knelpunten koppelen' }).getByRole('status').first()).not.toHaveText(/zoeken…/);
    await expect(page.getByRole('region', { name: 'Vragen koppelen' }).getByRole('status').first()).not.toHaveText(/zoeken…/);
    await page.getByRole('button', { name: 'Signaal bewerken of openbaar maken' }).click();
    await checkOpened(page);

    await checkAtWidths(page, `/signalen/knelpunten?signaal=${signal.id}&maatregel=M05`, 'Knelpunten uit de voortgang');
    await page.getByRole('button', { name: /^Alle \d+ knelpunten tonen$/ }).first().click();
    await checkOpened(page);
  });

  test('a group\'s actions in the blockers view pass axe', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await openAs(page, 'redacteur');
    await page.goto('/signalen/knelpunten?maatregel=M05');
    const group = page.locator('.spoorboek-groups > li').first();
    await group.getByRole('button', { name: 'Maak signaal' }).click();
    await checkOpened(page);
    await group.getByRole('button', { name: 'Voeg toe aan signaal' }).click();
    await expect(group.getByLabel('Signaal').locator('option')).not.toHaveCount(1);
    await checkOpened(page);
  });

  test('a public signal passes axe for a contact who may say "ook bij ons"', async ({ page, browser }, testInfo) => {
    await openAs(page, 'redacteur');
    const id = await publicSignal(page, `Pakket nog niet aangepast ${uniqueWord('toegang')}`);
    const context = await newContext(browser, testInfo, 'utrecht');
    const contact = await context.newPage();
    const ourToo = async () => expect(contact.getByRole('button', { name: 'Ook bij ons (Utrecht)' })).toBeVisible();
    await checkAtWidths(contact, `/openbare-signalen/${id}`, /^Pakket nog niet aangepast/, { atEachWidth: ourToo });
    await checkAtWidths(contact, `/signalen/${id}`, new RegExp(`^Signaal ${id}: Pakket nog niet aangepast`), { atEachWidth: ourToo });
    await context.close();
  });
});
