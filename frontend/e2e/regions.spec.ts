import { expect, test, type Page } from '@playwright/test';

import { expectNoHorizontalScroll } from './accounts';
import { expectNoAxeViolations } from './axe';

/** Provinces and labour-market regions on the map, the dashboard and a page of their own. */

async function waitUntilLoaded(page: Page) {
  await expect(page.getByText(/laden…$/)).toHaveCount(0, { timeout: 20_000 });
}

/** The smallest text of these elements as drawn, in CSS px (an SVG's text scales with its drawing). */
function smallestText(page: Page, selector: string): Promise<number> {
  return page.evaluate((chosen) => {
    let smallest = Infinity;
    for (const element of document.querySelectorAll(chosen)) {
      if (!element.textContent?.trim()) continue;
      let size = parseFloat(getComputedStyle(element).fontSize);
      const svg = element.closest('svg');
      const box = svg?.viewBox.baseVal;
      if (svg && box?.width) size *= svg.getBoundingClientRect().width / box.width;
      smallest = Math.min(smallest, size);
    }
    return smallest;
  }, selector);
}

test('the public finds the province of Groningen on the map and opens its page', async ({ page }) => {
  await page.goto('/kaart');
  await expect(page.getByRole('status')).toHaveText('342 gemeenten op de kaart.');
  await page.getByLabel('Niveau').selectOption('provincie');
  await page.getByRole('button', { name: 'Kaart tonen' }).click();
  await expect(page).toHaveURL(/\/kaart\?niveau=provincie$/);
  await expect(page.getByRole('status')).toHaveText('12 provincies op de kaart.');
  const map = page.getByRole('group', { name: /^Kaart van de provincies: aandeel geïmplementeerd/ });
  await expect(map.getByRole('link')).toHaveCount(12);
  const onMap = map.getByRole('link', { name: /^Groningen: \d+%$/ });
  await expect(onMap).toBeVisible();
  // The table beside the map has the same province with the same value, linking to its page.
  const table = page.getByRole('table', { name: /per provincie \(12\)/ });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Groningen', exact: true }) });
  const value = (await onMap.getAttribute('aria-label'))?.replace('Groningen: ', '') ?? '';
  await expect(row.getByRole('cell').first()).toHaveText(value);
  await expect(row.getByRole('link', { name: 'Groningen' })).toHaveAttribute('href', '/provincies/PV20');
  await expectNoAxeViolations(page);

  await onMap.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/provincies\/PV20$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Provincie Groningen' })).toBeVisible();
  await waitUntilLoaded(page);
  const ranked = page.getByRole('table', { name: /^De \d+ gemeenten van Provincie Groningen, op volgorde/ });
  await expect(ranked.getByRole('link', { name: 'Groningen', exact: true })).toHaveAttribute('href', '/gemeenten/GM0014');
  await expect(page.getByText(/^[\d,]+\s?% \((gelijk|[+−][\d,]+ procentpunt) sinds \d+ [a-z]+\)$/).first()).toBeVisible();
  // Ranked: the share implemented (third column) never rises down the table.
  const shares = (await ranked.locator('tbody tr td:nth-child(3)').allTextContents()).map((text) => parseInt(text, 10));
  expect(shares.length).toBeGreaterThan(5);
  expect(shares).toEqual([...shares].sort((a, b) => b - a));
  await expect(page.getByRole('link', { name: /Download de cijfers per gemeente van Provincie Groningen als CSV/ })).toHaveAttribute(
    'href',
    /\/provincies\/PV20\/voortgang\?formaat=csv$/,
  );
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalScroll(page, 360);
  await page.goto('/kaart?niveau=arbeidsmarktregio&indicator=te-laat');
  await expect(page.getByRole('status')).toHaveText("35 arbeidsmarktregio's op de kaart.");
  await expect(page.getByRole('columnheader', { name: 'Gemiddeld aantal maatregelen te laat per gemeente' })).toBeVisible();
  await expectNoHorizontalScroll(page, 360);
  expect(await smallestText(page, '.spoorboek-map-legend li')).toBeGreaterThanOrEqual(12);
  await expectNoAxeViolations(page);
});

test('the dashboard totals per province and region; at 360 px its charts keep their text and "Vandaag" clear of the waves', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await waitUntilLoaded(page);
  const totals = page.getByRole('region', { name: 'Voortgang per provincie en arbeidsmarktregio' });
  const provinces = totals.getByRole('table', { name: /^Voortgang per provincie \(12\)/ });
  await expect(provinces.getByRole('rowheader')).toHaveCount(12);
  await expect(provinces.getByRole('link', { name: 'Groningen' })).toHaveAttribute('href', '/provincies/PV20');
  // Each province's share with its change since the end of last month, as the key figures have it.
  await expect(provinces.getByRole('columnheader', { name: /^Verandering sinds \d+ [a-z]+$/ })).toBeVisible();
  await expect(totals.getByRole('table', { name: /^Voortgang per arbeidsmarktregio \(35\)/ }).getByRole('link', { name: 'Groningen' })).toHaveAttribute(
    'href',
    '/arbeidsmarktregios/AM01',
  );
  await expect(page.locator('.spoorboek-trend text').first()).toBeVisible();
  await expectNoHorizontalScroll(page, 360);
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(page.locator('.spoorboek-trend text').first()).toBeVisible();
    expect(await smallestText(page, '.spoorboek-trend text, .spoorboek-timeline span, .spoorboek-bars li, .spoorboek-chart-legend li')).toBeGreaterThanOrEqual(
      12,
    );
    const today = await page.locator('.spoorboek-timeline__today').boundingBox();
    expect(today).not.toBeNull();
    for (const wave of await page.locator('.spoorboek-timeline__wave, .spoorboek-timeline__year').all()) {
      const box = await wave.boundingBox();
      if (!box || !today) continue;
      const apart =
        today.x >= box.x + box.width || box.x >= today.x + today.width || today.y >= box.y + box.height || box.y >= today.y + today.height;
      expect(apart, `"Vandaag" overlaps "${await wave.textContent()}" at ${width} px`).toBe(true);
    }
  }
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoAxeViolations(page);
});
