import { expect, type Page } from '@playwright/test';

import { DEMO_USERS, expectNoHorizontalScroll } from './accounts';
import { expectNoAxeViolations, expectRouteAccessible } from './axe';
import { openRoute } from './navigate';
import { newContext } from './products';
import { fileQuestion, uniqueWord } from './questions';
import { bell, bellCount, unreadCount } from './notifications';
import { asRole, openAs, test } from './sessions';

/*
 * Experts of partner organisations: an advisor puts a question to Stimulansz, the Stimulansz
 * expert hears of it, answers in Spoorboek, and the advisor replies to the asker. And the admins'
 * previews of every mail.
 */

/** The titles of the newest notifications of the page's person. */
async function notificationTitles(page: Page): Promise<string[]> {
  const response = await page.request.get('/api/v1/meldingen?paginaGrootte=20');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { resultaten: { titel: string }[] }).resultaten.map((n) => n.titel);
}

/** The first open request in the expert's inbox, as the API lists it to her. */
async function firstOpenRequest(page: Page): Promise<{ id: number; onderwerp: string }> {
  const response = await page.request.get('/api/v1/expertvragen?status=open');
  expect(response.status()).toBe(200);
  const list = (await response.json()) as { resultaten: { id: number; onderwerp: string }[] };
  expect(list.resultaten.length, 'an open demo request for Stimulansz').toBeGreaterThan(0);
  return list.resultaten[0]!;
}

