import { expect, test, type Browser, type Page } from '@playwright/test';

import { DEMO_USERS, expectNoHorizontalScroll, type DemoUser } from './accounts';
import { expectNoAxeViolations } from './axe';
import { mailsTo, partsText } from './mail';
import { uniqueWord } from './questions';
import { csrfToken, sessionFile } from './sessions';

/*
 * The agenda for visitors and municipal contacts, on the demo agenda (api/seed/demo_meetings.py):
 * meetings of every kind around the day the demo is loaded, one full, one cancelled. The contact
 * of several municipalities registers for the training that no other test uses.
 */

const TRAINING = 'Training vermogenstoets voor klantmanagers';

async function pageAs(browser: Browser, who: DemoUser): Promise<Page> {
  const context = await browser.newContext({ storageState: sessionFile(who) });
  return context.newPage();
}

async function openAgenda(page: Page, search = ''): Promise<void> {
  await page.goto(`/bijeenkomsten${search}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Bijeenkomsten' })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(/laden…/);
}

/** The cancel link of the newest mail to `address` ("/aanmelding-annuleren#token=…"), once it arrived. */
async function cancelLink(address: string): Promise<string> {
  let link = '';
  await expect
    .poll(
      async () => {
        const mail = (await mailsTo(address)).at(-1);
        link = (mail && /https?:\/\/[^\s/]+(\/aanmelding-annuleren#token=[A-Za-z0-9_-]+)/.exec(partsText(mail.body))?.[1]) ?? '';
        return link;
      },
      { message: `a registration mail with a cancel link to ${address}` },
    )
    .not.toBe('');
  return link;
}

test.describe('the agenda for visitors', () => {
  for (const width of [360, 1280]) {
    test(`lists the coming meetings with their places and status, axe-clean at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await openAgenda(page);
      const results = page.getByRole('list', { name: 'Komende bijeenkomsten' });
      const full = results.getByRole('listitem').filter({ hasText: 'Werksessie giften registreren' });
      await expect(full).toContainText('Vol – wachtlijst');
      const cancelled = results.getByRole('listitem').filter({ hasText: 'Regiobijeenkomst Groningen' });
      await expect(cancelled).toContainText('Geannuleerd');
      await expect(results.getByRole('listitem').filter({ hasText: 'Webinar harmonisatie jongerennorm' })).toContainText('Online');
      await expect(results).not.toContainText('Webinar giftenvrijlating: een jaar ervaring');
      await expect(page.getByRole('link', { name: 'Agenda in je eigen agenda-app' })).toHaveAttribute('href', '/api/v1/bijeenkomsten/kalender');
      await expectNoHorizontalScroll(page, width);
      await expectNoAxeViolations(page);
    });
  }

  test('filters by kind in the URL, switches to past meetings, and says when nothing is found', async ({ page }) => {
    await openAgenda(page);
    await page.getByLabel('Soort').selectOption({ label: 'Webinar' });
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page).toHaveURL(/soort=webinar/);
    const results = page.getByRole('list', { name: 'Komende bijeenkomsten' });
    await expect(results.getByRole('listitem').first()).toContainText('Webinar');
    await expect(results).not.toContainText('Werksessie giften registreren');

    await page.getByRole('link', { name: 'Afgelopen bijeenkomsten' }).click();
    await expect(page).toHaveURL(/afgelopen=true/);
    await expect(page).toHaveURL(/soort=webinar/);
    const past = page.getByRole('list', { name: 'Afgelopen bijeenkomsten' });
    await expect(past.getByRole('listitem').filter({ hasText: 'Webinar giftenvrijlating: een jaar ervaring' })).toContainText('Afgelopen');

    await openAgenda(page, '?soort=presentatie-elders&provincie=PV20');
    await expect(page.getByRole('status').filter({ hasText: 'Geen bijeenkomsten gevonden met deze filters.' })).toBeVisible();
  });

  test('a meeting’s page shows its facts and the .ics to a visitor, no join link, and asks to log in to register', async ({ page }) => {
    await openAgenda(page);
    await page.getByRole('link', { name: 'Webinar harmonisatie jongerennorm' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Webinar harmonisatie jongerennorm' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Toevoegen aan agenda (.ics)' })).toHaveAttribute('href', /\/api\/v1\/bijeenkomsten\/\d+\/kalender$/);
    await expect(page.getByRole('link', { name: /Deelnemen/ })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Aanmelden' })).toContainText('melden zich aan na inloggen');
    await expectNoAxeViolations(page);
  });
});

