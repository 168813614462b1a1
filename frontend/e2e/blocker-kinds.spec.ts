import { expect } from '@playwright/test';

import { expectNoAxeViolations } from './axe';
import { asRole, test } from './sessions';

/* Utrecht's M22 is this spec's own: no other test reads or writes it. */

test.describe('ingelogd als gemeente Utrecht', () => {
  test.use(asRole('utrecht'));

  test('a municipal contact gives a blocker its kind, and is told when a kind has no blocker', async ({ page }) => {
    await page.goto('/voortgang/gemeenten/GM0344/M22');
    const form = page.getByRole('form', { name: 'Stand wijzigen' });
    const kind = form.getByRole('combobox', { name: 'Soort knelpunt (niet verplicht)' });
    await expect(kind.getByRole('option', { name: 'Geen soort gekozen' })).toHaveCount(1);

    await form.getByLabel('Knelpunten (niet verplicht)').fill('Dekking nog niet in de begroting');
    await kind.selectOption({ label: 'Financiën' });
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect(form.getByRole('status')).toHaveText(/^De stand is opgeslagen \(versie \d+\)\.$/);

    const state = page.getByRole('region', { name: 'Huidige stand' });
    await expect(state.getByRole('definition').filter({ hasText: 'Financiën' })).toHaveCount(1);
    const history = page.getByRole('region', { name: 'Geschiedenis' });
    await expect(history.getByRole('row').nth(1)).toContainText('Soort knelpunt: geen → Financiën');
    const saved = await page.request.get('/api/v1/gemeenten/GM0344/voortgang/M22');
    expect((await saved.json()) as { knelpuntSoort: string | null }).toMatchObject({ knelpuntSoort: 'financien' });

    // A kind beside an emptied blocker is refused before anything is sent.
    await form.getByLabel('Knelpunten (niet verplicht)').fill('');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    const summary = page.locator('.spoorboek-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: /^Soort knelpunt: Beschrijf het knelpunt/ })).toHaveAttribute(
      'href',
      '#knelpuntSoort',
    );
    await expect(kind).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);

    await kind.selectOption({ label: 'Geen soort gekozen' });
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect(form.getByRole('status')).toHaveText(/^De stand is opgeslagen \(versie \d+\)\.$/);
    await expect(history.getByRole('row').nth(1)).toContainText('Soort knelpunt: Financiën → geen');
  });
});
