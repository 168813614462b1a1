import { expect } from '@playwright/test';

import { expectNoHorizontalScroll, logInAs, type DemoUser } from './accounts';
import { expectNoAxeViolations, expectRouteAccessible, expectRoutesAccessible } from './axe';
import { openRoute } from './navigate';
import { asRole, test } from './sessions';

/** Every page of the accounts issue passes axe (WCAG 2.1 A and AA), also at 320px. */

const check = expectRouteAccessible;

test.describe('niet ingelogd', () => {
  const pages: [string, string][] = [
    ['/inloggen', 'Inloggen'],
    ['/wachtwoord-vergeten', 'Wachtwoord vergeten'],
    ['/wachtwoord-herstellen', 'Nieuw wachtwoord kiezen'],
    ['/wachtwoord-herstellen#token=voorbeeld-token-123456', 'Nieuw wachtwoord kiezen'],
    ['/uitnodiging', 'Uitnodiging aanvaarden'],
    ['/uitnodiging#token=voorbeeld-token-123456', 'Uitnodiging aanvaarden'],
  ];
  test('every page passes axe', async ({ page }) => {
    await expectRoutesAccessible(page, pages);
  });

  test('the login form with its error summary passes axe and fits 320px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/inloggen');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.locator('.spoorboek-error-summary')).toBeFocused();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });

  test('the forgot-password confirmation passes axe', async ({ page }) => {
    await page.goto('/wachtwoord-vergeten');
    await page.getByLabel('E-mailadres').fill('a11y-onbekend@gemeente.example');
    await page.getByRole('button', { name: 'Herstellink versturen' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Kijk in uw e-mail' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the header with the login link fits 320px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Inloggen' })).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});

const NON_ADMINS: DemoUser[] = ['redacteur', 'utrecht', 'bollenstreek', 'stimulansz'];

for (const who of NON_ADMINS) {
  test.describe(`ingelogd als ${who}`, () => {
    test.use(asRole(who));

    // One test, one page: a fresh page per check cost more than the checks.
    test('Mijn account passes axe and fits 320px; Geen toegang on every admin page passes axe', async ({ page }) => {
      await check(page, '/mijn-account', 'Mijn account');
      await page.setViewportSize({ width: 320, height: 640 });
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
      await page.setViewportSize({ width: 1280, height: 720 });
      for (const path of ['/beheer/gebruikers', '/beheer/koppelingen', '/beheer/auditlog', '/beheer/e-mailvoorbeelden']) {
        await test.step(path, () => check(page, path, 'Geen toegang'));
      }
    });
  });
}

test('setting up a second factor (QR code and key) passes axe at 320px', async ({ page }) => {
  // A login of its own: starting the set-up changes the account, not only this page.
  await logInAs(page, 'redacteur');
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/mijn-account#tweede-factor');
  await expect(page.getByRole('heading', { level: 2, name: 'Tweede factor' })).toBeFocused();
  await page.getByRole('button', { name: 'Tweede factor instellen' }).click();
  await expect(page.getByRole('img', { name: /QR-code/ })).toBeVisible();
  await page.getByRole('button', { name: 'Tweede factor aanzetten' }).click();
  await expect(page.locator('.spoorboek-error-summary')).toBeFocused();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
});

test.describe('ingelogd als beheerder', () => {
  test.use(asRole('beheerder'));

  const pages: [string, string][] = [
    ['/mijn-account', 'Mijn account'],
    ['/beheer/gebruikers', 'Gebruikers'],
    ['/beheer/gebruikers?rol=gemeente', 'Gebruikers'],
    ['/beheer/gebruikers?zoek=bestaat-niet', 'Gebruikers'],
    ['/beheer/gebruikers/uitnodigen', 'Gebruiker uitnodigen'],
    ['/beheer/gebruikers/4', 'Bas Bollenstreek (demo)'],
    ['/beheer/koppelingen', 'Koppelingen'],
    ['/beheer/koppelingen/nieuw', 'Koppeling aanmaken'],
    ['/beheer/koppelingen/sbc_demo_script_utrecht', 'Voortgangsscript Utrecht (demo)'],
    ['/beheer/auditlog', 'Auditlog'],
    // The mail previews (frames axe cannot enter) are checked in experts.spec.ts.
  ];
  test('every page passes axe', async ({ page }) => {
    await expectRoutesAccessible(page, pages);
  });

  test('the admin pages fit 320px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const [path, heading] of pages) {
      await openRoute(page, path, heading);
      await expect(page.getByText(/laden…$/)).toHaveCount(0);
      await expectNoHorizontalScroll(page);
    }
  });

  test('the invite form with errors and the municipality search passes axe', async ({ page }) => {
    await page.goto('/beheer/gebruikers/uitnodigen');
    await page.getByRole('checkbox', { name: 'Gemeentelijke contactpersoon' }).check();
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await expect(page.locator('.spoorboek-error-summary')).toBeFocused();
    await page.getByRole('searchbox', { name: 'Zoek een gemeente' }).fill('Lei');
    await expect(page.getByRole('checkbox', { name: /^Leiden/ })).toBeVisible();
    await page.getByRole('checkbox', { name: /^Leiden/ }).check();
    await expectNoAxeViolations(page);
  });

  test('a new machine client with its one-time secret passes axe', async ({ page }) => {
    await page.goto('/beheer/koppelingen/nieuw');
    await page.getByLabel('Naam', { exact: true }).fill(`A11y-koppeling ${Date.now()}`);
    await page.getByRole('checkbox', { name: 'Producten lezen (ook geplande producten)' }).check();
    await page.getByLabel('Organisatie', { exact: true }).selectOption('divosa');
    await page.getByRole('button', { name: 'Koppeling aanmaken' }).click();
    await expect(page.locator('.spoorboek-secret-panel')).toBeFocused();
    await expectNoAxeViolations(page);
  });
});
