import { expect, type Page } from '@playwright/test';

import { DEMO_USERS, expectNoHorizontalScroll } from './accounts';
import { expectNoAxeViolations, expectRouteAccessible } from './axe';
import { openRoute } from './navigate';
import { inviteDemoTester, newContext, uniqueWord } from './products';
import { bell, bellCount, unreadCount } from './notifications';
import { asRole, csrfToken, openAs, test } from './sessions';


/** Calls the API with the page's session, as the SPA does; fails the test on any other status. */
async function apiPost(page: Page, path: string, data: object, status: number): Promise<{ id: number }> {
  const response = await page.request.post(`/api/v1${path}`, { headers: { 'X-CSRF-Token': await csrfToken(page) }, data });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(status);
  return (await response.json()) as { id: number };
}

/** A product of its own in review (a draft with one link), made through the API as the editor. */
async function productInReview(page: Page, title: string): Promise<number> {
  const { id } = await apiPost(
    page,
    '/producten',
    {
      soort: 'factsheet',
      titel: title,
      samenvatting: 'Een factsheet om de meldingen van Spoorboek mee te testen.',
      maatregelen: ['M01'],
      doelgroepen: ['beleidsmedewerker'],
      licentie: 'CC-BY-4.0',
    },
    201,
  );
  await apiPost(page, `/producten/${id}/statuswijzigingen`, { naar: 'in-ontwikkeling' }, 200);
  await apiPost(page, `/producten/${id}/links`, { naam: 'Factsheet online', url: 'https://www.example.org/factsheet' }, 201);
  await apiPost(page, `/producten/${id}/statuswijzigingen`, { naar: 'in-toetsing' }, 200);
  return id;
}

