import { expect, type Page } from '@playwright/test';

import { DEMO_USERS, expectNoHorizontalScroll } from './accounts';
import { bell, bellCount, unreadCount } from './notifications';
import { newContext } from './products';
import { fileQuestion, uniqueWord } from './questions';
import { asRole, openAs, test } from './sessions';

/** The signal's number, from the page it landed on (/signalen/12). */
function idFrom(page: Page): number {
  const match = /\/signalen\/(\d+)$/.exec(new URL(page.url()).pathname);
  expect(match, `a signal page, not ${page.url()}`).toBeTruthy();
  return Number(match?.[1]);
}

test.describe('ingelogd als redacteur', () => {
  test.use(asRole('redacteur'));

  test('a contact reports a signal; an advisor links blockers and a question, passes it to track 2 and records the response; the contact is told and sees it under Mijn signalen', async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(120_000);
    const word = uniqueWord('knelpunt');
    const title = `Koppeling met de RDW ontbreekt ${word}`;

    // The Utrecht contact, in a browser of her own. A question of hers shows the same problem.
    const contactContext = await newContext(browser, testInfo, 'utrecht');
    const contact = await contactContext.newPage();
    await openAs(contact, 'utrecht');
    const questionId = await fileQuestion(contact, {
      onderwerp: `Kenteken ophalen ${word}`,
      vraag: `Ons pakket haalt het kenteken niet op bij de RDW, dus toetsen wij het vermogen met de hand (${word}).`,
      maatregelen: ['M05'],
    });
    const before = await unreadCount(contact);

    // She reports the signal from her Signalen menu.
    await contact.getByRole('navigation', { name: 'Signalen' }).getByRole('link', { name: 'Signaal melden' }).click();
    await expect(contact.getByRole('heading', { level: 1, name: 'Signaal melden' })).toBeVisible();
    await contact.getByRole('button', { name: 'Signaal melden' }).click();
    await expect(contact.locator('.spoorboek-error-summary')).toBeFocused();
    await expect(contact.locator('.spoorboek-error-summary')).toContainText('Soort knelpunt: Kies de soort knelpunt.');
    await contact.getByLabel('Titel').fill(title);
    await contact
      .getByRole('textbox', { name: 'Omschrijving' })
      .fill(`Het pakket haalt het kenteken niet op bij de RDW, dus toetsen wij het vermogen met de hand (${word}).`);
    await contact.getByLabel('Soort knelpunt').selectOption({ label: 'ICT en leveranciers' });
    await contact.getByRole('checkbox', { name: /^M05 / }).check();
    await contact.getByRole('button', { name: 'Signaal melden' }).click();
    await expect(contact.getByRole('heading', { level: 1, name: new RegExp(`^Signaal \\d+: ${title}$`) })).toBeVisible();
    await expect(contact.getByRole('status').filter({ hasText: 'Uw signaal is gemeld.' })).toBeVisible();
    const id = idFrom(contact);
    // The team's parts are not hers.
    await expect(contact.getByRole('heading', { name: 'Behandelen' })).toHaveCount(0);
    await expect(contact.getByRole('heading', { name: 'Bewijs' })).toHaveCount(0);

    // The advisor finds it in the register and takes it up.
    await openAs(page, 'redacteur');
    await page.getByRole('navigation', { name: 'Signalen' }).getByRole('link', { name: 'Register' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Knelpuntenregister' })).toBeVisible();
    await page.getByLabel('Zoeken').fill(word);
    await page.getByLabel('Status').selectOption({ label: 'Gemeld' });
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page).toHaveURL(new RegExp(`zoek=${word}.*status=gemeld`));
    await expect(page.getByRole('status').filter({ hasText: 'gevonden' })).toHaveText('1 signaal gevonden.');
    const row = page.getByRole('row', { name: new RegExp(word) });
    await expect(row).toContainText('ICT en leveranciers');
    await expect(row).toContainText('Utrecht');
    await row.getByRole('link', { name: new RegExp(title) }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Signaal ${id}: ${title}` })).toBeVisible();
    await expect(page.locator('.spoorboek-facts').first()).toContainText(DEMO_USERS.utrecht.name);

    await page.getByRole('radio', { name: 'In behandeling nemen' }).check();
    await page.getByRole('button', { name: 'In behandeling nemen' }).click();
    await expect(page.getByText('Het signaal is nu: in behandeling.')).toBeVisible();

    // She links a group of blockers of M05 and the contact's question, in a few steps.
    await page.getByRole('button', { name: 'Vragen en knelpunten kiezen' }).click();
    const blockers = page.getByRole('region', { name: 'Knelpunten koppelen' });
    await expect(blockers.getByRole('status').first()).toContainText(/groepe?n? knelpunten gevonden/);
    const group = blockers.getByRole('group', { name: 'Groepen gelijkende knelpunten' }).getByRole('checkbox').first();
    await group.check();
    await blockers.getByRole('button', { name: 'Knelpunten koppelen' }).click();
    await expect(blockers.getByText(/^\d+ knelpunt(en)? gekoppeld\.$/)).toBeVisible();
    const linkedBlockers = page.getByRole('table', { name: 'Gekoppelde knelpunten, met hun tekst van toen' });
    // The group is linked whole: its blockers at M05, and those of the same text at other measures.
    await expect(linkedBlockers).toContainText('M05');

    const questions = page.getByRole('region', { name: 'Vragen koppelen' });
    await questions.getByLabel('Lijkt op').fill(`Kenteken ophalen ${word}`);
    await questions.getByRole('button', { name: 'Vragen zoeken' }).click();
    await questions.getByRole('checkbox', { name: `Vraag ${questionId}: Kenteken ophalen ${word}` }).check();
    await questions.getByRole('button', { name: 'Vragen koppelen' }).click();
    await expect(questions.getByText('1 vraag gekoppeld.')).toBeVisible();
    const linkedQuestions = page.getByRole('table', { name: 'Gekoppelde vragen' });
    await expect(linkedQuestions.getByRole('link', { name: new RegExp(`Kenteken ophalen ${word}`) })).toHaveAttribute(
      'href',
      `/vragen/${questionId}`,
    );
    // The reach follows from the evidence: Utrecht and the municipalities behind the blockers.
    await expect(page.locator('.spoorboek-facts').first()).toContainText(/Bereik\s*\d+ gemeenten, [\d.]+ inwoners/);

    // Passed on to track 2: the step asks to whom and with what text.
    await page.getByRole('radio', { name: 'Doorzetten' }).check();
    await page.getByRole('button', { name: 'Doorzetten' }).click();
    await expect(page.locator('.spoorboek-error-summary')).toBeFocused();
    await expect(page.locator('.spoorboek-error-summary')).toContainText('Aan wie is het signaal doorgezet?');
    await page.getByLabel('Doorgezet aan').selectOption({ label: 'Spoor 2 (herziening van de wet)' });
    await page.getByRole('textbox', { name: 'Wat is doorgezet' }).fill(`Graag een grondslag voor de koppeling met de RDW (${word}).`);
    await page.getByRole('button', { name: 'Doorzetten' }).click();
    await expect(page.getByText('Het signaal is nu: doorgezet.')).toBeVisible();
    await expect(page.locator('.spoorboek-facts').first()).toContainText('Spoor 2 (herziening van de wet)');

    // The response, and what it changes.
    await page.getByRole('radio', { name: 'Reactie vastleggen' }).check();
    await page.getByRole('textbox', { name: 'De reactie' }).fill(`Spoor 2 neemt de koppeling op in de herziening; tot dan helpt een handreiking (${word}).`);
    await page.getByRole('radio', { name: 'Een handreiking' }).check();
    await page.getByRole('textbox', { name: 'Toelichting (niet verplicht)' }).fill('De handreiking verschijnt in het eerste kwartaal.');
    await page.getByRole('button', { name: 'Reactie vastleggen' }).click();
    await expect(page.getByText('Het signaal is nu: reactie ontvangen.')).toBeVisible();
    const history = page.getByRole('region', { name: 'Geschiedenis' });
    await expect(history).toContainText('Status: In behandeling → Doorgezet, aan Spoor 2 (herziening van de wet)');
    await expect(history).toContainText('Status: Doorgezet → Reactie ontvangen; verandert: een handreiking');
    await expect(history).toContainText(`vraag ${questionId}`);

    // The contact hears of it through the bell, and reads the response on the signal's page.
    await contact.goto('/toegankelijkheid');
    await expect.poll(() => bellCount(contact)).toBeGreaterThan(before);
    await bell(contact).click();
    const notice = contact.getByRole('listitem', { name: `Reactie op het signaal: ${title}` });
    await expect(notice).toContainText('Ongelezen');
    await notice.getByRole('link', { name: `Reactie op het signaal: ${title}` }).click();
    await expect(contact).toHaveURL(new RegExp(`/signalen/${id}$`));
    const response = contact.getByRole('region', { name: 'Reactie' });
    await expect(response).toContainText(`Spoor 2 neemt de koppeling op in de herziening; tot dan helpt een handreiking (${word}).`);
    await expect(response).toContainText('Een handreiking');

    // Under Mijn signalen, with its new status.
    await contact.getByRole('navigation', { name: 'Signalen' }).getByRole('link', { name: 'Mijn signalen' }).click();
    await expect(contact.getByRole('heading', { level: 1, name: 'Mijn signalen' })).toBeVisible();
    const mine = contact.getByRole('row', { name: new RegExp(word) });
    await expect(mine).toContainText('Reactie ontvangen');
    await expect(mine).toContainText('aan Spoor 2');
    await contactContext.close();

    // Fed back: the loop is closed.
    await page.getByRole('radio', { name: 'Teruggekoppeld aan de gemeenten' }).check();
    await page.getByRole('button', { name: 'Teruggekoppeld aan de gemeenten' }).click();
    await expect(page.getByText('Het signaal is nu: teruggekoppeld.')).toBeVisible();
    await expect(page.getByText('De cirkel is rond: het signaal is teruggekoppeld aan de gemeenten.')).toBeVisible();
  });

  test('a signal goes public only without personal data, and a contact of another municipality says "ook bij ons" once', async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(90_000);
    const word = uniqueWord('openbaar');
    const title = `Wachttijd bij de ketenpartner ${word}`;
    await openAs(page, 'redacteur');
    await page.goto('/signalen/melden');
    await expect(page.getByRole('heading', { level: 1, name: 'Signaal vastleggen' })).toBeVisible();
    await page.getByLabel('Titel').fill(title);
    await page
      .getByRole('textbox', { name: 'Omschrijving' })
      .fill(`Bel Karel Kwast op 06-12345678 over de wachttijd bij de ketenpartner (${word}).`);
    await page.getByLabel('Soort knelpunt').selectOption({ label: 'Ketenpartners' });
    await page.getByRole('button', { name: 'Signaal vastleggen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Signaal \\d+: ${title}$`) })).toBeVisible();
    const id = idFrom(page);

    // Public with a phone number in it: refused, and said at the field.
    await page.getByRole('button', { name: 'Signaal bewerken of openbaar maken' }).click();
    await page.getByRole('checkbox', { name: 'Openbaar: tonen in het openbare register' }).check();
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    const summary = page.locator('.spoorboek-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Omschrijving: Bevat een');
    await expect(page.locator('#bewerk-omschrijving-fout')).toContainText('telefoonnummer');
    await page
      .getByRole('textbox', { name: 'Omschrijving' })
      .fill(`Gemeenten wachten weken op de ketenpartner, zodat de uitkering later ingaat (${word}).`);
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect(page.getByText('Het signaal is opgeslagen en staat nu in het openbare register.')).toBeVisible();
    await expect(page.locator('.spoorboek-facts').first()).toContainText('Ja, in het openbare register');

    // A visitor finds it in the public register, without who reported it.
    const visitorContext = await newContext(browser, testInfo);
    const visitor = await visitorContext.newPage();
    await visitor.goto('/');
    await visitor.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Signalen' }).click();
    await expect(visitor.getByRole('heading', { level: 1, name: 'Signalen uit de praktijk' })).toBeVisible();
    await visitor.getByLabel('Soort').selectOption({ label: 'Ketenpartners' });
    await visitor.getByRole('button', { name: 'Filteren' }).click();
    await expect(visitor).toHaveURL(/soort=ketenpartners/);
    await visitor.goto(`/openbare-signalen/${id}`);
    await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(visitor.getByRole('main')).not.toContainText(DEMO_USERS.redacteur.name);
    await expect(visitor.getByRole('link', { name: 'Alle openbare signalen als CSV' })).toHaveAttribute(
      'href',
      '/api/v1/openbare-signalen/export?formaat=csv',
    );
    await expect(visitor.getByRole('link', { name: 'Atom-feed van de reacties' })).toHaveAttribute('href', '/api/v1/openbare-signalen/reacties');
    await expect(visitor.getByRole('button', { name: /Ook bij ons/ })).toHaveCount(0);
    await visitorContext.close();

    // A contact of another municipality: "ook bij ons", once.
    const contactContext = await newContext(browser, testInfo, 'utrecht');
    const contact = await contactContext.newPage();
    await openAs(contact, 'utrecht');
    await contact.goto(`/openbare-signalen/${id}`);
    await expect(contact.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(contact.getByRole('paragraph').filter({ hasText: 'herken' })).toHaveText('Nog geen gemeente herkent dit knelpunt.');
    await contact.getByRole('button', { name: 'Ook bij ons (Utrecht)' }).click();
    await expect(contact.getByText('Vastgelegd: dit speelt ook bij Utrecht.')).toBeVisible();
    await expect(contact.locator('.spoorboek-given')).toContainText('Utrecht gaf op');
    await expect(contact.getByRole('button', { name: /Ook bij ons/ })).toHaveCount(0);
    await contact.reload();
    await expect(contact.locator('.spoorboek-given')).toContainText('Utrecht gaf op');
    await expect(contact.getByRole('button', { name: /Ook bij ons/ })).toHaveCount(0);
    await expect(contact.getByRole('paragraph').filter({ hasText: 'herken' })).toHaveText('1 gemeente herkent dit knelpunt.');
    // It is hers now too.
    await contact.goto('/mijn-signalen');
    await expect(contact.getByRole('row', { name: new RegExp(word) })).toBeVisible();
    await contactContext.close();

    // The advisor sees Utrecht behind it.
    await page.reload();
    await expect(page.getByRole('table', { name: 'Gemeenten die zeiden: dit geldt ook bij ons' })).toContainText('Utrecht');
  });

  test('the blockers view makes a signal of a group in one step, and the register keeps its filters in the URL', async ({ page }) => {
    test.setTimeout(60_000);
    await openAs(page, 'redacteur');
    await page.goto('/signalen/knelpunten?maatregel=M05');
    await expect(page.getByRole('heading', { level: 1, name: 'Knelpunten uit de voortgang' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /knelpunten van \d+ gemeenten/ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Knelpunten per maatregel en soort' })).toBeVisible();
    // "Maak signaal" makes a signal of a group with all its blockers; a group a signal was made
    // from already says so (the demo register made some), so the smallest groups are tried first.
    const groups = page.locator('.spoorboek-groups > li');
    let made = '';
    for (let index = (await groups.count()) - 1; index >= 0 && !made; index -= 1) {
      const group = groups.nth(index);
      const groupTitle = (await group.getByRole('heading', { level: 3 }).textContent()) ?? '';
      await group.getByRole('button', { name: 'Maak signaal' }).click();
      const kind = group.getByLabel('Soort');
      if (!(await kind.inputValue())) await kind.selectOption({ label: 'Uitvoering en capaciteit' });
      await group.getByRole('button', { name: 'Signaal maken' }).click();
      const signalHeading = page.getByRole('heading', { level: 1, name: /^Signaal \d+: / });
      const taken = group.getByRole('heading', { level: 2, name: 'Conflict' });
      await expect(signalHeading.or(taken)).toBeVisible();
      if (await signalHeading.isVisible()) made = groupTitle;
      else await expect(group).toContainText(/Hiervan is al signaal \d+ gemaakt/);
    }
    expect(made, 'a group of M05 no signal was made from').not.toBe('');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(made.slice(0, 40));
    await expect(page.getByRole('table', { name: 'Gekoppelde knelpunten, met hun tekst van toen' }).getByRole('row')).not.toHaveCount(0);

    await page.goto('/signalen?status=gemeld&aan=spoor-2&ouderDanDagen=30&open=true');
    await expect(page.getByLabel('Status')).toHaveValue('gemeld');
    await expect(page.getByLabel('Doorgezet aan')).toHaveValue('spoor-2');
    await expect(page.getByLabel('Leeftijd')).toHaveValue('30');
    await expect(page.getByRole('checkbox', { name: 'Alleen open signalen' })).toBeChecked();
    // Nothing is both reported and passed on: the empty state says the filters found nothing.
    await expect(page.getByRole('status').filter({ hasText: 'Geen signalen' })).toHaveText('Geen signalen gevonden met deze filters.');
    await page.getByRole('navigation', { name: 'Snelfilters' }).getByRole('link', { name: 'Wacht op reactie' }).click();
    await expect(page).toHaveURL(/status=doorgezet/);
    await expectNoHorizontalScroll(page, 1280);
  });

  test('the steering report is printable and offers the workbook of its period', async ({ page }) => {
    await openAs(page, 'redacteur');
    await page.goto('/signalen/rapportage?van=2026-01-01&tot=2026-12-31');
    await expect(page.getByRole('heading', { level: 1, name: 'Stuurrapportage signalen' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: '1 januari 2026 tot en met 31 december 2026' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Signalen in de periode' })).toContainText('Gemeld');
    const workbook = page.getByRole('link', { name: 'Download als Excel (XLSX)' });
    await expect(workbook).toHaveAttribute('href', '/api/v1/signalen/rapportage?formaat=xlsx&van=2026-01-01&tot=2026-12-31');
    const download = await page.request.get((await workbook.getAttribute('href')) ?? '');
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('spreadsheetml');
    // On paper: the figures, without the site's header, menus and the period form.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('form', { name: 'Periode kiezen' })).toBeHidden();
    await expect(page.getByRole('table', { name: 'Open per instantie' })).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByRole('banner')).toBeVisible();
  });
});
