import { expect, test, type Page } from '@playwright/test';

import { expectNoHorizontalScroll } from './accounts';
import { expectNoAxeViolations } from './axe';
import { openRoute } from './navigate';

/** The public pages: the dashboard, the map, a municipality and a measure, with the demo data. */

// The deficit trend is computed when first asked for; on a fresh test server that takes seconds.
async function waitUntilLoaded(page: Page) {
  await expect(page.getByText(/laden…$/)).toHaveCount(0, { timeout: 20_000 });
}

// How long the dashboard holds the main thread is a speed target: it belongs in a benchmark,
// not in a test that a busy machine can fail.
test('the dashboard shows the waves, progress per measure, the trend and what is new', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Invoering Participatiewet in balans' })).toBeVisible();
  await waitUntilLoaded(page);
  await expect(page).toHaveTitle('Voortgang invoering – Spoorboek');

  const timeline = page.getByRole('region', { name: 'Tijdlijn van de fasen' });
  await expect(timeline).toContainText(/gaat de volgende fase in, op \d+ \w+ \d{4}\./);
  await expect(timeline.getByRole('listitem')).toHaveCount(3);

  // Each key figure with its change since the month began; each wave beside its target.
  await expect(page.getByRole('region', { name: /^Landelijk op / })).toContainText(/(gelijk|[+−][\d,]+ procentpunt) sinds 1 \w+/);
  // The demo sets each wave a target of 90%: a sentence per wave beside its bar and the line.
  const perWave = page.getByRole('region', { name: 'Voortgang per fase en het doel', exact: true });
  await expect(perWave.getByRole('listitem').filter({ hasText: /^Fase \d.*Doel: 90% geïmplementeerd op / })).toHaveCount(3);
  await expect(perWave).toContainText('De zwarte lijn is het doel van het programma');

  const perMeasure = page.getByRole('region', { name: 'Voortgang per maatregel' });
  await expect(perMeasure.getByRole('img')).toHaveCount(23);
  await expect(perMeasure.getByRole('img').first()).toHaveAccessibleName(/^(Niet gestart|Oriënterend|Voorbereidend|Geïmplementeerd|Geëvalueerd) \d+/);
  await expect(perMeasure.getByRole('link', { name: 'Download de voortgang per maatregel als CSV' })).toHaveAttribute(
    'href',
    '/api/v1/voortgang/overzicht?groep=maatregel&formaat=csv',
  );
  await expect(perMeasure.getByRole('link', { name: 'CC BY 4.0' })).toBeVisible();
  // The table equivalent opens on request and holds the same 23 measures.
  await perMeasure.getByText('Toon de cijfers als tabel').click();
  await expect(perMeasure.getByRole('table').getByRole('rowheader')).toHaveCount(23);

  const trend = page.getByRole('region', { name: 'Implementatietekort door de tijd' });
  await expect(trend.getByRole('img')).toHaveAccessibleName(/^Het implementatietekort ging van \d+% op /);
  await expect(trend.getByRole('link', { name: 'Download het tekort per maand als CSV' })).toHaveAttribute('href', /\/voortgang\/trend\?formaat=csv$/);

  await expect(page.getByRole('region', { name: 'Wanneer de producten klaar moeten zijn' }).getByRole('listitem')).toHaveCount(3);
  const products = page.getByRole('region', { name: 'Nieuwste producten' });
  await expect(products.getByRole('listitem')).toHaveCount(5);
  await expect(products.getByRole('link').first()).toHaveAttribute('href', /^\/producten\/\d+$/);
  const faq = page.getByRole('region', { name: 'Nieuwste veelgestelde vragen' });
  await expect(faq.getByRole('link').first()).toHaveAttribute('href', /^\/faq\/\d+$/);
  await expectNoAxeViolations(page);

  // A bar's label leads to the measure's page.
  await perMeasure.getByRole('link', { name: 'M01 Giftenvrijlating' }).first().click();
  await expect(page).toHaveURL(/\/maatregelen\/M01$/);
});