test('a contact registers herself and a colleague, sees them under Mijn bijeenkomsten, and both cancel', async ({ browser, page }) => {
  test.setTimeout(90_000);
  const contact = await pageAs(browser, 'bollenstreek');
  const colleague = `Kees ${uniqueWord('collega')}`;
  const colleagueEmail = `${uniqueWord('kees')}@demo.spoorboek.example`;

  await contact.setViewportSize({ width: 360, height: 900 });
  await contact.goto('/bijeenkomsten');
  await contact.getByRole('link', { name: TRAINING }).click();
  await expect(contact.getByRole('heading', { level: 1, name: TRAINING })).toBeVisible();

  // Herself: a contact of four municipalities says for which one.
  const self = contact.getByRole('form', { name: 'Aanmelden', exact: true });
  await self.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(self.getByText('Kies voor welke gemeente.', { exact: false }).first()).toBeVisible();
  await self.getByLabel('Gemeente').selectOption({ label: 'Hillegom' });
  await self.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(contact.getByRole('status').filter({ hasText: 'U bent aangemeld voor deze bijeenkomst.' })).toBeVisible();
  await expect(contact.getByRole('form', { name: 'Aanmelden', exact: true })).toHaveCount(0);

  // A colleague: name and e-mail, no account.
  const other = contact.getByRole('form', { name: 'Collega aanmelden' });
  await other.getByLabel('Naam').fill(colleague);
  await other.getByLabel('E-mailadres').fill(colleagueEmail);
  await other.getByLabel('Gemeente').selectOption({ label: 'Hillegom' });
  await other.getByRole('button', { name: 'Collega aanmelden' }).click();
  await expect(other.getByRole('status')).toContainText(`${colleague} is aangemeld.`);
  const registrations = contact.getByRole('table', { name: 'Aanmeldingen van uw gemeente' });
  await expect(registrations.getByRole('row').filter({ hasText: colleague })).toContainText('Aangemeld');
  await expect(registrations.getByRole('row').filter({ hasText: DEMO_USERS.bollenstreek.name })).toContainText('Aangemeld');
  await expectNoHorizontalScroll(contact, 360);
  await expectNoAxeViolations(contact);

  // Mijn bijeenkomsten: the training with both.
  await contact.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Mijn bijeenkomsten' }).click();
  await expect(contact.getByRole('heading', { level: 1, name: 'Mijn bijeenkomsten' })).toBeVisible();
  const coming = contact.getByRole('region', { name: 'Komende bijeenkomsten' });
  const training = coming.getByRole('listitem').filter({ hasText: TRAINING });
  await expect(training.getByRole('row').filter({ hasText: colleague })).toContainText('Aangemeld');
  await expectNoAxeViolations(contact);

  // She cancels her own place there.
  await training.getByRole('button', { name: `Afmelden: ${DEMO_USERS.bollenstreek.name}` }).click();
  await expect(contact.getByRole('status').filter({ hasText: `${DEMO_USERS.bollenstreek.name} is afgemeld.` })).toBeVisible();
  // Mijn bijeenkomsten holds the places still taken: hers is gone, her colleague's stays.
  await expect(training.getByRole('row').filter({ hasText: DEMO_USERS.bollenstreek.name })).toHaveCount(0);
  await expect(training.getByRole('row').filter({ hasText: colleague })).toContainText('Aangemeld');

  // The colleague cancels with the link in her confirmation, without an account: opening it
  // changes nothing, the button does.
  await page.setViewportSize({ width: 360, height: 900 });
  await page.goto(await cancelLink(colleagueEmail));
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelding annuleren' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(colleague);
  await expect(page.getByRole('main')).toContainText(TRAINING);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Afmelden', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `${colleague} is afgemeld.` })).toBeVisible();

  await contact.reload();
  await expect(contact.getByRole('heading', { level: 1, name: 'Mijn bijeenkomsten' })).toBeVisible();
  await expect(contact.getByRole('region', { name: 'Komende bijeenkomsten' })).not.toContainText(TRAINING);
  await contact.goto('/bijeenkomsten');
  await contact.getByRole('link', { name: TRAINING }).click();
  const afterwards = contact.getByRole('table', { name: 'Aanmeldingen van uw gemeente' });
  await expect(afterwards.getByRole('row').filter({ hasText: colleague })).toContainText('Afgemeld');
  await expect(afterwards.getByRole('row').filter({ hasText: DEMO_USERS.bollenstreek.name })).toContainText('Afgemeld');
  await contact.context().close();
});