test.describe('ingelogd als redacteur', () => {
  test.use(asRole('redacteur'));

  test('an advisor puts a question to Stimulansz, its expert answers, and the advisor replies to the asker', async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(120_000);
    const word = uniqueWord('kostendeler');
    const subject = `Kostendelersnorm ${word}`;
    const askForExperts = `Hoe passen gemeenten de kostendelersnorm toe bij een ${word}?`;
    const expertAnswer = `Bij een ${word} telt de kostendelersnorm niet; zo doen de meeste gemeenten het.`;

    // A question taken on the phone, with the asker's details that the experts must not see.
    await openAs(page, 'redacteur');
    const id = await fileQuestion(page, {
      kanaal: 'telefoon',
      vragensteller: { naam: 'Pieter Jansen', email: 'p.jansen@voorbeeldgemeente.example', organisatie: 'Gemeente Voorbeeld' },
      onderwerp: subject,
      vraag: `Telt de kostendelersnorm ook voor een ${word}? Groet, Pieter Jansen`,
      gemeente: 'GM0344',
      maatregelen: ['M01'],
    });

    // The Stimulansz expert, in a browser of her own, before the question is put to her.
    const expertContext = await newContext(browser, testInfo, 'stimulansz');
    const expert = await expertContext.newPage();
    await openAs(expert, 'stimulansz');
    await expect(bell(expert)).toBeVisible();
    const before = await unreadCount(expert);

    // The advisor takes it and puts it to Stimulansz, with a question of her own, sharing nothing.
    await page.goto(`/vragen/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Vraag ${id}: ${subject}` })).toBeVisible();
    await page.getByRole('button', { name: 'Aan mij toewijzen' }).click();
    await expect(page.getByText('De vraag is aan u toegewezen.')).toBeVisible();
    await page.getByRole('radio', { name: 'Voorleggen aan expert' }).check();
    await page.getByRole('combobox', { name: 'Organisatie van de expert' }).selectOption({ label: 'Stimulansz' });
    await page.getByRole('textbox', { name: /^Wat vraagt u de experts\?/ }).fill(askForExperts);
    const share = page.getByRole('checkbox', { name: 'Gegevens van de vraagsteller delen met de experts' });
    await expect(share).not.toBeChecked();
    await page.getByRole('button', { name: 'Voorleggen aan expert' }).click();
    await expect(page.getByText('De vraag is nu: wacht op expert.')).toBeVisible();
    const requests = page.getByRole('region', { name: 'Voorgelegd aan experts' });
    const request = requests.getByRole('listitem', { name: 'Stimulansz' });
    await expect(request).toContainText('StatusOpen');
    await expect(request).toContainText(askForExperts);
    await expect(request).toContainText('Gegevens vraagsteller gedeeldNee');
    await expect(request).toContainText('Nog geen antwoord.');

    // Her bell counts it (at the next minute's poll, or at once on the next page she opens).
    await expert.goto('/toegankelijkheid');
    await expect.poll(() => bellCount(expert)).toBeGreaterThan(before);
    await bell(expert).click();
    const notice = expert.getByRole('listitem', { name: `Vraag voorgelegd: ${subject}` });
    await expect(notice).toContainText('Ongelezen');
    await notice.getByRole('link', { name: `Vraag voorgelegd: ${subject}` }).click();
    await expect(expert).toHaveURL(/\/expertvragen\/\d+$/);
    const requestPath = new URL(expert.url()).pathname;

    // The request: the question and what the advisor asks, never the asker (not shared).
    await expect(expert.getByRole('heading', { level: 1, name: subject })).toBeVisible();
    await expect(expert.getByRole('region', { name: 'Wat de adviseur u vraagt' })).toContainText(askForExperts);
    await expect(expert.getByRole('region', { name: 'De vraag van de gemeente' })).toContainText(`ook voor een ${word}?`);
    await expect(expert.getByRole('region', { name: 'Vrager' })).toContainText(
      'De adviseur heeft de gegevens van de vrager niet met u gedeeld.',
    );
    await expect(expert.getByRole('main')).not.toContainText('p.jansen@voorbeeldgemeente.example');
    await expect(expert.getByRole('main')).not.toContainText('Gemeente Voorbeeld');
    await expect(expert.getByRole('main')).toContainText(`Voorgelegd door${DEMO_USERS.redacteur.name}`);
    await expectNoAxeViolations(expert);

    // It is in her inbox too, among the open ones.
    await expert.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Expertvragen' }).click();
    await expect(expert.getByRole('heading', { level: 1, name: 'Expertvragen' })).toBeVisible();
    const row = expert.getByRole('table', { name: 'Vragen aan uw organisatie' }).getByRole('row', { name: new RegExp(word) });
    await expect(row).toContainText('Open');
    await expect(row.getByRole('link', { name: subject })).toHaveAttribute('href', requestPath);
    await expectNoAxeViolations(expert);
    await row.getByRole('link', { name: subject }).click();

    // She answers; the page then shows her answer, no longer a form.
    const answer = expert.getByRole('region', { name: 'Uw antwoord' });
    await answer.getByRole('button', { name: 'Antwoord versturen' }).click();
    await expect(expert.locator('.spoorboek-error-summary')).toBeFocused();
    await expect(expert.getByRole('link', { name: 'Uw antwoord: Schrijf uw antwoord.' })).toBeVisible();
    await expectNoAxeViolations(expert);
    await answer.getByRole('textbox', { name: 'Uw antwoord' }).fill(expertAnswer);
    await answer.getByRole('button', { name: 'Antwoord versturen' }).click();
    await expect(answer.locator('.utrecht-alert').filter({ hasText: 'Uw antwoord is verstuurd' })).toHaveText(
      `Uw antwoord is verstuurd naar ${DEMO_USERS.redacteur.name}. Dank u wel.`,
    );
    await expect(answer.locator('.utrecht-alert').filter({ hasText: 'Uw antwoord is verstuurd' })).toBeFocused();
    await expect(answer).toContainText(expertAnswer);
    await expect(answer).toContainText(`Verstuurd door ${DEMO_USERS.stimulansz.name} op`);
    await expect(answer.getByRole('textbox')).toHaveCount(0);
    await expectNoAxeViolations(expert);
    await expertContext.close();

    // The advisor hears of the answer (her bell counts it) and finds it on the question's page.
    // (Whether it is still unread is not checked: another test may mark all her notices read.)
    const title = `Antwoord van Stimulansz op vraag ${id}`;
    await expect.poll(() => notificationTitles(page)).toContain(title);
    await page.goto('/toegankelijkheid');
    await expect(bell(page)).toBeVisible();
    await bell(page).click();
    const answered = page.getByRole('listitem', { name: title });
    await expect(answered).toContainText(`Een expert van Stimulansz heeft de vraag '${subject}' beantwoord.`);
    await answered.getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(new RegExp(`/vragen/${id}$`));
    await expect(request).toContainText('StatusBeantwoord');
    await expect(request).toContainText(expertAnswer);
    await expect(request).toContainText(`Door ${DEMO_USERS.stimulansz.name} op`);
    await expect(page.getByRole('region', { name: 'Geschiedenis' })).toContainText(
      'Antwoord van de expert ontvangen: Wacht op expert → Toegewezen',
    );

    // She stays responsible for the reply: she answers the asker.
    await page.getByRole('radio', { name: 'Beantwoorden' }).check();
    await page.getByRole('textbox', { name: 'Antwoord', exact: true }).fill(`Nee. ${expertAnswer}`);
    await page.getByRole('button', { name: 'Beantwoorden' }).click();
    await expect(page.getByText('De vraag is nu: beantwoord.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Antwoord', exact: true })).toContainText(`Nee. ${expertAnswer}`);
  });
});

