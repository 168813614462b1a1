import { expect } from '@playwright/test';

import { expectNoHorizontalScroll } from './accounts';
import { expectNoAxeViolations } from './axe';
import { asRole, test } from './sessions';

test.describe('ingelogd als contactpersoon van Utrecht', () => {
  test.use(asRole('utrecht'));

  test('she chooses a weekly persoonlijk overzicht and previews it with her municipality’s dates', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/mijn-account#persoonlijk-overzicht');
    const section = page.getByRole('region', { name: 'Persoonlijk overzicht' });
    await expect(section.getByRole('heading', { level: 2, name: 'Persoonlijk overzicht' })).toBeFocused();

    await section.getByLabel('Wekelijks').check();
    await section.getByRole('button', { name: 'Keuze opslaan' }).click();
    await expect(section.getByRole('status')).toHaveText(/^Opgeslagen\. Uw volgende overzicht komt op \d+ \w+ \d{4}\.$/);

    await section.getByRole('button', { name: 'Voorbeeld tonen' }).click();
    const preview = section.getByRole('region', { name: /^Voorbeeld: Uw persoonlijk overzicht van week \d+ van \d{4}$/ });
    await expect(preview.getByRole('heading', { level: 3, name: 'Utrecht (GM0344)' })).toBeVisible();
    const dates = preview.getByRole('heading', { level: 4, name: 'Uiterlijk beginnen' }).locator('xpath=following-sibling::ul[1]');
    await expect(dates.getByRole('listitem').first()).toContainText(/\d+ \w+ \d{4}: M\d\d /);
    for (const link of await dates.getByRole('link').all()) {
      await expect(link).toHaveAttribute('href', /^\/voortgang\/gemeenten\/GM0344\/M\d\d$/);
    }
    // Only her own municipality: no other part.
    await expect(preview.getByRole('heading', { level: 3, name: /\(GM\d{4}\)$/ })).toHaveText(['Utrecht (GM0344)']);

    await expectNoHorizontalScroll(page, 360);
    await expectNoAxeViolations(page);
  });
});
