import { expect } from '@playwright/test';

import { expectNoHorizontalScroll } from './accounts';
import { expectNoAxeViolations } from './axe';
import { asRole, csrfToken, test } from './sessions';

/* M09 is this spec's own: no other test reads or writes its dates or its roadmap. */

test.describe('ingelogd als redacteur', () => {
  test.use(asRole('redacteur'));

  test('an editor previews a date move, sees the changed lights, and saves it', async ({ page }) => {
    await page.goto('/maatregelen/M09');
    const section = page.getByRole('region', { name: 'Ingangsdatum wijzigen' });
    await section.getByLabel('Nieuwe ingangsdatum').fill('2027-07-01');
    await section.getByRole('button', { name: 'Bekijk gevolgen' }).click();

    const preview = page.getByRole('region', { name: 'Gevolgen van deze wijziging' });
    await expect(preview).toBeFocused();
    await expect(preview).toContainText('Nog niets is opgeslagen of verstuurd.');
    await expect(preview.getByRole('table', { name: /^Verkeerslichten van alle gemeenten/ })).toBeVisible();
    const moved = preview.getByRole('table', { name: 'Maatregelen waarvan de ingangsdatum verschuift' });
    await expect(moved.getByRole('row').nth(1)).toContainText('1 juli 2027');
    const cells = preview.getByRole('table', { name: /^Gemeenten en maatregelen met een ander verkeerslicht/ });
    await expect(cells.getByRole('row').nth(1)).toContainText('M09');
    // The preview saved nothing.
    const before = (await (await page.request.get('/api/v1/maatregelen/M09')).json()) as { ingangsdatum: string };
    expect(before.ingangsdatum).not.toBe('2027-07-01');
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page, 360);
    await page.setViewportSize({ width: 1280, height: 800 });

    await preview.getByRole('button', { name: 'Opslaan' }).click();
    await expect(section.getByRole('status')).toHaveText('De nieuwe ingangsdatum is opgeslagen.');
    await expect(page.getByRole('definition').filter({ hasText: '1 juli 2027' })).toHaveCount(1);
  });

  test('an editor changes a roadmap, sees a refusal at its field, previews and saves', async ({ page }) => {
    await page.goto('/maatregelen/M09');
    await page.getByRole('link', { name: 'Routekaart van M09 wijzigen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Routekaart van M09 .* wijzigen$/ })).toBeVisible();
    const first = page.getByRole('group', { name: /^Stap 1:/ });
    const after = first.getByLabel('Na stappen (niet verplicht)');
    await after.fill('bestaat-niet');
    await page.getByRole('button', { name: 'Bekijk gevolgen' }).click();
    await expect(after).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.spoorboek-error-summary')).toContainText('bestaat-niet');

    await after.fill('');
    await first.getByLabel('Uiterste einde (dagen)').fill('-200');
    await page.getByRole('button', { name: 'Bekijk gevolgen' }).click();
    const preview = page.getByRole('region', { name: 'Gevolgen van deze wijziging' });
    await expect(preview).toBeFocused();
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page, 360);

    await preview.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De routekaart van M09 is opgeslagen.' })).toHaveCount(1);
    const saved = (await (await page.request.get('/api/v1/maatregelen/M09/routekaart')).json()) as {
      stappen: { eindeDagen: number }[];
    };
    expect(saved.stappen[0]?.eindeDagen).toBe(-200);
  });

  test('a roadmap someone else saved meanwhile is shown, not overwritten', async ({ page }) => {
    await page.goto('/maatregelen/M09/routekaart');
    await expect(page.getByRole('heading', { level: 1, name: /^Routekaart van M09 .* wijzigen$/ })).toBeVisible();
    const read = await page.request.get('/api/v1/maatregelen/M09/routekaart');
    const roadmap = (await read.json()) as { versie: number; stappen: Record<string, unknown>[] };

    // A colleague saves first, with the version this page was opened with.
    const keep = ['code', 'titel', 'omschrijving', 'startDagen', 'eindeDagen', 'afhankelijkVan', 'raadsbesluit'];
    const theirs = roadmap.stappen.map((step, index) => ({
      ...Object.fromEntries(keep.map((key) => [key, step[key]])),
      ...(index === 0 ? { omschrijving: 'Door collega ingevuld' } : {}),
    }));
    const csrf = await csrfToken(page);
    const colleague = await page.request.put('/api/v1/maatregelen/M09/routekaart', {
      headers: { 'If-Match': `"v${roadmap.versie}"`, 'X-CSRF-Token': csrf },
      data: { stappen: theirs },
    });
    expect(colleague.status()).toBe(200);

    const first = page.getByRole('group', { name: /^Stap 1:/ });
    await first.getByLabel('Uiterste einde (dagen)').fill('-190');
    await page.getByRole('button', { name: 'Bekijk gevolgen' }).click();
    const notice = page.locator('.spoorboek-conflict');
    await expect(notice.getByRole('heading', { level: 2 })).toHaveText('Iemand anders heeft deze routekaart al gewijzigd');
    await expect(notice).toBeFocused();
    await expect(page.getByRole('region', { name: 'Gevolgen van deze wijziging' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    const kept = (await (await page.request.get('/api/v1/maatregelen/M09/routekaart')).json()) as {
      stappen: { omschrijving: string; eindeDagen: number }[];
    };
    expect(kept.stappen[0]?.omschrijving).toBe('Door collega ingevuld');
    expect(kept.stappen[0]?.eindeDagen).not.toBe(-190);

    // Knowing, the editor tries again: the page now names the version it read since.
    await page.getByRole('button', { name: 'Bekijk gevolgen' }).click();
    const preview = page.getByRole('region', { name: 'Gevolgen van deze wijziging' });
    await preview.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De routekaart van M09 is opgeslagen.' })).toHaveCount(1);
    const saved = (await (await page.request.get('/api/v1/maatregelen/M09/routekaart')).json()) as {
      stappen: { eindeDagen: number }[];
    };
    expect(saved.stappen[0]?.eindeDagen).toBe(-190);
  });
});