test('links to one measure on the old front page still land on it', async ({ page }) => {
  await page.goto('/#maatregel-M05');
  await expect(page).toHaveURL(/\/maatregelen#maatregel-M05$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Maatregelen Participatiewet in balans, spoor 1' })).toBeVisible();
});

test('the map shows a value on hover and on keyboard focus, and opens a municipality', async ({ page }) => {
  await page.goto('/kaart');
  await expect(page.getByRole('heading', { level: 1, name: 'Kaart van de voortgang' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('342 gemeenten op de kaart.');
  const map = page.getByRole('group', { name: /^Kaart van de gemeenten/ });
  await expect(map.getByRole('link')).toHaveCount(342);
  const panel = page.locator('.spoorboek-map__panel');

  // Hover: the panel shows the name and the same value as the table.
  const table = page.getByRole('table', { name: /per gemeente \(342\)/ });
  const utrechtValue = await table.getByRole('row', { name: /^Utrecht / }).getByRole('cell').first().textContent();
  expect(utrechtValue).toMatch(/^\d+%$/);
  await map.getByRole('link', { name: /^Utrecht: / }).hover();
  await expect(panel).toHaveText(`Utrecht: ${utrechtValue}`);

  // Keyboard: one tab stop into the map, then the arrow keys; the panel follows the focus.
  await page.getByRole('link', { name: 'Standaard herstellen' }).focus();
  await page.mouse.move(0, 0);
  await page.keyboard.press('Tab');
  // The first municipality by name holds the map's one tab stop.
  const first = map.locator('a[tabindex="0"]');
  await expect(first).toBeFocused();
  const firstName = await first.getAttribute('aria-label');
  expect(firstName).toMatch(/^'s-Gravenhage: \d+%$/);
  await expect(panel).toHaveText(firstName ?? '');
  await page.keyboard.press('ArrowLeft');
  const focusedName = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  expect(focusedName).toMatch(/^[^:]+: \d+%$/);
  expect(focusedName).not.toBe(firstName);
  await expect(panel).toHaveText(focusedName ?? '');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/gemeenten\/GM\d{4}$/);
  await expect(page.getByRole('heading', { level: 1, name: (focusedName ?? '').split(':')[0] })).toBeVisible();
});

test('the map colours by another indicator and zooms to a province', async ({ page }) => {
  const listRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/v1/gemeenten') listRequests.push(request.url());
  });
  await page.goto('/kaart');
  await expect(page.getByRole('status')).toHaveText('342 gemeenten op de kaart.');
  await page.getByLabel('Kleur naar').selectOption('te-laat');
  await page.getByLabel('Gebied').selectOption({ label: 'Utrecht' });
  await page.getByRole('button', { name: 'Kaart tonen' }).click();
  await expect(page).toHaveURL(/\/kaart\?indicator=te-laat&gebied=PV26$/);
  await expect(page.getByRole('status')).toHaveText('26 gemeenten op de kaart.');
  // The boundaries name each municipality's province and region: zooming in asks for no list.
  expect(listRequests).toEqual([]);
  const map = page.getByRole('group', { name: /^Kaart van de gemeenten: aantal maatregelen te laat/ });
  await expect(map.getByRole('link')).toHaveCount(26);
  await expect(map.getByRole('link', { name: /^Utrecht: \d+ te laat$/ })).toBeVisible();
  // Sorting the table by value puts the most late first.
  await page.getByRole('button', { name: 'Aantal maatregelen te laat' }).click();
  await expect(page.getByRole('columnheader', { name: 'Aantal maatregelen te laat' })).toHaveAttribute('aria-sort', 'descending');
  await expectNoAxeViolations(page);
});

test('a municipality page compares it per wave with its peers, province, region and the country', async ({ page }) => {
  await page.goto('/gemeenten/GM0344');
  await expect(page.getByRole('heading', { level: 1, name: 'Utrecht' })).toBeVisible();
  await waitUntilLoaded(page);
  const perWave = page.getByRole('region', { name: 'Voortgang per fase' });
  await expect(perWave.getByRole('heading', { level: 3 })).toHaveCount(3);
  await expect(perWave.getByRole('listitem').filter({ hasText: 'Provincie Utrecht' })).toHaveCount(3);
  await expect(perWave.getByRole('listitem').filter({ hasText: 'Nederland' }).first()).toContainText(/\d+%/);
  // Each wave's chart is the server's comparison over that wave, with its own source and CSV.
  for (const wave of [1, 2, 3]) {
    await expect(perWave.getByRole('link', { name: `Download de vergelijking van Utrecht in fase ${wave} als CSV` })).toHaveAttribute(
      'href',
      new RegExp(`/gemeenten/GM0344/vergelijking\\?fase=${wave}&formaat=csv$`),
    );
  }
  await perWave.getByText('Toon de cijfers als tabel').first().click();
  await expect(perWave.getByRole('table').first().getByRole('rowheader')).toHaveText([
    'Utrecht',
    'Vergelijkbare gemeenten',
    'Provincie Utrecht',
    /^Arbeidsmarktregio /,
    'Nederland',
  ]);
  const comparison = page.getByRole('region', { name: 'Vergelijking' });
  await expect(comparison.getByRole('link', { name: 'Eindhoven' })).toHaveAttribute('href', '/gemeenten/GM0772');
  await expect(comparison.getByRole('link', { name: 'Download de vergelijking van Utrecht als CSV' })).toHaveAttribute(
    'href',
    /\/gemeenten\/GM0344\/vergelijking\?formaat=csv$/,
  );
  // Its own series: a bar per month end and now, and when it last reported.
  await expect(page.getByText(/^Laatst bijgewerkt op \d+ \w+ \d{4}\.$/)).toBeVisible();
  const series = page.getByRole('region', { name: 'Verloop' });
  await expect(series.getByRole('listitem')).toHaveCount(13);
  await expect(series.getByRole('link', { name: 'Download het verloop van Utrecht als CSV' })).toHaveAttribute(
    'href',
    /\/gemeenten\/GM0344\/verloop\?formaat=csv$/,
  );
  await expectNoAxeViolations(page);
  // Public: no notes and no link into the private progress screens.
  await expect(page.getByRole('main').getByRole('link', { name: /voortgang\/gemeenten/ })).toHaveCount(0);
  await expect(page.locator('main a[href^="/voortgang/"]')).toHaveCount(0);
});

test('an unknown municipality says so', async ({ page }) => {
  await page.goto('/gemeenten/GM9999');
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a measure page has its facts, law, roadmap, progress, products and FAQ', async ({ page }) => {
  await page.goto('/maatregelen/M01');
  await expect(page.getByRole('heading', { level: 1, name: 'M01 Giftenvrijlating' })).toBeVisible();
  await waitUntilLoaded(page);
  await expect(page.getByRole('main')).toContainText('Vast: gelezen in de wettekst');
  await expect(page.getByRole('link', { name: 'Participatiewet artikel 31, lid 2, onder m' })).toHaveAttribute(
    'href',
    'https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=31',
  );
  await expect(page.getByRole('region', { name: 'Routekaart' }).getByRole('listitem').first()).toContainText('Impact analyseren');
  const progress = page.getByRole('region', { name: 'Landelijke voortgang' });
  await expect(progress.getByRole('img')).toHaveCount(13);
  await expect(progress.getByRole('link', { name: 'Download de voortgang van M01 per provincie als CSV' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Producten' }).getByRole('link').first()).toHaveAttribute('href', /^\/producten\/\d+$/);
  await expect(page.getByRole('region', { name: 'Veelgestelde vragen' }).getByRole('link').first()).toHaveAttribute('href', /^\/faq\/\d+$/);
  await expectNoAxeViolations(page);
});

test('the public pages fit a 320px wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const [path, heading] of [
    ['/', 'Invoering Participatiewet in balans'],
    ['/kaart', 'Kaart van de voortgang'],
    ['/gemeenten/GM0344', 'Utrecht'],
    ['/maatregelen/M01', 'M01 Giftenvrijlating'],
  ] as const) {
    await openRoute(page, path, heading);
    await waitUntilLoaded(page);
    await expectNoHorizontalScroll(page);
  }
});
