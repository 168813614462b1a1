import { expect, test } from '@playwright/test';

import { DEMO_USERS, logIn, logInAs, logOut, submitLogin, type DemoUser } from './accounts';

const ROLES: { who: DemoUser; admin: boolean; details: string; landing: RegExp }[] = [
  { who: 'beheerder', admin: true, details: 'Beheerder', landing: /\/vragen$/ },
  { who: 'redacteur', admin: false, details: 'Redacteur', landing: /\/vragen$/ },
  { who: 'utrecht', admin: false, details: 'Utrecht', landing: /\/mijn-gemeente$/ },
  { who: 'bollenstreek', admin: false, details: 'Hillegom, Lisse, Noordwijk, Teylingen', landing: /\/mijn-gemeente$/ },
  { who: 'stimulansz', admin: false, details: 'Stimulansz', landing: /\/expertvragen$/ },
];

test.describe('inloggen per rol', () => {
  for (const { who, admin, details, landing } of ROLES) {
    test(`${who} logs in, sees what the role allows and logs out`, async ({ page }) => {
      const user = DEMO_USERS[who];
      await page.goto('/');
      const account = page.getByRole('navigation', { name: 'Account' });
      await account.getByRole('link', { name: 'Inloggen' }).click();
      await expect(page).toHaveURL(/\/inloggen$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
      await submitLogin(page, user.email, 'Demo-Spoorboek-2026');

      // The front page sent them without a return path: they land on the page of their work.
      await expect(page).toHaveURL(landing);
      await expect(account).toContainText(`Ingelogd als ${user.name}`);
      await expect(account.getByRole('link', { name: 'Mijn account' })).toBeVisible();
      const adminNav = page.getByRole('navigation', { name: 'Beheer' });
      if (admin) {
        await expect(adminNav.getByRole('link')).toHaveText(['Gebruikers', 'Koppelingen', 'Auditlog', 'E-mailvoorbeelden']);
      } else {
        await expect(adminNav).toHaveCount(0);
      }

      await account.getByRole('link', { name: 'Mijn account' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
      await expect(page.getByRole('main')).toContainText(user.email);
      await expect(page.getByRole('main')).toContainText(details);

      await page.goto('/beheer/gebruikers');
      if (admin) {
        await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers' })).toBeVisible();
        await expect(page.getByRole('link', { name: DEMO_USERS.utrecht.name })).toBeVisible();
      } else {
        await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
        await expect(page.getByRole('table')).toHaveCount(0);
      }

      await logOut(page);
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole('main')).toContainText('U bent uitgelogd.');
      await page.goto('/mijn-account');
      await expect(page).toHaveURL(/\/inloggen\?terug=%2Fmijn-account$/);
    });
  }
});

test('a visitor who is not logged in is sent to login and brought back afterwards', async ({ page }) => {
  await page.goto('/beheer/koppelingen');
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Fbeheer%2Fkoppelingen$/);
  await expect(page.getByRole('main')).toContainText('Log in om deze pagina te bekijken.');
  await submitLogin(page, DEMO_USERS.beheerder.email, 'Demo-Spoorboek-2026');
  await expect(page).toHaveURL(/\/beheer\/koppelingen$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Koppelingen' })).toBeVisible();
});

test('wrong credentials and empty fields show an error summary that gets focus', async ({ page }) => {
  await page.goto('/inloggen');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const summary = page.locator('.spoorboek-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('E-mailadres: Vul een e-mailadres in.');
  await expect(summary).toContainText('Wachtwoord: Vul uw wachtwoord in.');
  const email = page.getByLabel('E-mailadres');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('Vul een e-mailadres in.');
  await summary.getByRole('link', { name: 'Wachtwoord: Vul uw wachtwoord in.' }).click();
  await expect(page.getByLabel('Wachtwoord', { exact: true })).toBeFocused();

  // An address without an account, so no demo account gets throttled.
  await submitLogin(page, 'niemand@gemeente.example', 'Geen-Geldig-Wachtwoord-1');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('E-mailadres of wachtwoord onjuist.');
  await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveValue('');
});

test('an expired access token is refreshed once and the call retried', async ({ page, context }) => {
  await logInAs(page, 'redacteur');
  // As if the access cookie had run out: without it the next call gets a 401.
  await context.clearCookies({ name: 'spoorboek_sessie' });
  const refreshes: number[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/api/v1/sessies/huidig/vernieuwing')) refreshes.push(response.status());
  });
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Mijn account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(DEMO_USERS.redacteur.email);
  expect(refreshes).toEqual([200]);
  const cookies = await context.cookies();
  expect(cookies.map((cookie) => cookie.name)).toContain('spoorboek_sessie');
});

test('when the session is over, a polite message and back to the same page after login', async ({ page, context }) => {
  await logInAs(page, 'utrecht');
  // Away from the landing page, whose own requests would notice the ended session first.
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText('Ingelogd als');
  await context.clearCookies({ name: 'spoorboek_sessie' });
  await context.clearCookies({ name: 'spoorboek_vernieuwing' });
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Mijn account' }).click();
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Fmijn-account$/);
  await expect(page.getByRole('main')).toContainText('Uw sessie is verlopen. Log opnieuw in.');
  await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Inloggen' })).toBeVisible();
  await submitLogin(page, DEMO_USERS.utrecht.email, 'Demo-Spoorboek-2026');
  await expect(page).toHaveURL(/\/mijn-account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
});

test('forgot password always shows the same confirmation', async ({ page }) => {
  await page.goto('/inloggen');
  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await expect(page).toHaveURL(/\/wachtwoord-vergeten$/);
  await page.getByLabel('E-mailadres').fill('onbekend-adres@gemeente.example');
  await page.getByRole('button', { name: 'Herstellink versturen' }).click();
  const confirmation = page.getByRole('heading', { level: 2, name: 'Kijk in uw e-mail' });
  await expect(confirmation).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Als er een Spoorboek-account bij dit e-mailadres hoort');
});

test('a reset link without its token says so', async ({ page }) => {
  await page.goto('/wachtwoord-herstellen');
  await expect(page.getByRole('heading', { level: 2, name: 'Deze link is niet compleet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'vraag een nieuwe herstellink aan' })).toBeVisible();
});

test('a used or unknown reset token is refused with the reason', async ({ page }) => {
  await page.goto('/wachtwoord-herstellen#token=bestaat-niet-1234567890');
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Een-lange-zin-als-wachtwoord');
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('Een-lange-zin-als-wachtwoord');
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  const summary = page.locator('.spoorboek-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Deze link is ongeldig, al gebruikt of verlopen.');
});

test('logging in keeps working after a page reload (the session lives in cookies)', async ({ page }) => {
  await logIn(page, DEMO_USERS.bollenstreek.email);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(
    `Ingelogd als ${DEMO_USERS.bollenstreek.name}`,
  );
});