test('a contact books a consultation hour’s slot, and its topic becomes her question', async ({ browser }) => {
  test.setTimeout(60_000);
  const hour = 'Spreekuur vermogenstoets';
  const topic = `Vermogensgrens bij ${uniqueWord('spaarrekening')}`;

  // The team divides the consultation hour into slots (as its own screens do).
  const team = await pageAs(browser, 'redacteur');
  const agenda = (await (await team.request.get('/api/v1/bijeenkomsten?soort=spreekuur')).json()) as {
    resultaten: { id: number; titel: string }[];
  };
  const id = agenda.resultaten.find((meeting) => meeting.titel === hour)?.id;
  expect(id, `${hour} in the demo agenda`).toBeDefined();
  const csrf = await csrfToken(team);
  const slots = await team.request.post(`/api/v1/bijeenkomsten/${id}/tijdsloten`, { headers: { 'X-CSRF-Token': csrf }, data: {} });
  expect([200, 201]).toContain(slots.status());
  await team.context().close();

  const contact = await pageAs(browser, 'utrecht');
  await contact.setViewportSize({ width: 360, height: 900 });
  await contact.goto(`/bijeenkomsten/${id}`);
  await expect(contact.getByRole('heading', { level: 1, name: hour })).toBeVisible();
  const section = contact.getByRole('region', { name: 'Tijdsloten' });
  await section.getByRole('button', { name: /^Boeken/ }).first().click();
  const form = section.getByRole('form', { name: /boeken$/ });
  await expect(form).toContainText('wordt een vraag aan het programmateam');
  await form.getByRole('button', { name: 'Tijdslot boeken' }).click();
  await expect(form.getByText('Vul een onderwerp in.').first()).toBeVisible();
  await form.getByLabel('Onderwerp').fill(topic);
  await form.getByLabel('Toelichting').fill('Telt een spaarrekening voor de studie van een kind mee voor de vermogensgrens?');
  await form.getByRole('button', { name: 'Tijdslot boeken' }).click();
  await expect(section.getByRole('status')).toContainText('Geboekt:');
  await expect(section.getByText('Geboekt door Utrecht')).toBeVisible();
  await expectNoHorizontalScroll(contact, 360);
  await expectNoAxeViolations(contact);

  // The topic is her question, with the advisor to prepare it.
  await section.getByRole('link', { name: 'Uw vraag bij dit tijdslot' }).click();
  await expect(contact.getByRole('heading', { level: 1 })).toContainText(topic);
  await contact.context().close();
});

test('Mijn bijeenkomsten makes, renews and removes the personal calendar link', async ({ browser }) => {
  const contact = await pageAs(browser, 'utrecht');
  await contact.goto('/mijn-bijeenkomsten');
  const feed = contact.getByRole('region', { name: 'Mijn bijeenkomsten in uw agenda-app' });
  await feed.getByRole('button', { name: 'Agenda-link maken' }).click();
  const url = feed.locator('code');
  await expect(url).toHaveText(/^https?:\/\/\S+$/);
  const first = (await url.textContent()) ?? '';
  // The address is the public site's; this server answers its path.
  const feedPath = (address: string) => new URL(address).pathname;
  expect((await contact.request.get(feedPath(first))).headers()['content-type']).toContain('text/calendar');
  await expect(feed.getByRole('button', { name: 'Agenda-link kopiëren' })).toBeVisible();
  await expect(feed).toContainText('Vernieuwen maakt de oude link ongeldig');
  await expectNoAxeViolations(contact);

  // Renewing revokes the old address.
  await feed.getByRole('button', { name: 'Agenda-link vernieuwen' }).click();
  await expect(feed.getByRole('status').filter({ hasText: 'De oude link werkt niet meer.' })).toBeVisible();
  await expect(url).not.toHaveText(first);
  expect((await contact.request.get(feedPath(first))).status()).toBe(404);

  // After a reload the address is not shown again (only its hash is kept), and it can be removed.
  await contact.reload();
  await expect(feed).toContainText('U heeft een agenda-link sinds');
  await feed.getByRole('button', { name: 'Agenda-link verwijderen' }).click();
  await expect(feed.getByRole('status').filter({ hasText: 'Uw agenda-link is verwijderd.' })).toBeVisible();
  await expect(feed.getByRole('button', { name: 'Agenda-link maken' })).toBeVisible();
  await contact.context().close();
});