test.describe('ingelogd als expert van Stimulansz', () => {
  test.use(asRole('stimulansz'));

  test('the inbox and a request pass axe and fit a 360px screen; the team pages are closed', async ({ page }) => {
    await expectRouteAccessible(page, '/expertvragen', 'Expertvragen');
    await expect(page.getByRole('table', { name: 'Vragen aan uw organisatie' }).getByRole('row')).not.toHaveCount(0);
    await expectRouteAccessible(page, '/expertvragen?status=ingetrokken', 'Expertvragen');
    const open = await firstOpenRequest(page);
    await expectRouteAccessible(page, `/expertvragen/${open.id}`, open.onderwerp);
    await expect(page.getByRole('textbox', { name: 'Uw antwoord' })).toBeVisible();

    await page.setViewportSize({ width: 360, height: 740 });
    for (const [path, heading] of [
      ['/expertvragen', 'Expertvragen'],
      [`/expertvragen/${open.id}`, open.onderwerp],
    ] as const) {
      await openRoute(page, path, heading);
      await expect(page.getByRole('main')).not.toContainText(/laden…/);
      await expect(bell(page)).toBeVisible();
      await expectNoHorizontalScroll(page, 360);
    }

    for (const path of ['/vragen', '/mijn-vragen', '/mijn-gemeente', '/voortgang/matrix', '/beheer/e-mailvoorbeelden']) {
      await expectRouteAccessible(page, path, 'Geen toegang');
    }
    await expectRouteAccessible(page, '/expertvragen/999999', 'Expertvraag niet gevonden');
  });
});

test.describe('ingelogd als beheerder', () => {
  test.use(asRole('beheerder'));

  test('the mail previews show every template with its text, HTML and headers, pass axe and fit 360px', async ({ page }) => {
    const policyViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
    });
    await openAs(page, 'beheerder');
    await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'E-mailvoorbeelden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'E-mailvoorbeelden' })).toBeVisible();

    const invited = page.getByRole('region', { name: 'Uitnodiging om te toetsen' });
    await expect(invited).toContainText('OnderwerpToetsen: Handreiking giftenvrijlating');
    await expect(invited.locator('pre')).toContainText('Beste Voorbeeld Persoon,');
    await expect(invited).toContainText('List-Unsubscribe-PostList-Unsubscribe=One-Click');
    await expect(page.getByRole('region', { name: 'Dagoverzicht' })).toBeVisible();
    await expect(page.locator('iframe')).toHaveCount(await page.locator('section.spoorboek-mail-preview').count());

    // The HTML part as a mail client shows it: with its own (inline) styles, sized to the mail.
    const frameElement = invited.locator('iframe[title="HTML-deel van de e-mail: Uitnodiging om te toetsen"]');
    await expect(frameElement).toHaveAttribute('sandbox', 'allow-same-origin');
    const frame = frameElement.contentFrame();
    const mailHeading = frame.getByRole('heading', { level: 1, name: 'Toetsen: Handreiking giftenvrijlating' });
    await expect(mailHeading).toBeVisible();
    await expect(mailHeading).toHaveCSS('font-size', '22px');
    await expect(frame.locator('body')).toHaveCSS('background-color', 'rgb(243, 243, 243)');
    await expect.poll(async () => (await frameElement.boundingBox())?.height ?? 0).toBeGreaterThan(320);
    expect(policyViolations).toEqual([]);

    await expectNoAxeViolations(page, { scriptlessFrames: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await expect(mailHeading).toBeVisible();
    await expectNoHorizontalScroll(page, 360);
  });
});
