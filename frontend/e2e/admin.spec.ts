import { expect } from '@playwright/test';

import { DEMO_USERS, logIn, logInAs, logOut, submitLogin } from './accounts';
import { linkFromMail } from './mail';
import { asRole, test } from './sessions';
import { totp } from './totp';

// A login of its own: it logs out, which would end a shared session.
test('an admin invites a user, who accepts the invitation, logs in and sets up a second factor', async ({ page }) => {
  test.setTimeout(90_000);
  const stamp = `${Date.now()}-${test.info().workerIndex}`;
  const email = `nieuw-${stamp}@gemeente.example`;
  const name = 'Nina Nieuw';
  const password = 'Fietsen-langs-de-Vecht-in-mei';

  await logInAs(page, 'beheerder');
  await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Gebruikers' }).click();
  await page.getByRole('link', { name: 'Gebruiker uitnodigen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gebruiker uitnodigen' })).toBeVisible();

  // A municipal contact without a municipality is refused before anything is sent.
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Naam', { exact: true }).fill(name);
  await page.getByRole('checkbox', { name: 'Gemeentelijke contactpersoon' }).check();
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  const summary = page.locator('.spoorboek-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Gemeenten: Een gemeentelijke contactpersoon hoort bij minstens één gemeente.');

  await page.getByRole('searchbox', { name: 'Zoek een gemeente' }).fill('Utre');
  await page.getByRole('checkbox', { name: 'Utrecht (Utrecht)' }).check();
  await expect(page.getByRole('list', { name: 'Gekozen: 1' })).toContainText('Utrecht (GM0344)');
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(`Uitnodiging verstuurd naar ${email}.`);
  await expect(page.getByRole('main')).toContainText('Nog niet aanvaard');
  await linkFromMail(email, 'uitnodiging', 1);
  await page.getByRole('button', { name: 'Uitnodiging opnieuw sturen' }).click();
  await expect(page.getByRole('main')).toContainText(`De uitnodiging is opnieuw verstuurd naar ${email}.`);
  // The second mail's link replaces the first.
  const link = await linkFromMail(email, 'uitnodiging', 2);
  await logOut(page);

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Uitnodiging aanvaarden' })).toBeVisible();
  // Every broken rule is listed at the field.
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('nina');
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('nina');
  await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(summary).toBeFocused();
  const newPassword = page.getByLabel('Nieuw wachtwoord', { exact: true });
  await expect(newPassword).toHaveAttribute('aria-invalid', 'true');
  const fieldError = page.locator('#nieuw-wachtwoord-fout');
  await expect(fieldError).toContainText('Gebruik minstens 12 tekens.');
  await expect(fieldError).toContainText('Dit wachtwoord is te voorspelbaar.');
  await expect(fieldError).toContainText('Het wachtwoord mag uw naam niet bevatten.');
  await expect(newPassword).toHaveAttribute('aria-describedby', /nieuw-wachtwoord-fout/);

  await newPassword.fill(password);
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(`${password}!`);
  await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(summary).toContainText('De twee wachtwoorden zijn niet gelijk.');
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();

  await expect(page).toHaveURL(/\/inloggen$/);
  await expect(page.getByRole('main')).toContainText('Uw account is klaar.');
  await submitLogin(page, email, password);
  const account = page.getByRole('navigation', { name: 'Account' });
  await expect(account).toContainText(`Ingelogd als ${name}`);
  await expect(page.getByRole('navigation', { name: 'Beheer' })).toHaveCount(0);

  // Second factor: enrol with the key shown, confirm with a code, then log in with one.
  await account.getByRole('link', { name: 'Mijn account' }).click();
  await page.getByRole('button', { name: 'Tweede factor instellen' }).click();
  await expect(page.getByRole('img', { name: /QR-code/ })).toBeVisible();
  const secret = (await page.locator('#tweede-factor-sleutel').innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByLabel('Code uit de app').fill(totp(secret));
  await page.getByRole('button', { name: 'Tweede factor aanzetten' }).click();
  await expect(page.getByRole('main')).toContainText('De tweede factor staat nu aan.');
  await logOut(page);

  await page.goto('/inloggen');
  await submitLogin(page, email, password);
  const code = page.getByLabel('Code uit uw authenticator-app');
  await expect(code).toBeFocused();
  // The code of the next 30-second step: the one just used may not be used twice.
  await code.fill(totp(secret, 1));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(account).toContainText(`Ingelogd als ${name}`);
});

