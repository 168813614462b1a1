import { expect, test } from '@playwright/test';

import { expectNoAxeViolations } from './axe';

// The three waves of spoor 1 as seeded by `spoorboek seed`, with their dates written out in Dutch.
const WAVES = [
  {
    name: 'Fase 1: in werking per 1 januari 2026',
    measures: 12,
    dates: {
      Ingangsdatum: '1 januari 2026',
      'Toepasbaar vanaf': '1 januari 2026',
      'Producten gereed op': '31 december 2025',
    },
  },
  {
    name: 'Fase 2: gedoogjaar 2026',
    measures: 2,
    dates: {
      Ingangsdatum: '1 januari 2027',
      'Toepasbaar vanaf': '1 januari 2026',
      'Producten gereed op': '1 juli 2026',
    },
  },
  {
    name: 'Fase 3: in werking per 1 januari 2027',
    measures: 9,
    dates: {
      Ingangsdatum: '1 januari 2027',
      'Toepasbaar vanaf': '1 januari 2027',
      'Producten gereed op': '31 december 2026',
    },
  },
];

test.describe('maatregelen', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/maatregelen');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Maatregelen Participatiewet in balans, spoor 1' }),
    ).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('23 maatregelen in 3 fasen.');
  });

  test('shows all 23 measures, grouped in the three waves with their dates', async ({ page }) => {
    await expect(page).toHaveTitle('Maatregelen spoor 1 – Spoorboek');
    await expect(page.getByRole('region')).toHaveCount(WAVES.length);

    let total = 0;
    for (const wave of WAVES) {
      const region = page.getByRole('region', { name: wave.name });
      await expect(region.getByRole('heading', { level: 2, name: wave.name })).toBeVisible();
      await expect(region.getByRole('listitem')).toHaveCount(wave.measures);
      await expect(region.getByRole('heading', { level: 3 })).toHaveCount(wave.measures);
      const facts = region.locator(':scope > dl');
      for (const [term, date] of Object.entries(wave.dates)) {
        await expect(facts.locator('dt', { hasText: term }).locator('+ dd')).toHaveText(date);
      }
      total += wave.measures;
    }
    expect(total).toBe(23);
    await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(23);
  });

  test('shows code, title, theme, obligation, effective date and summary of a measure', async ({ page }) => {
    const measure = page.getByRole('listitem').filter({
      has: page.getByRole('heading', { level: 3, name: 'M01 Giftenvrijlating' }),
    });
    await expect(measure).toContainText('Vaststellen recht op bijstand');
    await expect(measure).toContainText('Verplicht');
    await expect(measure.locator('time')).toHaveText('1 januari 2026');
    await expect(measure.locator('time')).toHaveAttribute('datetime', '2026-01-01');
    await expect(measure.getByRole('paragraph')).not.toBeEmpty();

    const optional = page.getByRole('listitem').filter({
      has: page.getByRole('heading', { level: 3, name: /^M04 / }),
    });
    await expect(optional).toContainText('Kan-bepaling (de gemeente mag kiezen)');
  });

  test('fits a 320px wide screen without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await expect(page.getByRole('region')).toHaveCount(WAVES.length);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page);
  });
});
