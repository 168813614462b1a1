import { expect, test } from '@playwright/test';

import { expectNoAxeViolations } from './axe';

test('the accessibility statement is reachable from the footer and passes axe', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Toegankelijkheidsverklaring' }).click();

  await expect(page).toHaveURL(/\/toegankelijkheid$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' })).toBeVisible();
  await expect(page).toHaveTitle('Toegankelijkheidsverklaring – Spoorboek');
  await expect(page.getByRole('main')).toContainText('WCAG) 2.1');
  await expect(page.getByRole('link', { name: 'spoorboek@spoorboek.example' })).toHaveAttribute(
    'href',
    'mailto:spoorboek@spoorboek.example',
  );
  // After client-side navigation the new page's content has focus, as after a page load.
  await expect(page.getByRole('main')).toBeFocused();
  await expectNoAxeViolations(page);
});

test('the accessibility statement loads directly and fits 320px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/toegankelijkheid');
  await expect(page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(page);
});

test('the skip link is the first stop of the keyboard and moves to the content', async ({ page }) => {
  await page.goto('/');
  const skipLink = page.getByRole('link', { name: 'Naar de inhoud' });
  // React may render after the load event; a Tab pressed before that lands nowhere.
  await expect(skipLink).toBeAttached();
  await page.keyboard.press('Tab');
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#inhoud$/);
  await expect(page.getByRole('main')).toBeFocused();
});

test('the landmarks and product name are there', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('banner')).toContainText('Spoorboek');
  await expect(page.getByRole('main')).toHaveAttribute('id', 'inhoud');
  await expect(page.getByRole('contentinfo')).toBeVisible();
});

test('an unknown path shows a not-found page', async ({ page }) => {
  await page.goto('/bestaat-niet');
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the page runs under the server’s content security policy', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  // The dashboard's and the map's charts set their sizes through the DOM, which the policy allows.
  await expect(page.getByRole('region', { name: 'Voortgang per maatregel' }).getByRole('img')).toHaveCount(23);
  await page.goto('/kaart');
  await expect(page.getByRole('group', { name: /^Kaart van de gemeenten/ }).getByRole('link')).toHaveCount(342);
  await page.goto('/maatregelen');
  await expect(page.getByRole('status')).toHaveText('23 maatregelen in 3 fasen.');
  expect(violations).toEqual([]);
});
