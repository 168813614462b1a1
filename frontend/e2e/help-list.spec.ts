import { readFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';

import { expectNoHorizontalScroll } from './accounts';
import { expectNoAxeViolations } from './axe';
import { newContext } from './products';
import { csrfToken } from './sessions';

/*
 * From overview to action (issue 20) and ICT as a cause (issue 19): an advisor filters the help
 * list, opens a row's municipality and sees its contact persons, comes back, records that she
 * contacted the municipality, and downloads the call list of the filtered rows. Then a
 * supplier's machine client moves a release past the legal date, and the help list filtered on
 * ICT shows Utrecht waiting for it, and Utrecht's page names the cause beside the light. The
 * municipality page shows a peer who implemented the measure. The help list and the
 * municipality's page axe-clean, the help list at 360 px too.
 */

const SUPPLIER = { id: 'sbc_demo_leverancier_rekenwerk', secret: 'sbs_demo_leverancier_geheim_alleen_voor_demo' };
/** Rekenwerk Inkomen, Utrecht's income application; M17 needs software and takes effect on 1 January 2027. */
const APPLICATION = 1;
const MEASURE = 'M17';


test('an advisor filters the help list, finds whom to call, records the contact and downloads the call list', async ({
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  const context = await newContext(browser, testInfo, 'redacteur');
  const page = await context.newPage();
  await page.goto('/voortgang/hulp-nodig');
  const filters = page.getByRole('form', { name: 'Lijst filteren' });
  await filters.getByLabel('Provincie').selectOption('PV25');
  await filters.getByLabel('Fase (invoeringsgolf)').selectOption('3');
  await filters.getByRole('button', { name: 'Filteren' }).click();
  await expect(page).toHaveURL(/provincie=PV25&fase=3/);
  const total = ((await (await page.request.get('/api/v1/voortgang/hulp-nodig?provincie=PV25&fase=3&paginaGrootte=1')).json()) as {
    paginering: { totaal: number };
  }).paginering.totaal;
  // The previous rows stay until the filtered ones are in: wait for their count.
  await expect(page.getByRole('status').filter({ hasText: 'van gemeente en maatregel' })).toHaveText(new RegExp(`^${total} combinaties`));
  const table = page.getByRole('table', { name: /hulp nodig hebben/ });
  const first = table.getByRole('row').nth(1);
  const place = first.getByRole('rowheader').getByRole('link');
  const name = (await place.textContent()) ?? '';
  const code = (await place.getAttribute('href'))?.split('/').pop() ?? '';
  const measure = ((await first.getByRole('cell').nth(1).getByRole('link').textContent()) ?? '').slice(0, 3);
  expect(code).toMatch(/^GM\d{4}$/);

  // No Gelderland municipality has a demo contact: an admin invites one.
  const admin = await (await newContext(browser, testInfo, 'beheerder')).newPage();
  await admin.goto('/toegankelijkheid');
  const email = `gerda.${Date.now()}@gelderland.example`;
  const invited = await admin.request.post('/api/v1/gebruikers', {
    headers: { 'X-CSRF-Token': await csrfToken(admin) },
    data: { email, naam: 'Gerda Gelderland', rollen: ['gemeente'], gemeenten: [code] },
  });
  expect(invited.status()).toBe(201);

  await place.click();
  await expect(page.getByRole('heading', { level: 1, name: `Voortgang ${name}` })).toBeVisible();
  const activity = page.getByRole('region', { name: 'Contact en activiteit' });
  const people = activity.getByRole('table', { name: `Contactpersonen van ${name}` });
  await expect(people.getByRole('link', { name: email })).toHaveAttribute('href', `mailto:${email}`);
  await expect(people).toContainText('Gerda Gelderland');
  await expect(activity).not.toContainText('laden…');
  // A peer who implemented the measure: the most similar municipality, named in its row.
  const peers = page.getByRole('region', { name: 'Collega’s die kunnen helpen' });
  await peers.getByText('Toon per maatregel een gemeente die kan helpen').click();
  const peerRow = peers.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${measure} `) }) });
  await expect(peerRow.getByRole('cell').nth(1)).toContainText(/inwoners/);
  await expect(peerRow).not.toContainText('Nog geen gemeente');
  await expectNoAxeViolations(page);

  await page.goBack();
  const label = `${name}, ${measure}`;
  const row = table.getByRole('row').filter({ has: page.getByRole('button', { name: `Contact vastleggen: ${label}` }) });
  await row.getByRole('button', { name: `Contact vastleggen: ${label}` }).click();
  const note = `Gebeld met Gerda over ${measure}: start volgende week.`;
  const form = row.getByRole('form', { name: `Contact vastleggen: ${label}` });
  await form.getByLabel('Notitie').fill(note);
  await form.getByRole('button', { name: 'Opslaan' }).click();
  // Focus lands on the row's last contact, which now reads the new one.
  await expect(row.locator(':focus')).toHaveText(new RegExp(`, Ruud Redactie \\(demo\\): ${note}$`));

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Bellijst downloaden (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^bellijst-hulp-nodig-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync(await download.path(), 'utf-8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toMatch(/^gemeente;gemeentenaam;maatregel;/);
  expect(lines).toHaveLength(total + 1);
  expect(lines.find((line) => line.startsWith(`${code};`) && line.includes(`;${measure};`))).toContain(note);

  await page.setViewportSize({ width: 360, height: 740 });
  await row.getByRole('button', { name: `Contact vastleggen: ${label}` }).click();
  await expect(form.getByLabel('Datum van het contact')).toBeFocused();
  await expectNoHorizontalScroll(page, 360);
  await expectNoAxeViolations(page);
  await context.close();
});

test('a supplier moves a release past the legal date, and the help list shows Utrecht late by ICT', async ({
  browser,
  request,
}, testInfo) => {
  const token = await request.post('/api/v1/oauth/token', {
    form: { grant_type: 'client_credentials', client_id: SUPPLIER.id, client_secret: SUPPLIER.secret },
  });
  expect(token.status()).toBe(200);
  const bearer = { Authorization: `Bearer ${((await token.json()) as { access_token: string }).access_token}` };
  const readiness = `/api/v1/ict/applicaties/${APPLICATION}/gereedheid/${MEASURE}`;
  const current = await request.get(readiness, { headers: bearer });
  expect(current.status()).toBe(200);
  const moved = await request.put(readiness, {
    headers: { ...bearer, 'If-Match': current.headers()['etag'] ?? '' },
    data: { status: 'gepland', release: '2027.9', datum: '2027-03-01' },
  });
  expect(moved.status()).toBe(200);

  const context = await newContext(browser, testInfo, 'redacteur');
  const page = await context.newPage();
  await page.goto(`/voortgang/hulp-nodig?provincie=PV26&maatregel=${MEASURE}&oorzaak=ict`);
  await expect(page.getByRole('form', { name: 'Lijst filteren' }).getByLabel('Oorzaak')).toHaveValue('ict');
  const table = page.getByRole('table', { name: /hulp nodig hebben/ });
  const utrecht = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Utrecht', exact: true }) });
  await expect(utrecht).toContainText(/Door ICT \(te laat\): Wacht op Rekenwerk Inkomen \(demo\)[^.]*release 2027\.9 gepland op 1 maart 2027/);
  await expect(utrecht.getByRole('cell').first()).toContainText('Te laat');

  // The advisor opens Utrecht: the cause stands beside the measure's light.
  await utrecht.getByRole('rowheader').getByRole('link', { name: 'Utrecht' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Voortgang Utrecht' })).toBeVisible();
  const status = page.getByRole('table', { name: 'Stand per maatregel van Utrecht' });
  await expect(status.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${MEASURE} `) }) })).toContainText(
    /te laat door ICT/i,
  );
  await context.close();
});
