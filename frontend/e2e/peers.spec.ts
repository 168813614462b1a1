import { expect, test, type APIRequestContext } from '@playwright/test';

import { DEMO_USERS, expectNoHorizontalScroll } from './accounts';
import { expectNoAxeViolations } from './axe';
import { newContext } from './products';

/*
 * Peers who can help (docs/peers.md): a contact agrees to be named under Mijn account, and an
 * advisor then finds her beside a similar municipality behind on a measure hers implemented; a
 * shared service's contact sees her members side by side and reports one state for all of them.
 * Every screen at 360 px and axe-clean.
 */

const DONE = ['geimplementeerd', 'geevalueerd'];

/**
 * A municipality behind on a measure Utrecht implemented that lists Utrecht among its peers: among
 * the largest municipalities (Utrecht is most like them in size), the measures fewest implemented first.
 */
async function behindWithUtrechtAsPeer(api: APIRequestContext): Promise<{ code: string; measure: string }> {
  const own = (await (await api.get('/api/v1/gemeenten/GM0344/voortgang')).json()) as {
    resultaten: { maatregel: { code: string }; fase: string }[];
  };
  const figures = (await (await api.get('/api/v1/voortgang/overzicht?groep=maatregel')).json()) as {
    groepen: { groep: { code: string }; aandeelGeimplementeerd: number }[];
  };
  const share = new Map(figures.groepen.map((group) => [group.groep.code, group.aandeelGeimplementeerd]));
  const done = own.resultaten
    .filter((cell) => DONE.includes(cell.fase))
    .map((cell) => cell.maatregel.code)
    .sort((a, b) => (share.get(a) ?? 1) - (share.get(b) ?? 1));
  const largest = (await (await api.get('/api/v1/gemeenten?sorteer=-inwoners&paginaGrootte=15')).json()) as {
    resultaten: { code: string }[];
  };
  for (const measure of done) {
    for (const { code } of largest.resultaten) {
      if (code === 'GM0344') continue;
      const peers = (await (await api.get(`/api/v1/gemeenten/${code}/voortgang/${measure}/collegas`)).json()) as {
        fase: string;
        collegas: { gemeente: { code: string } }[];
      };
      if (!DONE.includes(peers.fase) && peers.collegas.some((peer) => peer.gemeente.code === 'GM0344')) return { code, measure };
    }
  }
  throw new Error('The demo has no large municipality behind on a measure Utrecht implemented with Utrecht among its peers.');
}

test('a contact agrees in Mijn account, and an advisor sees her as a peer of a municipality behind', async ({ browser }, testInfo) => {
  // Looking for the municipality asks the API a few dozen times: on a busy machine, more than the default 30 s.
  test.setTimeout(120_000);
  const contactContext = await newContext(browser, testInfo, 'utrecht');
  const contact = await contactContext.newPage();
  await contact.setViewportSize({ width: 360, height: 740 });
  await contact.goto('/mijn-account');
  const section = contact.getByRole('region', { name: 'Collegiaal contact' });
  await section.getByRole('checkbox', { name: 'Ik wil collegiaal contact zijn voor andere gemeenten' }).check();
  await section.getByRole('button', { name: 'Keuze opslaan' }).click();
  await expect(section.getByRole('status')).toHaveText(/^Opgeslagen\. Vergelijkbare gemeenten zien uw naam/);
  await expectNoHorizontalScroll(contact, 360);
  await expectNoAxeViolations(contact);
  await contactContext.close();

  const advisorContext = await newContext(browser, testInfo, 'redacteur');
  const advisor = await advisorContext.newPage();
  const { code, measure } = await behindWithUtrechtAsPeer(advisor.request);
  await advisor.setViewportSize({ width: 360, height: 740 });
  await advisor.goto(`/voortgang/gemeenten/${code}/${measure}`);
  const peers = advisor.getByRole('region', { name: 'Collega’s die dit al invoerden' });
  const table = peers.getByRole('table', { name: new RegExp(`^Vergelijkbare gemeenten die ${measure} al invoerden`) });
  const utrecht = table.getByRole('row', { name: /Utrecht/ });
  await expect(utrecht.getByRole('link', { name: DEMO_USERS.utrecht.email })).toHaveAttribute(
    'href',
    new RegExp(`^mailto:${DEMO_USERS.utrecht.email}\\?subject=`),
  );
  await expect(utrecht).toContainText(DEMO_USERS.utrecht.name);
  await expectNoHorizontalScroll(advisor, 360);
  await expectNoAxeViolations(advisor);

  // On the municipality's page: the best peer per measure it is behind on.
  await advisor.goto(`/voortgang/gemeenten/${code}`);
  const overview = advisor.getByRole('region', { name: 'Collega’s die kunnen helpen' });
  await expect(overview.getByText(/^.+ loopt achter op \d+ maatregelen?; /)).toBeVisible();
  await overview.getByText('Toon per maatregel een gemeente die kan helpen').click();
  await expect(overview.getByRole('table', { name: /^Per maatregel waarop .+ achterloopt/ })).toBeVisible();
  await expect(advisor.getByText(/laden…$|zoeken…$/)).toHaveCount(0);
  await expectNoHorizontalScroll(advisor, 360);
  await expectNoAxeViolations(advisor);
  await advisorContext.close();
});

test('a shared service’s contact sees her members side by side and reports one state for all', async ({ browser }, testInfo) => {
  const context = await newContext(browser, testInfo, 'bollenstreek');
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/mijn-gemeente');
  const sideBySide = page.getByRole('table', { name: 'Fase en verkeerslicht per maatregel, per gemeente' });
  for (const member of ['Hillegom', 'Lisse', 'Noordwijk', 'Teylingen']) {
    await expect(sideBySide.getByRole('columnheader', { name: member })).toBeVisible();
  }
  await expect(sideBySide.getByRole('row')).toHaveCount(24);

  const form = page.getByRole('form', { name: 'Eén stand voor alle gemeenten' });
  await form.getByLabel('Maatregel').selectOption({ value: 'M22' });
  await form.getByLabel('Fase').selectOption({ value: 'voorbereidend' });
  const members = form.getByRole('group', { name: 'Geldt voor' });
  await members.getByRole('checkbox', { name: /^Hillegom/ }).check();
  await form.getByRole('button', { name: 'Stand doorgeven' }).click();
  // Every member must be ticked on its own.
  await expect(form.getByText(/Vink elke gemeente aan: .*Nog niet aangevinkt: Lisse, Noordwijk, Teylingen\./)).toBeVisible();
  await expectNoAxeViolations(page);

  for (const member of ['Lisse', 'Noordwijk', 'Teylingen']) {
    await members.getByRole('checkbox', { name: new RegExp(`^${member}`) }).check();
  }
  await form.getByRole('button', { name: 'Stand doorgeven' }).click();
  await expect(form.getByRole('status')).toHaveText('Doorgegeven voor 4 gemeenten.');
  const results = page.getByRole('table', { name: 'Resultaat per gemeente' });
  await expect(results.getByRole('row')).toHaveCount(5);
  for (const row of await results.getByRole('row').all()) {
    if ((await row.getByRole('columnheader').count()) > 1) continue;
    await expect(row.getByRole('cell').nth(1)).toHaveText('Voorbereidend');
  }
  await expectNoHorizontalScroll(page, 360);
  await expectNoAxeViolations(page);
  await context.close();
});
