import { expect, type Page } from '@playwright/test';

import { DEMO_USERS } from './accounts';
import { mailsTo } from './mail';
import { uniqueWord } from './products';
import { asRole, openAs, test } from './sessions';
import { expectAccessibleAtWidths } from './widths';


/** Tomorrow in Dutch time, as the date input takes it. */
function tomorrow(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + 24 * 3600 * 1000));
}

const sectionTitles = (page: Page) => page.locator('.spoorboek-edition-section h3').allTextContents();

test.describe('de redactie en de nieuwsbrief', () => {
  test.use(asRole('redacteur'));

  test('an editor composes an edition, previews it, mails it to herself and plans it', async ({ page }) => {
    test.setTimeout(150_000);
    const title = `Nieuwsbrief ${uniqueWord('e2e')}`;

    await openAs(page, 'redacteur');
    await page.getByRole('navigation', { name: 'Nieuwsbrief' }).getByRole('link', { name: 'Edities' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuwsbrief: edities' })).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText(/laden…/);
    await expectAccessibleAtWidths(page);

    // A new edition is drafted from what happened.
    await page.getByLabel('Titel').fill(title);
    await page.getByRole('button', { name: 'Nieuwe editie maken' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Editie samenstellen' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(title);
    const drafted = await sectionTitles(page);
    expect(drafted.length).toBeGreaterThan(0);

    // An own section, moved up above the last drafted one; and an introduction.
    await page.locator('#eigen-sectie-titel').fill('Van de redactie');
    await page.locator('#eigen-sectie-tekst').fill('Dank voor het lezen.');
    await page.getByRole('button', { name: 'Sectie toevoegen' }).click();
    await page.getByRole('button', { name: 'Omhoog: sectie ‘Van de redactie’' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'staat nu op plaats' })).toBeVisible();
    const moved = await sectionTitles(page);
    expect(moved.at(-2)).toContain('Van de redactie');
    await page.getByLabel('Inleiding').fill('Welkom bij deze **editie** van de nieuwsbrief.');
    await page.getByRole('button', { name: 'Editie opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De editie is opgeslagen.' })).toBeVisible();

    // Saved: after a reload the order and the introduction are still there.
    await page.reload();
    await expect(page.getByLabel('Inleiding')).toHaveValue('Welkom bij deze **editie** van de nieuwsbrief.');
    expect((await sectionTitles(page)).at(-2)).toContain('Van de redactie');
    await expect(page.getByTitle('Voorbeeld als webpagina')).toBeVisible();
    await expectAccessibleAtWidths(page, { scriptlessFrames: true });

    // The preview as mail, in its sandboxed frame, and as text.
    await page.getByLabel('Als mail').check();
    const mailFrame = page.getByTitle('Voorbeeld van de mail');
    await expect(mailFrame).toBeVisible();
    await expect(mailFrame).toHaveAttribute('sandbox', '');
    await expect(page.frameLocator('iframe[title="Voorbeeld van de mail"]').locator('body')).toContainText('Van de redactie');
    await expectAccessibleAtWidths(page, { scriptlessFrames: true });
    await page.getByLabel('Als platte tekst', { exact: false }).check();
    await expect(page.getByLabel('Voorbeeld als platte tekst')).toContainText('Welkom bij deze');
    await expect(page.getByLabel('Voorbeeld als platte tekst')).toContainText('Van de redactie');

    // The test mail reaches the editor's own address.
    const address = DEMO_USERS.redacteur.email;
    await page.getByRole('button', { name: 'Testmail naar mijzelf' }).click();
    await expect(page.getByRole('status').filter({ hasText: `De testmail is verstuurd naar ${address}.` })).toBeVisible();
    await expect
      .poll(async () => (await mailsTo(address)).some((mail) => mail.subject.includes(title) && mail.body.includes('Van de redactie')), {
        timeout: 30_000,
      })
      .toBe(true);

    // Planned for tomorrow, then withdrawn again so no other test's server sends it.
    await page.locator('#verzenden-datum').fill(tomorrow());
    await page.locator('#verzenden-tijd').fill('09:00');
    await page.getByRole('button', { name: 'Inplannen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Gepland: deze editie wordt verzonden op' })).toContainText('om 09:00');
    await expect(page.getByRole('main')).toContainText('Status: Gepland');
    await page.getByRole('link', { name: 'Terug naar alle edities' }).click();
    const row = page.getByRole('row').filter({ hasText: title });
    await expect(row).toContainText('Gepland');
    await row.getByRole('link', { name: title }).click();
    await page.getByRole('button', { name: 'Inplanning intrekken' }).click();
    await expect(page.getByRole('main')).toContainText('Status: Concept');
  });
});
