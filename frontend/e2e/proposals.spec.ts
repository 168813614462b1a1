import { expect, type Page } from '@playwright/test';

import { newContext, uniqueWord } from './products';
import { asRole, openAs, test } from './sessions';
import { expectAccessibleAtWidths } from './widths';


/** The demo product that an adopted proposal carries into its next version: published, with a draft in the works. */
async function productWithDraft(page: Page): Promise<{ id: number; title: string }> {
  const answer = await page.request.get('/api/v1/producten?status=in-ontwikkeling&paginaGrootte=100');
  expect(answer.ok()).toBe(true);
  const { resultaten } = (await answer.json()) as { resultaten: { id: number; titel: string }[] };
  const [first] = resultaten;
  expect(first, 'a published demo product with a new version in the works').toBeTruthy();
  return { id: first!.id, title: first!.titel };
}

test.describe('ingelogd als redacteur', () => {
  test.use(asRole('redacteur'));

  test('a visitor answers "Was dit nuttig?" and sends a proposal; the editor adopts it from the inbox', async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(120_000);
    const word = uniqueWord('voorstel');
    const visitorContext = await newContext(browser, testInfo);
    const visitor = await visitorContext.newPage();
    const product = await productWithDraft(visitor);

    await visitor.goto(`/producten/${product.id}`);
    await expect(visitor.getByRole('heading', { level: 1, name: product.title })).toBeVisible();
    const block = visitor.getByRole('region', { name: 'Uw mening over dit product' });
    const yes = block.getByRole('button', { name: 'Ja', exact: true });
    const no = block.getByRole('button', { name: 'Nee', exact: true });
    await expect(yes).toBeEnabled();
    await yes.click();
    await expect(block.getByRole('status').first()).toContainText('Uw antwoord "ja" is vastgelegd voor versie 2');
    await expect(yes).toHaveAttribute('aria-pressed', 'true');
    // She changes her mind; after a reload the page still knows her answer (one per browser).
    await no.click();
    await expect(block.getByRole('status').first()).toContainText('Uw antwoord "nee" is vastgelegd');
    await visitor.reload();
    await expect(block.getByText('U antwoordde: nee.')).toBeVisible();
    await expect(no).toHaveAttribute('aria-pressed', 'true');

    // The proposal form: the error summary first, then the proposal with an address to hear back.
    await block.getByRole('button', { name: 'Voorstel versturen' }).click();
    const summary = visitor.locator('.spoorboek-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Uw voorstel: Beschrijf uw voorstel.');
    await block.getByLabel('Uw voorstel').fill(`Voeg een rekenvoorbeeld toe voor een gezin (${word}).`);
    await block.getByLabel('Uw e-mailadres (niet verplicht)').fill('bezoeker@example.org');
    await expectAccessibleAtWidths(visitor, { scroll: false });
    await block.getByRole('button', { name: 'Voorstel versturen' }).click();
    await expect(block.getByText('Dank u. Uw verbetervoorstel is verstuurd')).toBeVisible();
    await expect(block.getByLabel('Uw voorstel')).toHaveValue('');
    await visitorContext.close();

    // The editor finds it in the inbox among the new ones, and adopts it.
    await openAs(page, 'redacteur');
    await page.getByRole('navigation', { name: 'Redactie' }).getByRole('link', { name: 'Verbetervoorstellen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Verbetervoorstellen' })).toBeVisible();
    await page.getByLabel('Status').selectOption({ label: 'Nieuw' });
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page).toHaveURL(/status=nieuw/);
    const row = page.getByRole('row', { name: new RegExp(word) });
    await expect(row).toContainText('bezoeker@example.org');
    await expectAccessibleAtWidths(page, { scroll: false });
    await row.getByRole('link', { name: new RegExp(word) }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Verbetervoorstel \d+$/ })).toBeVisible();
    await page.getByRole('button', { name: 'Besluiten' }).click();
    await expect(page.locator('.spoorboek-error-summary')).toBeFocused();
    await page.getByRole('radio', { name: 'Overnemen' }).check();
    await page.getByRole('button', { name: 'Overnemen' }).click();
    await expect(page.getByText('Het voorstel is nu: overgenomen. De indiener krijgt bericht.')).toBeVisible();
    await expect(page.locator('.spoorboek-facts')).toContainText('Overgenomen: het komt in versie 3.');
    await expect(page.getByRole('heading', { name: 'Geschiedenis' })).toBeVisible();
    await expectAccessibleAtWidths(page, { scroll: false });
  });
});