test('a contact registers, gets the confirmation with its .ics, cancels, and the first waiting is promoted', async ({ browser }) => {
  test.setTimeout(90_000);
  const title = `Werksessie ${uniqueWord('plaatsen')}`;
  const waiting = { naam: `Wim ${uniqueWord('wachtend')}`, email: `${uniqueWord('wim')}@demo.spoorboek.example` };

  // The team announces a work session with one place (as its own screens do).
  const team = await pageAs(browser, 'redacteur');
  const csrf = await csrfToken(team);
  const begin = new Date(Date.now() + 21 * 24 * 3600 * 1000);
  const created = await team.request.post('/api/v1/bijeenkomsten', {
    headers: { 'X-CSRF-Token': csrf },
    data: {
      soort: 'werksessie',
      titel: title,
      doelgroep: 'gemeenten',
      online: true,
      deelnamelink: 'https://vergaderen.example/werksessie-plaatsen',
      begin: begin.toISOString(),
      einde: new Date(begin.getTime() + 2 * 3600 * 1000).toISOString(),
      capaciteit: 1,
      status: 'open',
      maatregelen: ['M01'],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: number };

  // The contact takes the one place in the browser.
  const contact = await pageAs(browser, 'utrecht');
  await contact.goto(`/bijeenkomsten/${id}`);
  await expect(contact.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await contact.getByRole('form', { name: 'Aanmelden', exact: true }).getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(contact.getByRole('status').filter({ hasText: 'U bent aangemeld voor deze bijeenkomst.' })).toBeVisible();
  await expect(contact.getByRole('link', { name: /Deelnemen/ })).toBeVisible();

  // Her confirmation is in the outbox, with the meeting's invitation for her calendar.
  let confirmation = '';
  await expect
    .poll(async () => {
      const mail = (await mailsTo(DEMO_USERS.utrecht.email)).find((m) => m.subject === `Aangemeld: ${title}`);
      confirmation = mail ? partsText(mail.body) : '';
      return confirmation;
    })
    .toContain('BEGIN:VCALENDAR');
  expect(confirmation).toMatch(/Content-Type: text\/calendar; (charset="?utf-8"?; )?method="?REQUEST"?/i);
  expect(confirmation).toContain(`SUMMARY:${title}`);

  // Someone else asks when it is full: the waiting list.
  const asked = await team.request.post(`/api/v1/bijeenkomsten/${id}/aanmeldingen`, {
    headers: { 'X-CSRF-Token': csrf },
    data: waiting,
  });
  expect(asked.status(), await asked.text()).toBe(201);
  expect(((await asked.json()) as { status: string }).status).toBe('wachtlijst');

  // She gives her place up in the browser; the first waiting gets it and hears so.
  await contact.reload();
  await contact.getByRole('button', { name: `Afmelden: ${DEMO_USERS.utrecht.name}` }).click();
  await expect(contact.getByRole('status').filter({ hasText: `${DEMO_USERS.utrecht.name} is afgemeld.` })).toBeVisible();
  await expect
    .poll(async () => (await mailsTo(waiting.email)).map((m) => m.subject))
    .toContain(`Van de wachtlijst aangemeld: ${title}`);
  const listed = (await (await team.request.get(`/api/v1/bijeenkomsten/${id}/aanmeldingen`)).json()) as {
    aanmeldingen: { email: string; status: string }[];
  };
  expect(listed.aanmeldingen.find((r) => r.email === waiting.email)?.status).toBe('aangemeld');
  await team.context().close();
  await contact.context().close();
});
