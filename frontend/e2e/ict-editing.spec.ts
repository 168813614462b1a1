import { expect } from '@playwright/test';

import { expectNoHorizontalScroll } from './accounts';
import { expectNoAxeViolations, expectRouteAccessible } from './axe';
import { asRole, test } from './sessions';

// Tulpdata's catalogue: no other browser test reads its applications, and the new one has a
// name of its own, so a rerun on the same database adds another instead of failing on the first.
const SUPPLIER = 'Tulpdata (demo)';
const HISTORY = '/ict/gemeenten/GM0344/historie';

test.describe('ingelogd als redacteur', () => {
  test.use(asRole('redacteur'));

  test('an editor adds an application to a supplier and renames it; the supplier’s page names its open signals', async ({ page }) => {
    test.setTimeout(60_000);
    const name = `e2e-pakket-${Date.now().toString(36)}`;
    await page.goto('/ict/leveranciers/demo-tulpdata');
    await expect(page.getByRole('heading', { level: 1, name: SUPPLIER })).toBeVisible();
    const signals = page.getByRole('region', { name: 'Open signalen' });
    await expect(signals.getByRole('link', { name: `Alle open signalen over ${SUPPLIER} in het register` })).toHaveAttribute(
      'href',
      '/signalen?leverancier=demo-tulpdata&open=true',
    );

    // Nothing is sent without a name and a domain; the summary takes focus.
    const form = page.getByRole('form', { name: 'Nieuwe applicatie' });
    await form.getByRole('button', { name: 'Applicatie toevoegen' }).click();
    const summary = page.locator('.spoorboek-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Kies minstens één domein.');

    await form.getByRole('textbox', { name: /^Naam/ }).fill(name);
    await form.getByRole('checkbox', { name: 'Werk' }).check();
    await form.getByRole('button', { name: 'Applicatie toevoegen' }).click();
    await expect(form.getByRole('status')).toHaveText(`De applicatie ${name} is toegevoegd aan ${SUPPLIER}.`);
    await expect(form.getByRole('textbox', { name: /^Naam/ })).toHaveValue('');

    // The same name again is refused at the field.
    await form.getByRole('textbox', { name: /^Naam/ }).fill(name);
    await form.getByRole('checkbox', { name: 'Werk' }).check();
    await form.getByRole('button', { name: 'Applicatie toevoegen' }).click();
    await expect(summary).toBeFocused();
    await expect(form.locator('.utrecht-form-field__error-message')).toContainText(`al een applicatie ${name}`);

    await page.getByRole('table', { name: 'Applicaties van deze leverancier' }).getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const change = page.getByRole('form', { name: 'Naam en domeinen wijzigen' });
    await change.getByRole('textbox', { name: /^Naam/ }).fill(`${name} hernoemd`);
    await change.getByRole('checkbox', { name: 'Schulden' }).check();
    await change.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await expect(change.getByRole('status')).toHaveText(`De wijziging is opgeslagen: ${name} hernoemd, werk, schulden.`);
    await expect(page.getByRole('heading', { level: 1, name: `${name} hernoemd` })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/ict/leveranciers/demo-tulpdata');
    await expect(page.getByRole('table', { name: 'Applicaties van deze leverancier' }).getByRole('link', { name: `${name} hernoemd` })).toBeVisible();
    await expectNoHorizontalScroll(page, 360);
    await expectNoAxeViolations(page);
  });

  test('the team reads Utrecht’s application history', async ({ page }) => {
    await expectRouteAccessible(page, HISTORY, 'Geschiedenis van de applicaties van Utrecht');
    const income = page.getByRole('table', { name: /^Wijzigingen van de applicaties van Utrecht/ }).getByRole('row', { name: /Inkomen/ });
    await expect(income.first()).toContainText('Rekenwerk Inkomen (demo), van Rekenwerk Software (demo)');
    await expect(income.first()).toContainText('Import uit softwarecatalogus');
  });
});

test.describe('ingelogd als contactpersoon van Utrecht', () => {
  test.use(asRole('utrecht'));

  test('Utrecht’s contact reads its application history, also on a 360px screen; another municipality’s is not found', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await expectRouteAccessible(page, HISTORY, 'Geschiedenis van de applicaties van Utrecht');
    await expect(page.getByRole('table', { name: /^Wijzigingen van de applicaties van Utrecht/ }).getByRole('row')).not.toHaveCount(0);
    await expectNoHorizontalScroll(page, 360);
    await page.goto('/ict/gemeenten/GM0363/historie');
    await expect(page.getByRole('heading', { level: 1, name: 'Gemeente niet gevonden' })).toBeVisible();
  });
});