test.describe('ingelogd als redacteur', () => {
  test.use(asRole('redacteur'));

  test('an invited tester hears of it through the bell, reviews, and the editor hears the verdict', async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(90_000);
    const title = `Factsheet ${uniqueWord('Meldtoets')}`;
    await openAs(page, 'redacteur');
    const productId = await productInReview(page, title);

    // The Utrecht contact, in a browser of her own, before the invitation.
    const testerContext = await newContext(browser, testInfo, 'utrecht');
    const tester = await testerContext.newPage();
    await openAs(tester, 'utrecht');
    await expect(bell(tester)).toBeVisible();
    const before = await unreadCount(tester);

    // The editor picks her by name on the product's page and invites her.
    await page.goto(`/producten/${productId}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await inviteDemoTester(page.getByRole('region', { name: 'Toetsing', exact: true }));

    // Her bell counts it (at the next minute's poll, or at once on the next page she opens).
    await tester.goto('/toegankelijkheid');
    await expect.poll(() => bellCount(tester)).toBeGreaterThan(before);
    await bell(tester).click();
    await expect(tester.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
    const notice = tester.getByRole('listitem', { name: `Toetsen: ${title}` });
    await expect(notice).toContainText('Ongelezen');
    await expect(notice).toContainText(`U bent uitgenodigd om conceptversie 1 van '${title}' te toetsen.`);

    // Following it leads to the product and reads it; the bell asks for its count again.
    const marked = tester.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/gelezen'));
    const recounted = tester.waitForResponse(
      (r) => r.request().method() === 'GET' && r.url().endsWith('/api/v1/meldingen/aantal-ongelezen'),
    );
    await notice.getByRole('link', { name: `Toetsen: ${title}` }).click();
    expect((await marked).status()).toBe(200);
    expect((await recounted).status()).toBe(200);
    await expect(tester).toHaveURL(new RegExp(`/producten/${productId}$`));
    await expect(tester.getByRole('heading', { level: 1, name: title })).toBeVisible();

    // She approves.
    const review = tester.getByRole('region', { name: 'Uw toetsing van versie 1', exact: true });
    await review.getByRole('radio', { name: 'Goedgekeurd' }).check();
    await review.getByRole('button', { name: 'Oordeel versturen' }).click();
    await expect(review.getByRole('status')).toContainText('Uw oordeel is verstuurd: Goedgekeurd.');

    // Back in the centre, the notice is read.
    await tester.goto('/meldingen');
    await expect(notice).toBeVisible();
    await expect(notice).not.toContainText('Ongelezen');
    await testerContext.close();

    // The editor who invited her hears the verdict.
    await page.goto('/toegankelijkheid');
    await expect.poll(() => bellCount(page)).toBeGreaterThan(0);
    await bell(page).click();
    const verdict = page.getByRole('listitem', { name: `Oordeel over ${title}: goedgekeurd` });
    await expect(verdict).toContainText('Ongelezen');
    await expect(verdict).toContainText(`${DEMO_USERS.utrecht.name} heeft versie 1 van '${title}' getoetst: goedgekeurd.`);
    await expect(verdict.getByRole('link', { name: `Oordeel over ${title}: goedgekeurd` })).toHaveAttribute(
      'href',
      `/producten/${productId}`,
    );

    await expectNoAxeViolations(page);

    // Marked read from the centre: the word goes, the focus stays at the notice.
    await verdict.getByRole('button', { name: 'Markeer als gelezen' }).click();
    await expect(verdict).not.toContainText('Ongelezen');
    await expect(verdict.getByRole('link')).toBeFocused();

    // Only unread ones, on request, kept in the URL; marking all empties that list.
    await page.getByRole('checkbox', { name: 'Alleen ongelezen' }).check();
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page).toHaveURL(/\/meldingen\?ongelezen=true$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Ongelezen meldingen' })).toBeFocused();
    const listStatus = page.locator('#resultaten + [role="status"]');
    await expect(listStatus).toHaveText(/^(U hebt geen ongelezen meldingen|\d+ ongelezen melding(en)?)\.$/);
    await expect(page.getByRole('listitem', { name: `Oordeel over ${title}: goedgekeurd` })).toHaveCount(0);
    if ((await listStatus.textContent()) !== 'U hebt geen ongelezen meldingen.') {
      await page.getByRole('button', { name: 'Alles als gelezen markeren' }).click();
      await expect(page.getByText(/^\d+ melding(en)? (is|zijn) als gelezen gemarkeerd\.$/)).toBeVisible();
    }
    await expect(listStatus).toHaveText('U hebt geen ongelezen meldingen.');
  });

  test('the centre and Mijn meldingen pass axe and fit a 360px and a 320px screen', async ({ page }) => {
    await expectRouteAccessible(page, '/meldingen', 'Meldingen');
    await expectRouteAccessible(page, '/mijn-meldingen', 'Mijn meldingen');
    for (const width of [360, 320]) {
      await page.setViewportSize({ width, height: 740 });
      for (const [path, heading] of [
        ['/meldingen', 'Meldingen'],
        ['/mijn-meldingen', 'Mijn meldingen'],
      ] as const) {
        await openRoute(page, path, heading);
        await expect(page.getByRole('main')).not.toContainText(/laden…/);
        await expect(bell(page)).toBeVisible();
        await expectNoHorizontalScroll(page, width);
      }
    }
  });

  test('Mijn meldingen saves a choice, and is reached from Mijn account', async ({ page }) => {
    await page.goto('/mijn-account');
    await page.getByRole('main').getByRole('link', { name: 'Mijn meldingen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn meldingen' })).toBeVisible();
    const group = page.getByRole('radiogroup', { name: 'Leverdatum van een product' });
    await expect(group.getByRole('radio', { name: 'In het dagoverzicht per e-mail (standaard)' })).toBeChecked();
    await group.getByRole('radio', { name: 'Alleen in Spoorboek' }).check();
    await page.getByRole('button', { name: 'Keuzes opslaan' }).click();
    await expect(page.getByText('Uw keuzes zijn opgeslagen.')).toBeVisible();
    await page.reload();
    await expect(group.getByRole('radio', { name: 'Alleen in Spoorboek' })).toBeChecked();
    // Back to the default, so the shared demo account is as it was.
    await group.getByRole('radio', { name: 'In het dagoverzicht per e-mail (standaard)' }).check();
    await page.getByRole('button', { name: 'Keuzes opslaan' }).click();
    await expect(page.getByText('Uw keuzes zijn opgeslagen.')).toBeVisible();
  });
});

test('an unknown unsubscribe link says so, without logging in, and passes axe', async ({ page }) => {
  await page.goto(`/meldingen/afmelden?token=${'x'.repeat(32)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Afmelden voor e-mail' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Deze afmeldlink kennen we niet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Afmelden' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