test.describe('ingelogd als beheerder', () => {
  test.use(asRole('beheerder'));

  test('an admin creates a machine client and sees its secret exactly once', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const clientName = `Voortgangsscript test ${Date.now()}-${test.info().workerIndex}`;
    await page.goto('/beheer/koppelingen');
    await expect(page.getByRole('link', { name: 'Divosa kennisbank (demo)' })).toBeVisible();
    await page.getByRole('link', { name: 'Koppeling aanmaken' }).click();

    await page.getByLabel('Naam', { exact: true }).fill(clientName);
    await page.getByRole('radio', { name: 'Script' }).check();
    await page.getByRole('checkbox', { name: 'Voortgang lezen van de eigen gemeenten' }).check();
    await page.getByRole('searchbox', { name: 'Zoek een gemeente' }).fill('Utrecht');
    await page.getByRole('checkbox', { name: 'Utrecht (Utrecht)' }).check();
    await page.getByRole('button', { name: 'Koppeling aanmaken' }).click();

    const panel = page.locator('.spoorboek-secret-panel');
    await expect(panel).toBeFocused();
    await expect(panel).toContainText('Dit geheim wordt maar één keer getoond.');
    const secret = await page.getByTestId('client-secret').innerText();
    expect(secret.length).toBeGreaterThan(20);
    await panel.getByRole('button', { name: 'Kopieer het geheim' }).click();
    await expect(panel).toContainText('Gekopieerd naar het klembord.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    // Gone after a reload, and not on the client's own page either.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Koppeling aanmaken' })).toBeVisible();
    await expect(page.getByText(secret)).toHaveCount(0);
    await page.goto('/beheer/koppelingen');
    await page.getByRole('link', { name: clientName }).click();
    await expect(page.getByRole('heading', { level: 1, name: clientName })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(`…${secret.slice(-4)}`);
    await expect(page.getByText(secret)).toHaveCount(0);

    // A new secret, with the old one still working for an hour.
    await page.getByLabel('Uren dat het oude geheim nog werkt').fill('1');
    await page.getByRole('button', { name: 'Nieuw geheim maken' }).click();
    await expect(panel).toBeFocused();
    const second = await page.getByTestId('client-secret').innerText();
    expect(second).not.toBe(secret);
    await expect(page.getByRole('table', { name: 'Geheimen' }).getByRole('row')).toHaveCount(3);

    await page.getByRole('button', { name: 'Koppeling intrekken' }).click();
    await expect(page.getByRole('main')).toContainText('De koppeling is ingetrokken.');
    await page.getByRole('button', { name: 'Koppeling activeren' }).click();
    await expect(page.getByRole('main')).toContainText('De koppeling is weer actief.');
  });

  test('an admin filters the users and the audit log', async ({ page }) => {
    await page.goto('/beheer/gebruikers');
    await page.getByLabel('Rol').selectOption('gemeente');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page).toHaveURL(/rol=gemeente/);
    await expect(page.getByRole('heading', { level: 2, name: 'Resultaten' })).toBeFocused();
    const table = page.getByRole('table');
    await expect(table.getByRole('link', { name: DEMO_USERS.utrecht.name })).toBeVisible();
    await expect(table.getByRole('link', { name: DEMO_USERS.bollenstreek.name })).toBeVisible();
    await expect(table.getByRole('link', { name: DEMO_USERS.beheerder.name })).toHaveCount(0);

    await page.getByLabel('Zoek op naam of e-mailadres').fill('bestaat-zeker-niet');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page.getByRole('main')).toContainText('Geen gebruikers gevonden die aan de filters voldoen.');
    await expect(page.getByRole('table')).toHaveCount(0);

    await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Auditlog' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Auditlog' })).toBeVisible();
    await page.getByLabel('Gebeurtenis', { exact: true }).selectOption('login.gelukt');
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    await page.getByLabel('Vanaf').fill(day);
    await page.getByLabel('Tot en met').fill(day);
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page).toHaveURL(/gebeurtenis=login.gelukt/);
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows.nth(1)).toContainText('Ingelogd');
    // Retrying assertion: the unfiltered rows may still show until the new page arrives.
    const events = page.getByRole('table').locator('tbody tr td:nth-child(2)');
    await expect(events.filter({ hasNotText: 'login.gelukt' })).toHaveCount(0);
    await expect(events.first()).toContainText('login.gelukt');
  });
});

// A login of its own: it tries to change the admin's own account.
test('an admin cannot take away their own admin role', async ({ page }) => {
  await logIn(page, DEMO_USERS.beheerder.email);
  await page.goto('/beheer/gebruikers');
  await page.getByRole('link', { name: DEMO_USERS.beheerder.name }).click();
  await page.getByRole('checkbox', { name: 'Beheerder' }).uncheck();
  await page.getByRole('checkbox', { name: 'Redacteur' }).check();
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  const summary = page.locator('.spoorboek-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('U kunt uzelf niet de beheerdersrol afnemen of uitschakelen.');
});
