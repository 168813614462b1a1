import { expect, test, type Page } from '@playwright/test';

import { mailsTo, partsText } from './mail';
import { expectAccessibleAtWidths } from './widths';

/*
 * The nieuwsbrief for visitors: signing up with double opt-in, the pages behind the mails'
 * links, and leaving. Each test signs up an address of its own, so tests never share one.
 */

function uniqueAddress(): string {
  return `lezer-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.nl`;
}

/** The link to `page` ("/nieuwsbrief/bevestigen#token=…") in the newest mail to `address`, once it arrived. */
async function linkInMail(address: string, page: string): Promise<string> {
  let link = '';
  await expect
    .poll(
      async () => {
        const mail = (await mailsTo(address)).at(-1);
        const pattern = new RegExp(`https?://[^\\s/"]+(${page}#token=[A-Za-z0-9_-]+)`);
        link = (mail && pattern.exec(partsText(mail.body))?.[1]) ?? '';
        return link;
      },
      { message: `a mail with a ${page} link to ${address}` },
    )
    .not.toBe('');
  return link;
}

async function subscribeForOneMeasure(page: Page, address: string): Promise<void> {
  await page.goto('/nieuwsbrief');
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwsbrief' })).toBeVisible();
  await page.getByLabel('E-mailadres').fill(address);
  await page.getByLabel(/Alleen over de maatregelen/).check();
  await page.getByRole('group', { name: 'Maatregelen' }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Kijk in uw mailbox' })).toBeVisible();
}

test.describe('the nieuwsbrief for visitors', () => {
  test('subscribe for one measure, confirm from the mail, change the choice and leave', async ({ page }) => {
    const address = uniqueAddress();
    await subscribeForOneMeasure(page, address);

    await page.goto(await linkInMail(address, '/nieuwsbrief/bevestigen'));
    // Opening the link confirms nothing (mail scanners open links too): the button does.
    await expect(page.getByRole('button', { name: 'Aanmelding bevestigen' })).toBeVisible();
    await page.reload();
    await page.getByRole('button', { name: 'Aanmelding bevestigen' }).click();
    await expect(page.getByRole('heading', { name: 'Uw aanmelding is bevestigd' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(address);
    await expect(page.getByRole('main')).toContainText('Alleen over maatregelen');

    // Once confirmed, the confirmation's link manages the subscription too.
    await page.getByRole('link', { name: /Uw keuze wijzigen/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Uw abonnement op de nieuwsbrief' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Actief: u krijgt de nieuwsbrief');
    await page.getByLabel('De hele nieuwsbrief').check();
    await page.getByRole('button', { name: 'Keuze opslaan' }).click();
    await expect(page.getByText('Uw keuze is opgeslagen.')).toBeVisible();
    await expect(page.getByRole('main')).toContainText('De hele nieuwsbrief');

    await page.getByRole('button', { name: 'Afmelden voor de nieuwsbrief' }).click();
    await expect(page.getByRole('heading', { name: 'U bent afgemeld' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Afgemeld: u krijgt niets meer');
  });

  test('the footer leads to the nieuwsbrief', async ({ page }) => {
    await page.goto('/toegankelijkheid');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Nieuwsbrief' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuwsbrief' })).toBeVisible();
  });

  test('an unknown confirmation link and a manage page without a link are explained', async ({ page }) => {
    await page.goto('/nieuwsbrief/bevestigen#token=abcdefghijklmnopqrstuvwxyz0123456789');
    await page.getByRole('button', { name: 'Aanmelding bevestigen' }).click();
    await expect(page.getByRole('heading', { name: 'Deze bevestigingslink kennen we niet' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Meld u opnieuw aan' })).toBeVisible();
    await page.goto('/nieuwsbrief/beheren');
    await expect(page.getByRole('heading', { name: 'Open deze pagina met de link uit een e-mail' })).toBeVisible();
  });

  test('the public pages are axe-clean at 360 and 1280 px', async ({ page }) => {
    test.setTimeout(90_000);
    const address = uniqueAddress();
    await page.goto('/nieuwsbrief');
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuwsbrief' })).toBeVisible();
    await page.getByLabel(/Alleen over de maatregelen/).check();
    await expect(page.getByRole('group', { name: 'Maatregelen' })).toBeVisible();
    await expectAccessibleAtWidths(page);

    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('heading', { name: 'Controleer de volgende gegevens' })).toBeVisible();
    await expectAccessibleAtWidths(page, { scroll: false });

    await page.getByLabel('E-mailadres').fill(address);
    await page.getByLabel('De hele nieuwsbrief').check();
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('heading', { name: 'Kijk in uw mailbox' })).toBeVisible();
    await expectAccessibleAtWidths(page, { scroll: false });

    await page.goto(await linkInMail(address, '/nieuwsbrief/bevestigen'));
    await expect(page.getByRole('button', { name: 'Aanmelding bevestigen' })).toBeVisible();
    await expectAccessibleAtWidths(page, { scroll: false });
    await page.getByRole('button', { name: 'Aanmelding bevestigen' }).click();
    await expect(page.getByRole('heading', { name: 'Uw aanmelding is bevestigd' })).toBeVisible();
    await expectAccessibleAtWidths(page);

    await page.goto('/nieuwsbrief');
    await page.getByLabel('E-mailadres').fill(address);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('heading', { name: 'Kijk in uw mailbox' })).toBeVisible();
    await page.goto(await linkInMail(address, '/nieuwsbrief/beheren'));
    await expect(page.getByRole('button', { name: 'Keuze opslaan' })).toBeVisible();
    await page.getByRole('button', { name: 'Alles wissen…' }).click();
    await expectAccessibleAtWidths(page);

    await page.goto('/nieuwsbrief/beheren');
    await expect(page.getByRole('heading', { name: 'Open deze pagina met de link uit een e-mail' })).toBeVisible();
    await expectAccessibleAtWidths(page, { scroll: false });

    await page.goto('/nieuwsbrief/archief');
    await expect(page.getByRole('heading', { level: 1, name: 'Archief van de nieuwsbrief' })).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText(/laden…/);
    await expect(page.getByRole('link', { name: 'Atom-feed' })).toHaveAttribute('href', '/api/v1/nieuwsbrief/archief/feed');
    await expectAccessibleAtWidths(page);

    // The demo's sent editions are in it; one opens as a page of its own.
    const demo = page.getByRole('list', { name: 'Verstuurde edities' }).getByRole('link', { name: /\(demo\)$/ });
    await expect(demo).toHaveCount(3);
    await demo.first().click();
    await expect(page.getByRole('heading', { level: 1, name: /\(demo\)$/ })).toBeVisible(); // strict: one heading of the first level
    await expectAccessibleAtWidths(page);

    await page.goto('/nieuwsbrief/archief/999999');
    await expect(page.getByRole('heading', { level: 1, name: 'Deze nieuwsbrief bestaat niet' })).toBeVisible();
    await expectAccessibleAtWidths(page, { scroll: false });
  });
});
