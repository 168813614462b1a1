import { expect } from '@playwright/test';

import { expectNoHorizontalScroll } from './accounts';
import { expectNoAxeViolations, expectRouteAccessible, expectRoutesAccessible } from './axe';
import { openRoute } from './navigate';
import { asRole, test } from './sessions';
import { firstQuestion } from './questions';

/** Every question and FAQ screen passes axe (WCAG 2.1 A and AA) for the roles that use it. */

const check = expectRouteAccessible;

test.describe('niet ingelogd', () => {
  const pages: [string, string | RegExp][] = [
    ['/faq', 'Veelgestelde vragen'],
    ['/faq?zoek=beleidsregels', 'Veelgestelde vragen'],
    ['/faq?maatregel=M16', 'Veelgestelde vragen'],
    ['/faq/1', /\?$/],
    ['/faq/999999', 'Vraag niet gevonden'],
    ['/vragen', 'Inloggen'],
    ['/vragen/nieuw', 'Inloggen'],
    ['/mijn-vragen', 'Inloggen'],
  ];
  test('every page passes axe', async ({ page }) => {
    await expectRoutesAccessible(page, pages);
  });

  test('the FAQ shows search hits marked, grouped per measure, and fits 320px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/faq?zoek=beleidsregels');
    await expect(page.locator('mark').first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: /^M\d{2} / }).first()).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.goto('/faq/1');
    await expect(page.getByRole('region', { name: 'Versies', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Nieuwe versie' })).toHaveCount(0);
    await expectNoHorizontalScroll(page);
  });
});

test.describe('ingelogd als gemeente Utrecht', () => {
  test.use(asRole('utrecht'));

  test('asking, the own questions and one question pass axe', async ({ page }) => {
    await check(page, '/mijn-vragen', 'Mijn vragen');
    const own = await firstQuestion(page, 'sorteer=-ontvangenOp');
    await check(page, `/mijn-vragen/${own.id}`, `Vraag ${own.id}: ${own.onderwerp}`);
    await expect(page.getByRole('region', { name: 'Geschiedenis' })).toHaveCount(0);
    await check(page, '/vragen/nieuw', 'Vraag stellen');
    await page.getByLabel('Onderwerp').fill('Beleidsregels aanpassen');
    await expect(page.getByRole('region', { name: 'Lijkt op uw vraag' }).getByRole('link').first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Vraag versturen' }).click();
    await expect(page.locator('.spoorboek-error-summary')).toBeFocused();
    await expectNoAxeViolations(page);
  });

  test('the team screens are not for municipal contacts', async ({ page }) => {
    await check(page, '/vragen', 'Geen toegang');
    await check(page, '/vragen/inzicht', 'Geen toegang');
    await check(page, '/mijn-vragen/999999', 'Vraag niet gevonden');
  });

  test('asking fits 320px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const [path, heading] of [
      ['/vragen/nieuw', 'Vraag stellen'],
      ['/mijn-vragen', 'Mijn vragen'],
    ] as const) {
      await openRoute(page, path, heading);
      await expect(page.getByText(/laden…$/)).toHaveCount(0);
      await expectNoHorizontalScroll(page);
    }
  });
});

test.describe('ingelogd als redacteur', () => {
  test.use(asRole('redacteur'));

  const pages: [string, string | RegExp][] = [
    ['/vragen', 'Vragen'],
    ['/vragen?termijn=verlopen', 'Vragen'],
    ['/vragen?behandelaar=mij&status=toegewezen', 'Vragen'],
    ['/vragen/inzicht', 'Inzicht in vragen'],
    ['/vragen/nieuw', 'Vraag vastleggen'],
    ['/faq/1/nieuwe-versie', 'Nieuwe versie'],
  ];
  test('every page passes axe', async ({ page }) => {
    await expectRoutesAccessible(page, pages);
  });

  test('a question in progress, the FAQ proposal and an entry with editor actions pass axe', async ({ page }) => {
    const open = await firstQuestion(page, 'status=wacht-op-expert');
    await check(page, `/vragen/${open.id}`, `Vraag ${open.id}: ${open.onderwerp}`);
    await expect(page.getByRole('region', { name: /Intern/ })).toBeVisible();
    await page.getByRole('radio', { name: 'Beantwoorden' }).check();
    await page.getByRole('button', { name: 'Beantwoorden' }).click();
    await expect(page.locator('.spoorboek-error-summary')).toBeFocused();
    await expectNoAxeViolations(page);

    const answered = await firstQuestion(page, 'status=beantwoord');
    await check(page, `/vragen/${answered.id}/publiceren`, 'Publiceren als veelgestelde vraag');
    await check(page, '/faq/1', /\?$/);
    await expect(page.getByRole('link', { name: 'Nieuwe versie' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Intrekken' })).toBeVisible();
  });

  test('the inbox, a question and the insight fit 320px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    const open = await firstQuestion(page, 'status=toegewezen');
    for (const [path, heading] of [
      ['/vragen', 'Vragen'],
      [`/vragen/${open.id}`, `Vraag ${open.id}: ${open.onderwerp}`],
      ['/vragen/inzicht', 'Inzicht in vragen'],
    ] as const) {
      await openRoute(page, path, heading);
      await expect(page.getByText(/laden…$/)).toHaveCount(0);
      await expectNoHorizontalScroll(page);
    }
  });
});

test.describe('ingelogd als beheerder', () => {
  test.use(asRole('beheerder'));

  test('an admin assigns from the list of editors', async ({ page }) => {
    const open = await firstQuestion(page, 'status=nieuw');
    await check(page, `/vragen/${open.id}`, `Vraag ${open.id}: ${open.onderwerp}`);
    await page.getByRole('radio', { name: 'Toewijzen' }).check();
    await expect(page.getByLabel('Behandelaar').getByRole('option', { name: 'Ruud Redactie (demo)' })).toHaveCount(1);
    await expectNoAxeViolations(page);
  });
});
