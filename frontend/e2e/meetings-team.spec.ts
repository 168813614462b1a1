import { expect, type Page } from '@playwright/test';

import { DEMO_USERS } from './accounts';
import { newContext, uniqueWord } from './products';
import { asRole, csrfToken, openAs, test } from './sessions';
import { expectAccessibleAtWidths } from './widths';

const dutch = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment as the form's Dutch date and time inputs take it. */
function dutchInputs(moment: Date): { date: string; time: string } {
  const parts = Object.fromEntries(dutch.formatToParts(moment).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** A day a week ahead, so registering is still open. */
function nextWeek(): string {
  return dutchInputs(new Date(Date.now() + 7 * 24 * 3600 * 1000)).date;
}

async function fillMoment(page: Page, prefix: string, field: 'begin' | 'einde', date: string, time: string) {
  await page.locator(`#${prefix}${field}-datum`).fill(date);
  await page.locator(`#${prefix}${field}-tijd`).fill(time);
}

async function openNewMeetingForm(page: Page) {
  await openAs(page, 'redacteur');
  await page.getByRole('navigation', { name: 'Bijeenkomsten' }).getByRole('link', { name: 'Nieuwe bijeenkomst' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe bijeenkomst' })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(/laden…/);
}


test.describe('het programmateam en zijn bijeenkomsten', () => {
  test.use(asRole('redacteur'));

  test('an editor announces a consultation hour and makes its slots', async ({ page }) => {
    test.setTimeout(120_000);
    const title = `Spreekuur giftenvrijlating ${uniqueWord('uur')}`;
    await openNewMeetingForm(page);

    // Sent empty: the error summary takes focus and names every field that needs something.
    await page.getByRole('button', { name: 'Bijeenkomst opslaan' }).click();
    const summary = page.locator('.spoorboek-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Soort bijeenkomst: Kies de soort bijeenkomst.');
    await expect(summary).toContainText('Titel: Geef de bijeenkomst een titel.');
    await expect(summary).toContainText('Begin: Vul de datum en de tijd van het begin in.');
    await expectAccessibleAtWidths(page);

    await page.getByLabel('Soort bijeenkomst').selectOption({ label: 'Spreekuur' });
    await page.getByLabel('Titel', { exact: true }).fill(title);
    await page.getByRole('checkbox', { name: /^M01 / }).check();
    const day = nextWeek();
    await fillMoment(page, 'bijeenkomst-', 'begin', day, '10:00');
    await fillMoment(page, 'bijeenkomst-', 'einde', day, '12:00');
    await expect(page.getByLabel('Lengte van een tijdslot (minuten)')).toHaveValue('20');
    await page.getByRole('radiogroup', { name: 'Status' }).getByRole('radio', { name: 'Open' }).check();
    await page.getByRole('button', { name: 'Bijeenkomst opslaan' }).click();

    await expect(page).toHaveURL(/\/bijeenkomsten\/\d+\/beheer$/);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(`De bijeenkomst "${title}" is aangemaakt.`)).toBeVisible();
    const slots = page.getByRole('region', { name: 'Tijdsloten', exact: true });
    await expect(slots).toContainText('Dit spreekuur heeft nog geen tijdsloten.');
    await expect(page.getByRole('main')).not.toContainText(/laden…/);
    await expectAccessibleAtWidths(page);

    await slots.getByRole('button', { name: 'Tijdsloten maken' }).click();
    await expect(slots.getByRole('status').filter({ hasText: 'gemaakt' })).toHaveText('6 tijdsloten gemaakt van elk 20 minuten.');
    const table = slots.getByRole('table', { name: 'Tijdsloten en wie ze boekte' });
    await expect(table.getByRole('row')).toHaveCount(7);
    await expect(table.getByRole('row').nth(1)).toContainText('10:00–10:20');
    await expect(table.getByRole('row').nth(1)).toContainText('Vrij');
  });

  test('an editor invites the late municipalities to a work session and records who came', async ({ page, browser }, testInfo) => {
    test.setTimeout(150_000);
    const title = `Werksessie giftenvrijlating ${uniqueWord('sessie')}`;
    await openNewMeetingForm(page);
    await page.getByLabel('Soort bijeenkomst').selectOption({ label: 'Werksessie' });
    await page.getByLabel('Titel', { exact: true }).fill(title);
    await page.getByRole('checkbox', { name: /^M01 / }).check();
    await page.getByRole('radiogroup', { name: 'Waar' }).getByRole('radio', { name: 'Op locatie' }).check();
    await page.getByLabel('Zaal of locatie (niet verplicht)').fill('Raadszaal');
    await page.getByLabel('Adres', { exact: true }).fill('Stadhuisplein 1, Utrecht');
    const day = nextWeek();
    await fillMoment(page, 'bijeenkomst-', 'begin', day, '14:00');
    await fillMoment(page, 'bijeenkomst-', 'einde', day, '16:00');
    await page.getByLabel('Aantal plaatsen (niet verplicht)').fill('10');
    await page.getByRole('radiogroup', { name: 'Status' }).getByRole('radio', { name: 'Open' }).check();
    await expectAccessibleAtWidths(page);
    await page.getByRole('button', { name: 'Bijeenkomst opslaan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const id = Number(/\/bijeenkomsten\/(\d+)\/beheer/.exec(page.url())?.[1]);

    // Who is late on M01: the preview first, then the invitations in one step.
    const invite = page.getByRole('region', { name: 'Uitnodigen wie achterloopt' });
    await invite.getByRole('button', { name: 'Bekijk wie een uitnodiging krijgt' }).click();
    const preview = invite.getByRole('region', { name: /^Te laat of met risico: \d+ gemeenten?, \d+ contactperso/ });
    await expect(preview).toBeVisible();
    const hillegom = preview.getByRole('row', { name: /Hillegom/ });
    await expect(hillegom).toContainText(DEMO_USERS.bollenstreek.name);
    await expect(hillegom).toContainText('M01');
    await expectAccessibleAtWidths(page);
    await preview.getByRole('button', { name: 'Uitnodigingen versturen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Uitnodigingen versturen?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Ja, uitnodigen' }).click();
    await expect(dialog).toBeHidden();
    await expect(invite.getByRole('status').filter({ hasText: 'Uitgenodigd' })).toHaveText(/^Uitgenodigd: \d+ contactperso(on|nen) van \d+ gemeenten?\.$/);
    // Once per person: a second look shows her no more.
    await invite.getByRole('button', { name: 'Bekijk wie een uitnodiging krijgt' }).click();
    await expect(preview.getByRole('row', { name: /Hillegom/ })).not.toContainText(DEMO_USERS.bollenstreek.name);

    // A contact registers herself, as on the meeting's page.
    const contactContext = await newContext(browser, testInfo, 'utrecht');
    const contact = await contactContext.newPage();
    await contact.goto('/toegankelijkheid');
    const registered = await contact.request.post(`/api/v1/bijeenkomsten/${id}/aanmeldingen`, {
      headers: { 'X-CSRF-Token': await csrfToken(contact) },
      data: {},
    });
    expect(registered.status(), await registered.text()).toBe(201);
    await contactContext.close();

    await page.reload();
    const registrations = page.getByRole('region', { name: 'Aanmeldingen', exact: true });
    await expect(registrations).toContainText('1 aangemeld, 0 op de wachtlijst, 9 plaatsen vrij (van 10)');
    await expect(registrations.getByRole('row', { name: DEMO_USERS.utrecht.name })).toContainText('Utrecht');

    // The session turns out to have started an hour ago: moving it warns that everyone gets an update.
    await page.getByRole('link', { name: 'Bewerken of annuleren' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bijeenkomst bewerken' })).toBeVisible();
    const begin = dutchInputs(new Date(Date.now() - 3600 * 1000));
    const end = dutchInputs(new Date(Date.now() + 3600 * 1000));
    await fillMoment(page, 'bewerk-', 'begin', begin.date, begin.time);
    await fillMoment(page, 'bewerk-', 'einde', end.date, end.time);
    await expect(page.getByText('Iedereen die is aangemeld krijgt een bijgewerkte agenda-uitnodiging.')).toBeVisible();
    await expectAccessibleAtWidths(page);
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(/De wijzigingen zijn opgeslagen\. Iedereen die is aangemeld krijgt nu/)).toBeVisible();

    // At the door: the check-in list, saved in one step.
    const checkIn = page.getByRole('region', { name: 'Presentielijst', exact: true });
    await checkIn.getByRole('combobox', { name: `Aanwezigheid van ${DEMO_USERS.utrecht.name}` }).selectOption({ label: 'Aanwezig' });
    await checkIn.getByRole('button', { name: 'Aanwezigheid opslaan' }).click();
    await expect(checkIn.getByRole('status').filter({ hasText: 'opgeslagen' })).toHaveText(
      'De aanwezigheid is opgeslagen: 1 persoon aanwezig.',
    );
    await expect(registrations.getByRole('row', { name: DEMO_USERS.utrecht.name })).toContainText('Aanwezig');

    // Afterwards: the presentation, found by its title among the published presentations, sent to those registered.
    const found = await page.request.get('/api/v1/producten?soort=presentatie&paginaGrootte=1');
    const [presentation] = ((await found.json()) as { resultaten: { id: number; titel: string }[] }).resultaten;
    expect(presentation, 'a published demo presentation').toBeTruthy();
    const materials = page.getByRole('region', { name: 'Materialen', exact: true });
    await materials.getByRole('searchbox', { name: 'Zoek het product' }).fill(presentation!.titel);
    await materials.getByRole('radiogroup', { name: 'Gevonden producten' }).getByRole('radio', { name: presentation!.titel, exact: true }).check();
    await materials.getByRole('button', { name: 'Materiaal toevoegen' }).click();
    const row = materials.getByRole('row', { name: presentation!.titel });
    await expect(row).toContainText('Nog niet verstuurd');
    await materials.getByRole('button', { name: /^Versturen aan wie is aangemeld/ }).click();
    await expect(materials.getByRole('status').filter({ hasText: 'Verstuurd' })).toHaveText('Verstuurd: 1 mail.');
    await expect(row).toContainText('Verstuurd op');
    await expect(page.getByRole('region', { name: 'Geschiedenis', exact: true })).toContainText('Ruud Redactie (demo)');
    await expect(page.getByRole('main')).not.toContainText(/laden…/);
    await expectAccessibleAtWidths(page);
  });

  test('the reach of a half-year, per measure and kind, with the municipalities not reached and a CSV', async ({ page }) => {
    await openAs(page, 'redacteur');
    await page.getByRole('navigation', { name: 'Bijeenkomsten' }).getByRole('link', { name: 'Bereik' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bereik van de bijeenkomsten' })).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText(/laden…/);
    await expect(page.getByRole('heading', { level: 2, name: /tot en met/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Per maatregel', exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: /^Niet bereikt \(\d+ gemeenten?\)$/ })).toBeVisible();
    await expectAccessibleAtWidths(page);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download als CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/^bereik-bijeenkomsten-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    await expect(page.getByText('Het CSV-bestand is gedownload.')).toBeVisible();
  });
});
