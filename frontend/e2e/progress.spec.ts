import { expect } from '@playwright/test';

import { csvFile, readCell, saveCellDirectly } from './progress';
import { asRole, openAs, test } from './sessions';

/*
 * Each test works on its own measures of Utrecht (GM0344), so the tests do not depend on each
 * other's changes: M15 editing, M16 the conflict, M17/M18 the upload.
 */

test.describe('ingelogd als gemeente Utrecht', () => {
  test.use(asRole('utrecht'));

  test('a municipal contact changes the status of a measure and sees it saved, with its history', async ({ page }) => {
    await openAs(page, 'utrecht');
    await page.getByRole('navigation', { name: 'Voortgang' }).getByRole('link', { name: 'Mijn gemeente' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Voortgang Utrecht' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Stand per maatregel van Utrecht' });
    await expect(table.getByRole('row')).toHaveCount(24);
    await table.getByRole('link', { name: /^M15 / }).click();

    await expect(page.getByRole('heading', { level: 1, name: /^M15 / })).toBeVisible();
    const form = page.getByRole('form', { name: 'Stand wijzigen' });
    await form.getByRole('radio', { name: 'Voorbereidend' }).check();
    await form.getByRole('checkbox', { name: 'Impact analyseren' }).check();
    await form.getByLabel('Impact analyseren: gereed op').fill('2026-05-01');
    await form.getByLabel('Geplande livegang (niet verplicht)').fill('2026-12-15');
    await form.getByLabel('Knelpunten (niet verplicht)').fill('Leverancier levert later');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect(form.getByRole('status')).toHaveText(/^De stand is opgeslagen \(versie \d+\)\.$/);

    const state = page.getByRole('region', { name: 'Huidige stand' });
    await expect(state).toContainText('Voorbereidend');
    await expect(state).toContainText('Leverancier levert later');
    const history = page.getByRole('region', { name: 'Geschiedenis' });
    await expect(history.getByRole('row').nth(1)).toContainText('Fase: Niet gestart → Voorbereidend');
    await expect(history.getByRole('row').nth(1)).toContainText('Stap gereed: Impact analyseren (1 mei 2026)');
    await expect(history.getByRole('row').nth(1)).toContainText('U (gemeente)');

    const saved = await readCell(page, 'GM0344', 'M15');
    expect(saved.fase).toBe('voorbereidend');
    expect(saved.knelpunten).toBe('Leverancier levert later');

    await page.getByRole('link', { name: 'Terug naar de voortgang van Utrecht' }).click();
    // The software and peers tables can have an M15 row too: the status table's is the one saved.
    await expect(table.getByRole('row', { name: /^M15 / })).toContainText('Voorbereidend');
  });

  test('a save after someone else saved shows their state and lets the user try again', async ({ page }) => {
    await page.goto('/voortgang/gemeenten/GM0344/M16');
    const form = page.getByRole('form', { name: 'Stand wijzigen' });
    await expect(form.getByRole('radio', { name: 'Oriënterend' })).toBeVisible();
    const before = await readCell(page, 'GM0344', 'M16');

    // A colleague saves first, with the same version the form was opened with.
    await saveCellDirectly(page, 'GM0344', 'M16', before.versie, { fase: 'geimplementeerd', knelpunten: 'Door collega ingevuld' });

    await form.getByRole('radio', { name: 'Oriënterend' }).check();
    await form.getByLabel('Knelpunten (niet verplicht)').fill('Mijn eigen knelpunt');
    await form.getByRole('button', { name: 'Opslaan' }).click();

    const notice = page.locator('.spoorboek-conflict');
    await expect(notice.getByRole('heading', { level: 2 })).toHaveText('Iemand anders heeft deze stand al gewijzigd');
    await expect(notice).toBeVisible();
    await expect(notice).toBeFocused();
    await expect(notice).toContainText('Uw wijziging is niet opgeslagen');
    await expect(notice).toContainText('Door collega ingevuld');
    await expect(notice).toContainText('Geïmplementeerd');
    // Nothing of ours was stored.
    expect((await readCell(page, 'GM0344', 'M16')).knelpunten).toBe('Door collega ingevuld');

    // The user keeps their entries and saves again, knowingly.
    await notice.getByRole('button', { name: 'Mijn invoer houden' }).click();
    await expect(notice).toHaveCount(0);
    await expect(form.getByLabel('Knelpunten (niet verplicht)')).toHaveValue('Mijn eigen knelpunt');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect(form.getByRole('status')).toHaveText(/^De stand is opgeslagen/);
    const after = await readCell(page, 'GM0344', 'M16');
    expect(after.knelpunten).toBe('Mijn eigen knelpunt');
    expect(after.versie).toBe(before.versie + 2);
  });

  test('an upload with one wrong row shows the problem per row and changes nothing; a good file is saved', async ({ page }) => {
    await openAs(page, 'utrecht');
    const before = await readCell(page, 'GM0344', 'M17');
    const target = before.fase === 'voorbereidend' ? 'orienterend' : 'voorbereidend';
    await page.getByRole('navigation', { name: 'Voortgang' }).getByRole('link', { name: 'Bestand uploaden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Voortgang uploaden' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Huidige stand downloaden als CSV' })).toHaveAttribute(
      'href',
      '/api/v1/voortgang/export?formaat=csv',
    );

    await page.getByLabel('Bestand', { exact: true }).setInputFiles(
      csvFile('fout.csv', ['gemeente;maatregel;fase', `GM0344;M17;${target}`, 'GM0344;M18;klaar']),
    );
    await page.getByRole('button', { name: 'Uploaden' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Resultaat' })).toBeFocused();
    await expect(page.getByText('Het bestand is niet verwerkt')).toBeVisible();
    const problems = page.getByRole('table', { name: /Fouten per rij/ });
    await expect(problems.getByRole('row')).toHaveCount(2);
    const row = problems.getByRole('row').nth(1);
    await expect(row.getByRole('cell')).toHaveText(['3', 'GM0344', 'M18', 'fase', /'klaar' kan niet/]);
    expect(await readCell(page, 'GM0344', 'M17')).toEqual(before);

    await page.getByLabel('Bestand', { exact: true }).setInputFiles(
      csvFile('goed.csv', ['gemeente;maatregel;fase', `GM0344;M17;${target}`]),
    );
    await page.getByRole('button', { name: 'Uploaden' }).click();
    await expect(page.getByText('Opgeslagen: 1 rij, 1 gewijzigd, 0 ongewijzigd.')).toBeVisible();
    expect((await readCell(page, 'GM0344', 'M17')).fase).toBe(target);
  });
});

test.describe('ingelogd als redacteur', () => {
  test.use(asRole('redacteur'));

  test('an editor filters the heat map by province and opens a municipality', async ({ page }) => {
    await openAs(page, 'redacteur');
    await page.getByRole('navigation', { name: 'Voortgang' }).getByRole('link', { name: 'Matrix' }).click();
    const matrix = page.getByRole('table', { name: 'Fase en verkeerslicht per gemeente en maatregel' });
    const started = Date.now();
    await expect(page.getByRole('main').getByRole('status')).toHaveText(/^342 gemeenten × 23 maatregelen: /);
    await expect(matrix.getByRole('row')).toHaveCount(343);
    console.log(`full matrix rendered in ${Date.now() - started} ms after navigation`);
    // Every cell carries words, not only a colour.
    await expect(matrix.getByRole('row', { name: /^Utrecht/ }).getByRole('cell').first()).toHaveText(/^(NG|OR|VB|GI|GE)[✓▲✕]/);

    await page.getByLabel('Provincie').selectOption({ label: 'Utrecht' });
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page).toHaveURL(/\/voortgang\/matrix\?provincie=PV26$/);
    await expect(page.getByRole('main').getByRole('status')).toHaveText(/^26 gemeenten × 23 maatregelen: /);
    await expect(matrix.getByRole('rowheader', { name: 'Groningen' })).toHaveCount(0);
    await matrix.getByRole('link', { name: 'Utrecht', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Voortgang Utrecht' })).toBeVisible();
    // Each row says what kind of group it is; the peers' row how many it counts.
    await expect(page.getByRole('region', { name: 'Vergelijking' }).getByRole('rowheader')).toHaveText([
      'Gemeente Utrecht',
      'Vergelijkbare gemeenten (10)',
      'Provincie Utrecht',
      /^Arbeidsmarktregio /,
      'Nederland',
    ]);
  });

  test('an editor sees who needs help now, most urgent first, filtered and paged by the server', async ({ page }) => {
    await openAs(page, 'redacteur');
    await page.getByRole('navigation', { name: 'Voortgang' }).getByRole('link', { name: 'Hulp nodig' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hulp nodig' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('status')).toHaveText(/^\d+ combinaties van gemeente en maatregel/);
    const table = page.getByRole('table', { name: /meest dringend eerst/ });
    await expect(table.getByRole('row')).toHaveCount(51);
    await expect(table.getByRole('row').nth(1)).toContainText('Te laat');

    await page.getByLabel('Provincie').selectOption({ label: 'Utrecht' });
    await page.getByLabel('Verkeerslicht').selectOption({ label: 'Risico' });
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page).toHaveURL(/\?provincie=PV26&verkeerslicht=risico$/);
    await expect(page.getByRole('main').getByRole('status')).toHaveText(/^\d+ combinaties? van gemeente en maatregel/);
    // Filtered on one light, the light is said once above the table instead of in every row.
    await expect(page.getByText('Alle rijen: verkeerslicht risico.')).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Verkeerslicht' })).toHaveCount(0);
    await expect(table.getByText('Te laat')).toHaveCount(0);
    await expect(page.getByLabel('Verkeerslicht')).toHaveValue('risico');

    await page.goto('/voortgang/hulp-nodig');
    await page.getByRole('link', { name: 'Volgende pagina' }).click();
    await expect(page).toHaveURL(/pagina=2/);
    await expect(page.getByText(/^Pagina 2 van \d+$/)).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(51);

    // Long before any step was due, nobody is late or at risk.
    await page.goto('/voortgang/hulp-nodig?peildatum=2020-01-01');
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Met deze filters is er niemand te laat of met risico.');
    await expect(table).toHaveCount(0);
  });
});
