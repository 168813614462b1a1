import { expect, test } from '@playwright/test';

import { expectNoHorizontalScroll } from './accounts';
import { expectNoAxeViolations } from './axe';
import { newContext } from './products';

/*
 * The forecast on a cell's page (docs/forecast.md): the programme team reads the chance in words
 * and figure, its basis and the method; a municipal contact's page has no forecast. At 360 px and
 * axe-clean.
 */

test('an advisor reads the chance that a measure will not be on time, and the method', async ({ browser }, testInfo) => {
  const context = await newContext(browser, testInfo, 'redacteur');
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/voortgang/gemeenten/GM0363/M20');
  const section = page.getByRole('region', { name: 'Prognose' });
  await expect(section).toContainText(/Kans dat dit niet op tijd af is: (\d{1,3}|minder dan 1|meer dan 99) %/);
  await expect(section.getByText(/ingangsdatum/).first()).toBeVisible();
  await section.getByText('Hoe deze kans berekend wordt').click();
  await expect(section.getByText(/dag voor dag door/)).toBeVisible();
  await expectNoHorizontalScroll(page, 360);
  await expectNoAxeViolations(page);
  await context.close();

  const contactContext = await newContext(browser, testInfo, 'utrecht');
  const contact = await contactContext.newPage();
  await contact.goto('/voortgang/gemeenten/GM0344/M20');
  await expect(contact.getByRole('heading', { level: 2, name: 'Huidige stand' })).toBeVisible();
  await expect(contact.getByRole('region', { name: 'Prognose' })).toHaveCount(0);
  await contactContext.close();
});
