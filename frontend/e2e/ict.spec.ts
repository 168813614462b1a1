import { expect } from '@playwright/test';

import { expectNoHorizontalScroll } from './accounts';
import { expectNoAxeViolations, expectRoutesAccessible } from './axe';
import { openRoute } from './navigate';
import { asRole, openAs, test } from './sessions';

// The demo: Rekenwerk Inkomen (application 1, of Rekenwerk Software) is Utrecht's income
// application, and its release for M15 slipped past the legal date.
const SUPPLIER = 'Rekenwerk Software (demo)';
const APPLICATION = 'Rekenwerk Inkomen (demo)';

test.describe('ingelogd als redacteur', () => {
  test.use(asRole('redacteur'));

  test('an editor reports a new planned date for a measure of a supplier’s application; Utrecht’s page shows the ICT cause', async ({ page }) => {
    test.setTimeout(90_000);
    const release = `e2e-${Date.now().toString(36)}`;

    await openAs(page, 'redacteur');
    await page.getByRole('navigation', { name: 'ICT-gereedheid' }).getByRole('link', { name: 'Leveranciers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Leveranciers' })).toBeVisible();
    await page.getByRole('table', { name: /^Leveranciers/ }).getByRole('link', { name: SUPPLIER }).click();
    await expect(page.getByRole('heading', { level: 1, name: SUPPLIER })).toBeVisible();
    await expect(page.getByRole('table', { name: /die op Rekenwerk Software \(demo\) wachten/ }).getByRole('row', { name: /^M15 / })).toBeVisible();

    await page.getByRole('table', { name: 'Applicaties van deze leverancier' }).getByRole('link', { name: APPLICATION }).click();
    await expect(page.getByRole('heading', { level: 1, name: APPLICATION })).toBeVisible();
    await expect(page).toHaveURL(/\/ict\/applicaties\/1$/);

    // The form asks a release and a date with a planned status before sending anything.
    const form = page.getByRole('form', { name: 'Gereedheid melden' });
    await form.getByLabel('Maatregel').selectOption('M15');
    await form.getByLabel('Status').selectOption({ label: 'Gepland' });
    await form.getByLabel('Release').fill('');
    await form.getByRole('button', { name: 'Gereedheid melden' }).click();
    await expect(page.locator('.spoorboek-error-summary')).toBeFocused();
    await expect(page.locator('.spoorboek-error-summary')).toContainText('Geef de release op');

    await form.getByLabel('Release').fill(release);
    await form.getByLabel('Datum').fill('2030-06-30');
    await form.getByRole('button', { name: 'Gereedheid melden' }).click();
    await expect(form.getByRole('status')).toHaveText('De gereedheid voor M15 is gemeld: gepland.');
    const row = page.getByRole('table', { name: 'Gereedheid per maatregel die software vraagt' }).getByRole('row', { name: /^M15 / });
    await expect(row).toContainText(release);
    await expect(row).toContainText('30 juni 2030');
    await expect(row).toContainText('Programmateam');

    // The history keeps the supplier's own reports beside the team's.
    await page.getByRole('region', { name: 'Geschiedenis per maatregel' }).getByText(/^M15 /).click();
    const history = page.getByRole('table', { name: 'Meldingen voor M15, nieuwste eerst' });
    await expect(history.getByRole('row').nth(1)).toContainText(release);
    await expect(history).toContainText('Leverancier');

    // Utrecht waits on that release: its page names ICT as the cause, with the new date.
    await page.goto('/voortgang/gemeenten/GM0344');
    await expect(page.getByRole('heading', { level: 1, name: 'Voortgang Utrecht' })).toBeVisible();
    const software = page.getByRole('region', { name: 'Software en leveranciers' });
    await expect(software.getByText(/^Utrecht wacht bij \d+ maatregelen op software van haar leveranciers; bij (alle )?\d+ is dat te laat of met risico\.$/)).toBeVisible();
    await software.getByText('Toon de maatregelen waarop Utrecht wacht').click();
    const waits = software.getByRole('table', { name: 'Maatregelen waarvoor Utrecht op software wacht' });
    const wait = waits.getByRole('row', { name: /^M15 / });
    await expect(wait).toContainText('Te laat door ICT');
    await expect(wait).toContainText(`release ${release} op 30 juni 2030`);
    await expect(page.getByRole('table', { name: 'Stand per maatregel van Utrecht' }).getByRole('row', { name: /^M15 / })).toContainText(
      'te laat door ICT',
    );
    await expect(page.getByLabel('Inkomen', { exact: true })).toHaveValue('1');
    await expectNoAxeViolations(page);
  });

  test('the ICT screens pass axe and fit a 360px screen', async ({ page }) => {
    const routes = [
      ['/ict/leveranciers', 'Leveranciers'],
      ['/ict/leveranciers/demo-rekenwerk', SUPPLIER],
      ['/ict/applicaties/1', APPLICATION],
      ['/ict/maatregelen', 'Maatregelen en software'],
      ['/ict/maatregelen/M15', /^M15 .*: wie wacht op software$/],
      ['/ict/import', 'Applicaties inlezen'],
      ['/voortgang/gemeenten/GM0344', 'Voortgang Utrecht'],
    ] as const;
    await expectRoutesAccessible(page, routes);
    await page.setViewportSize({ width: 360, height: 740 });
    for (const [path, heading] of routes) {
      await openRoute(page, path, heading);
      await expect(page.getByRole('main')).not.toContainText(/laden…/);
      await expectNoHorizontalScroll(page, 360);
    }
  });

  test('the catalogue import names each wrong row and changes nothing; a right file is checked first, then read in', async ({ page }) => {
    const header = 'gemeentecode;gemeentenaam;pakket;leverancier;domein';
    const file = (row: string) => ({ name: 'catalogus.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${row}\n`) });
    await page.goto('/ict/import');
    await expect(page.getByRole('heading', { level: 1, name: 'Applicaties inlezen' })).toBeVisible();
    await page.getByLabel('Bestand', { exact: true }).setInputFiles(file('GM9999;Nergens;Rekenwerk Inkomen (demo);demo-rekenwerk;inkomen|vrije-tijd'));
    await page.getByRole('button', { name: 'Controleren' }).click();
    const problems = page.getByRole('table', { name: /^Fouten per regel/ });
    await expect(problems.getByRole('row', { name: /gemeentecode/ })).toContainText('GM9999 bestaat niet');
    await expect(problems.getByRole('row', { name: /domein/ })).toContainText('vrije-tijd');

    // Utrecht's income application as it is: checked, then read in, unchanged.
    await page.getByLabel('Bestand', { exact: true }).setInputFiles(file('GM0344;Utrecht;Rekenwerk Inkomen (demo);demo-rekenwerk;inkomen'));
    await page.getByRole('button', { name: 'Controleren' }).click();
    await expect(page.getByText('Gecontroleerd: 1 rij, geen fouten')).toBeVisible();
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await expect(page.getByText('Ingelezen: 1 rij; 0 nieuwe applicaties, 0 gewijzigd, 1 ongewijzigd.')).toBeVisible();
  });
});

test.describe('ingelogd als contactpersoon van Utrecht', () => {
  test.use(asRole('utrecht'));

  test('the contact sees on Mijn gemeente what Utrecht waits for, and may choose its applications', async ({ page }) => {
    await page.goto('/mijn-gemeente');
    await expect(page.getByRole('heading', { level: 1, name: 'Voortgang Utrecht' })).toBeVisible();
    const section = page.getByRole('region', { name: 'Software en leveranciers' });
    // The table waits behind its one-line summary, so the page stays short on a phone.
    const waits = section.getByRole('table', { name: 'Maatregelen waarvoor Utrecht op software wacht' });
    await expect(waits).toBeHidden();
    await section.getByText('Toon de maatregelen waarop Utrecht wacht').click();
    await expect(waits.getByRole('row', { name: /^M15 / })).toContainText(
      'Te laat door ICT',
    );
    const income = section.getByRole('combobox', { name: 'Inkomen', exact: true });
    await expect(income).toHaveValue('1');
    await expect(income.locator('option', { hasText: 'Tulp Uitkeringen (demo)' })).toHaveCount(1);
    await expect(section.getByRole('button', { name: 'Applicaties opslaan' })).toBeEnabled();
  });
});

test('the dashboard shows the public ICT figures: agreeing suppliers by name, the others in one line', async ({ page }) => {
  await page.goto('/');
  const table = page.getByRole('table', { name: /^Gemeenten en inwoners die op software wachten, per leverancier/ });
  await expect(table.getByRole('rowheader', { name: SUPPLIER })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Overige leveranciers (3)' })).toBeVisible();
  await expect(table).not.toContainText('Kompas Sociaal');
});
