import { expect } from '@playwright/test';

import { expectNoHorizontalScroll } from './accounts';
import { expectNoAxeViolations } from './axe';
import { newContext, uniqueWord } from './products';
import { asRole, openAs, test } from './sessions';

/**
 * A signal about ICT names its supplier: the Utrecht contact picks it when she reports (the
 * select appears only for that kind, axe-clean and without sideways scrolling at 360px), and the
 * advisor finds the signal by its supplier in the register, and from the suppliers' list.
 */
test.describe('ingelogd als redacteur', () => {
  test.use(asRole('redacteur'));
  test.describe.configure({ timeout: 90_000 });

  test('a contact names the supplier of her ICT signal, and the register filters on it', async ({ page, browser }, testInfo) => {
    const word = uniqueWord('leverancier');
    const title = `Release voor de vrijlating komt te laat ${word}`;
    const supplier = 'Rekenwerk Software (demo)';

    const contactContext = await newContext(browser, testInfo, 'utrecht');
    const contact = await contactContext.newPage();
    await contact.setViewportSize({ width: 360, height: 800 });
    await openAs(contact, 'utrecht');
    await contact.goto('/signalen/melden');
    await expect(contact.getByRole('heading', { level: 1, name: 'Signaal melden' })).toBeVisible();
    const choice = contact.getByLabel('Leverancier (niet verplicht)');
    await expect(choice).toHaveCount(0);
    await contact.getByLabel('Soort knelpunt').selectOption({ label: 'ICT en leveranciers' });
    await expect(choice.getByRole('option', { name: supplier })).toHaveCount(1);
    await expectNoAxeViolations(contact);
    await expectNoHorizontalScroll(contact, 360);
    await choice.selectOption({ label: supplier });
    await contact.getByLabel('Titel').fill(title);
    await contact
      .getByRole('textbox', { name: 'Omschrijving' })
      .fill(`De leverancier levert de release pas na de ingangsdatum van de maatregel (${word}).`);
    await contact.getByRole('button', { name: 'Signaal melden' }).click();
    await expect(contact.getByRole('heading', { level: 1, name: new RegExp(`^Signaal \\d+: ${title}$`) })).toBeVisible();
    await expect(contact.locator('.spoorboek-facts').first()).toContainText(`Leverancier${supplier}`);
    await contactContext.close();

    await openAs(page, 'redacteur');
    await page.goto(`/signalen?zoek=${word}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Knelpuntenregister' })).toBeVisible();
    await page.getByLabel('Leverancier').selectOption({ label: supplier });
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page).toHaveURL(/leverancier=demo-rekenwerk/);
    await expect(page.getByRole('status').filter({ hasText: 'gevonden' })).toHaveText('1 signaal gevonden.');
    await page.getByLabel('Leverancier').selectOption({ label: 'Tulpdata (demo)' });
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page.getByText('Geen signalen gevonden met deze filters.')).toBeVisible();

    // The suppliers' list counts the supplier's open signals and links to them in the register.
    await page.goto('/ict/leveranciers');
    const open = page.getByRole('link', { name: new RegExp(`^\\d+ open signa(al|len) over ${supplier.replace(/[()]/g, '\\$&')}$`) });
    await expect(open).toBeVisible();
    await expectNoAxeViolations(page);
    await open.click();
    await expect(page).toHaveURL(/leverancier=demo-rekenwerk&open=true/);
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  });
});
