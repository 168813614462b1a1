import { readFile } from 'node:fs/promises';

import { expect } from '@playwright/test';

import { asRole, test } from './sessions';
import { expectAccessibleAtWidths } from './widths';

test.describe('the team', () => {
  test.use(asRole('redacteur'));

  test('an editor opens the satisfaction figures and downloads their CSV', async ({ page }) => {
    await page.goto('/tevredenheid');
    await expect(page.getByRole('heading', { level: 1, name: 'Tevredenheid' })).toBeVisible();
    const answers = page.getByRole('region', { name: 'Antwoorden op vragen' });
    await expect(answers.getByRole('list', { name: 'Gemiddelde score per groep' })).toContainText('Nederland');
    await expect(answers.getByText(/^Bron: Spoorboek/)).toBeVisible();

    // Per measure and month: the URL is the query, and the figures follow it.
    await page.getByLabel('Groepering').selectOption('maatregel');
    await page.getByLabel('Trend').selectOption('maand');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page).toHaveURL(/groep=maatregel/);
    await expect(answers.getByRole('list', { name: 'Gemiddelde score per groep' })).toContainText('M01');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      answers.getByRole('link', { name: 'Download de scores van de antwoorden als CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tevredenheid-per-maatregel-.*\.csv$/);
    const text = await readFile(await download.path(), 'utf-8');
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('contactpunt;groep_code;groep_naam;periode;van;tot;cijfer;waarde;opmerking');
    expect(text).toContain('antwoorden;M01;');
  });

  test('the figures page is accessible at 360 and 1280 px', async ({ page }) => {
    await page.goto('/tevredenheid');
    await expect(page.getByRole('region', { name: 'Antwoorden op vragen' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Lage scores: voorstellen voor een signaal' })).toBeVisible();
    for (const summary of await page.getByText('Toon de cijfers als tabel').all()) await summary.click();
    await expectAccessibleAtWidths(page, { scroll: false });
  });
});

test('the public dashboard shows the overall satisfaction with its source and CSV', async ({ page }) => {
  await page.goto('/');
  const block = page.getByRole('region', { name: 'Tevredenheid over de ondersteuning' });
  await expect(block).toBeVisible();
  await expect(block.getByRole('list', { name: /Gemiddelde score/ })).toBeVisible();
  await expect(block.getByRole('link', { name: 'Download de tevredenheid als CSV' })).toHaveAttribute(
    'href',
    '/api/v1/tevredenheid/landelijk?formaat=csv',
  );
  await expect(block.getByRole('link', { name: 'CC BY 4.0' })).toBeVisible();
});
