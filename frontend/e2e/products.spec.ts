import { readFile } from 'node:fs/promises';

import { expect } from '@playwright/test';

import { DEMO_USERS } from './accounts';
import { expectNoAxeViolations } from './axe';
import { inviteDemoTester, newContext, smallPdf, statusActions, statusSection, uniqueWord } from './products';
import { asRole, openAs, test } from './sessions';

test.describe('ingelogd als redacteur', () => {
  test.use(asRole('redacteur'));

  test('a product goes from planned to published: editor, municipal tester, public', async ({ page, browser }, testInfo) => {
    test.setTimeout(120_000);
    const word = uniqueWord('Spoortoets');
    const title = `Handreiking ${word}`;
    const pdfName = `${word.toLowerCase()}.pdf`;
    const pdf = smallPdf(word);

    // The editor creates the product: it starts as planned.
    await openAs(page, 'redacteur');
    await page.getByRole('navigation', { name: 'Redactie' }).getByRole('link', { name: 'Nieuw product' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuw product' })).toBeVisible();
    const form = page.getByRole('form', { name: 'Product opslaan' });
    await form.getByLabel('Soort product').selectOption('handreiking');
    await form.getByLabel('Titel').fill(title);
    await form.getByLabel('Samenvatting').fill(`Hoe gemeenten de ${word} toepassen bij giften en bufferbudgetten.`);
    await form.getByRole('checkbox', { name: 'M01 Giftenvrijlating' }).check();
    await form.getByRole('checkbox', { name: 'M16 Bufferbudget' }).check();
    await form.getByRole('checkbox', { name: 'Beleidsmedewerkers' }).check();
    await form.getByRole('checkbox', { name: 'Vereniging van Nederlandse Gemeenten' }).check();
    await form.getByRole('button', { name: 'Product opslaan' }).click();

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(`Het product "${title}" is aangemaakt, met de status Gepland.`);
    const productUrl = new URL(page.url()).pathname;
    expect(productUrl).toMatch(/^\/producten\/\d+$/);

    // Its metadata can be changed.
    await page.getByRole('link', { name: 'Gegevens wijzigen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Gegevens wijzigen' })).toBeVisible();
    await page.getByLabel('Taalniveau').selectOption('B1');
    const patch = page.waitForResponse((response) => response.request().method() === 'PATCH');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    expect((await patch).status()).toBe(200);
    await expect(page.getByRole('main')).toContainText('De wijzigingen zijn opgeslagen.');
    await expect(page.locator('dt', { hasText: 'Taalniveau' }).locator('+ dd')).toHaveText('B1');
    const status = statusSection(page);
    await expect(status).toContainText('Huidige status: Gepland.');
    // Only the moves the lifecycle allows are offered: publishing a planned product is not.
    await expect(statusActions(page)).toHaveText(['Ontwikkeling starten', 'Intrekken']);
    await expect(status.getByRole('button', { name: 'Publiceren' })).toHaveCount(0);

    // In development: version 1 as a draft.
    await status.getByRole('button', { name: 'Ontwikkeling starten' }).click();
    await expect(status.getByLabel('Wijzigingsnotitie (niet verplicht)')).toBeFocused();
    await status.getByRole('form', { name: 'Ontwikkeling starten' }).getByRole('button', { name: 'Ontwikkeling starten' }).click();
    await expect(status).toContainText('Huidige status: In ontwikkeling.');
    await expect(status.getByRole('status')).toHaveText('Conceptversie 1 staat klaar. De status is nu: In ontwikkeling.');
    await expect(statusActions(page)).toHaveText(['Ter toetsing aanbieden', 'Intrekken']);

    // A file the server does not accept: its own message (415) is shown at the field.
    const draft = page.getByRole('region', { name: 'Conceptversie 1', exact: true });
    await draft.getByLabel('Document', { exact: true }).setInputFiles({
      name: 'aantekeningen.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Gewoon tekst, geen document.'),
    });
    await draft.getByRole('button', { name: 'Uploaden' }).click();
    await expect(page.locator('.spoorboek-error-summary').first()).toBeFocused();
    await expect(draft.locator('#bestand-fout')).toContainText('geen toegestaan documenttype');

    // The PDF is accepted.
    await draft.getByLabel('Document', { exact: true }).setInputFiles({ name: pdfName, mimeType: 'application/pdf', buffer: pdf });
    await draft.getByRole('button', { name: 'Uploaden' }).click();
    await expect(draft.getByRole('status').first()).toHaveText(`Document ${pdfName} is toegevoegd aan het concept.`);
    await expect(draft.getByRole('list', { name: 'Documenten en links van het concept' }).getByRole('link', { name: pdfName })).toBeVisible();

    // And a link to a webinar (https only).
    await draft.getByLabel('Naam van de link').fill('Webinar giftenvrijlating');
    await draft.getByLabel('Webadres').fill('https://www.example.org/webinar-giften');
    await draft.getByRole('button', { name: 'Link toevoegen' }).click();
    await expect(draft.getByRole('status').first()).toHaveText('Link Webinar giftenvrijlating is toegevoegd aan het concept.');

    // In review, and the demo tester found by name in the people directory and invited.
    await status.getByRole('button', { name: 'Ter toetsing aanbieden' }).click();
    await expect(status).toContainText('Huidige status: In toetsing.');
    await expect(statusActions(page)).toHaveText(['Terug naar ontwikkeling', 'Publiceren', 'Intrekken']);
    const reviews = page.getByRole('region', { name: 'Toetsing', exact: true });
    await inviteDemoTester(reviews);
    await expect(reviews.getByRole('row', { name: new RegExp(DEMO_USERS.utrecht.name.replace(/[()]/g, '\\$&')) })).toContainText(
      'Nog geen oordeel',
    );

    // Publishing without an approval is refused by the server, which says why.
    await status.getByRole('button', { name: 'Publiceren' }).click();
    const refusal = status.locator('.spoorboek-error-summary');
    await expect(refusal).toBeFocused();
    await expect(refusal).toContainText('Publiceren vraagt 1 goedkeuring door een gemeentelijke toetser; deze versie heeft er 0.');
    await expect(status).toContainText('Huidige status: In toetsing.');

    // The municipal tester, in a browser of her own, finds the invitation and approves.
    const testerContext = await newContext(browser, testInfo, 'utrecht');
    const tester = await testerContext.newPage();
    await openAs(tester, 'utrecht');
    await tester.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Mijn toetsingen' }).click();
    await expect(tester.getByRole('heading', { level: 1, name: 'Mijn toetsingen' })).toBeVisible();
    const open = tester.getByRole('region', { name: 'Wachten op uw oordeel', exact: true });
    await open.getByRole('link', { name: title }).click();
    await expect(tester.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const review = tester.getByRole('region', { name: 'Uw toetsing van versie 1', exact: true });
    await expect(review.getByRole('heading', { level: 2 })).toBeFocused();
    // The draft's document is there for her to read.
    await expect(tester.getByRole('region', { name: 'Conceptversie 1', exact: true }).getByRole('link', { name: pdfName })).toBeVisible();
    // "Aanpassingen nodig" needs comments.
    await review.getByRole('radio', { name: 'Aanpassingen nodig' }).check();
    await review.getByRole('button', { name: 'Oordeel versturen' }).click();
    const summary = review.locator('.spoorboek-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Opmerkingen: Beschrijf welke aanpassingen nodig zijn.');
    await review.getByRole('radio', { name: 'Goedgekeurd' }).check();
    await review.getByLabel(/^Opmerkingen/).fill('Helder, en de voorbeelden passen bij onze praktijk.');
    await review.getByRole('button', { name: 'Oordeel versturen' }).click();
    await expect(review.getByRole('status')).toContainText('Uw oordeel is verstuurd: Goedgekeurd.');
    await testerContext.close();

    // The editor sees the approval and publishes.
    await page.reload();
    await expect(reviews.getByRole('row', { name: /Goedgekeurd/ })).toContainText('Helder, en de voorbeelden passen');
    await expect(reviews).toContainText('Goedkeuringen van conceptversie 1: 1.');
    await status.getByRole('button', { name: 'Publiceren' }).click();
    await expect(status.getByRole('status')).toHaveText('Versie 1 is gepubliceerd.');
    await expect(status).toContainText('Huidige status: Gepubliceerd.');
    await expect(statusActions(page)).toHaveText(['Nieuwe versie starten', 'Intrekken']);
    const published = page.getByRole('region', { name: 'Gepubliceerde versie', exact: true });
    await expect(published.getByRole('link', { name: pdfName })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Geschiedenis', exact: true })).toContainText('Status: Gepubliceerd');

    // An anonymous visitor finds it by searching, with the hit highlighted, and downloads the PDF.
    const visitorContext = await newContext(browser, testInfo);
    const visitor = await visitorContext.newPage();
    await visitor.goto('/');
    await visitor.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Producten' }).click();
    await expect(visitor.getByRole('heading', { level: 1, name: 'Implementatieproducten' })).toBeVisible();
    await visitor.getByRole('searchbox', { name: 'Zoeken' }).fill(word.toLowerCase());
    await visitor.getByRole('button', { name: 'Zoeken' }).click();
    await expect(visitor).toHaveURL(new RegExp(`/producten\\?zoek=${word.toLowerCase()}$`));
    await expect(visitor.getByRole('status')).toHaveText(`1 product gevonden voor "${word.toLowerCase()}".`);
    const result = visitor.getByRole('listitem', { name: title });
    await expect(result.locator('mark').first()).toHaveText(new RegExp(word, 'i'));
    await result.getByRole('link', { name: title }).click();
    await expect(visitor).toHaveURL(new RegExp(`${productUrl}$`));
    await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(visitor.getByRole('region', { name: 'Status', exact: true })).toHaveCount(0);
    await expect(
      visitor.getByRole('region', { name: 'Gepubliceerde versie', exact: true }).getByRole('link', { name: 'Webinar giftenvrijlating' }),
    ).toHaveAttribute('href', 'https://www.example.org/webinar-giften');
    const downloading = visitor.waitForEvent('download');
    await visitor.getByRole('region', { name: 'Gepubliceerde versie', exact: true }).getByRole('link', { name: pdfName }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(pdfName);
    expect(await readFile(await download.path())).toEqual(pdf);
    await expectNoAxeViolations(visitor);
    await visitorContext.close();
  });

  test('an editor is offered only the moves allowed from each status', async ({ page }) => {
    // Demo product 1 is in review; product 2 is published.
    await page.goto('/producten/1');
    await expect(statusSection(page)).toContainText('Huidige status: In toetsing.');
    await expect(statusActions(page)).toHaveText(['Terug naar ontwikkeling', 'Publiceren', 'Intrekken']);
    await page.goto('/producten/2');
    await expect(statusSection(page)).toContainText('Huidige status: Gepubliceerd.');
    await expect(statusActions(page)).toHaveText(['Nieuwe versie starten', 'Intrekken']);
    await expect(statusSection(page).getByRole('button', { name: 'Publiceren' })).toHaveCount(0);

    // A new version needs a change note; the form says so without asking the server.
    await statusSection(page).getByRole('button', { name: 'Nieuwe versie starten' }).click();
    const note = statusSection(page).getByLabel('Wijzigingsnotitie', { exact: true });
    await expect(note).toBeFocused();
    await statusSection(page).getByRole('form', { name: 'Nieuwe versie starten' }).getByRole('button', { name: 'Nieuwe versie starten' }).click();
    await expect(statusSection(page).locator('.spoorboek-error-summary')).toContainText('Vul de wijzigingsnotitie in.');
    await statusSection(page).getByRole('button', { name: 'Annuleren' }).click();
    await expect(statusSection(page)).toContainText('Huidige status: Gepubliceerd.');

    // A withdrawn product offers nothing at all.
    await page.goto('/producten?status=ingetrokken');
    await page.getByRole('list', { name: 'Resultaten' }).getByRole('link').first().click();
    await expect(statusSection(page)).toContainText('Huidige status: Ingetrokken.');
    await expect(statusActions(page)).toHaveCount(0);
    await expect(statusSection(page)).toContainText('Een ingetrokken product verandert niet meer van status.');
  });

  test('the delivery plan shows each wave and what falls due in the chosen weeks', async ({ page }) => {
    await openAs(page, 'redacteur');
    await page.getByRole('navigation', { name: 'Redactie' }).getByRole('link', { name: 'Leveringsplan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Leveringsplan' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Uiterlijk klaar in de komende 6 weken' })).toBeVisible();
    const wave1 = page.getByRole('region', { name: 'Fase 1: in werking per 1 januari 2026', exact: true }).first();
    await expect(wave1.getByRole('rowheader', { name: 'M01 Giftenvrijlating' })).toBeVisible();
    await expect(wave1.getByRole('columnheader')).toHaveText(['Maatregel', 'Aanwezige soorten', 'Ontbrekende soorten', 'Te laat']);
    for (const name of ['Fase 2: gedoogjaar 2026', 'Fase 3: in werking per 1 januari 2027']) {
      await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    }

    await page.getByLabel('Binnenkort: de komende').selectOption('52');
    await page.getByLabel('Fase', { exact: true }).selectOption('3');
    await page.getByRole('button', { name: 'Bijwerken' }).click();
    await expect(page).toHaveURL(/\/beheer\/leveringsplan\?weken=52&fase=3$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Uiterlijk klaar in de komende 52 weken' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Fase 1: in werking per 1 januari 2026' })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 2, name: 'Fase 3: in werking per 1 januari 2027' })).toBeVisible();
    await expect(page.getByText(/laden…$/)).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});

test('the catalogue keeps its filters in the URL and pages through the results', async ({ page }) => {
  await page.goto('/producten');
  await expect(page.getByRole('status')).toHaveText(/^\d+ producten gevonden\.$/);
  await page.getByLabel('Soort product').selectOption('handreiking');
  await page.getByLabel('Doelgroep').selectOption('klantmanager');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/\/producten\?soort=handreiking&doelgroep=klantmanager$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Resultaten' })).toBeFocused();
  // The previous results stay while the new ones load ("Resultaten bijwerken…"); wait for these.
  await expect(page.getByRole('status')).toHaveText(/^\d+ product(en)? gevonden\.$/);
  const items = page.getByRole('list', { name: 'Resultaten' }).getByRole('listitem');
  await expect(items.first()).toBeVisible();
  for (const item of await items.all()) {
    await expect(item.locator('dt', { hasText: 'Soort' }).locator('+ dd')).toHaveText('Handreiking');
  }

  // Reloading keeps the filters; the fields show them.
  await page.reload();
  await expect(page.getByLabel('Soort product')).toHaveValue('handreiking');
  await expect(page.getByLabel('Doelgroep')).toHaveValue('klantmanager');

  // A measure's products are one click away from the measures page.
  await page.goto('/maatregelen');
  await page.getByRole('link', { name: 'Producten bij M16' }).click();
  await expect(page).toHaveURL(/\/producten\?maatregel=M16$/);
  await expect(page.getByLabel('Maatregel', { exact: true })).toHaveValue('M16');

  // Too short a search is caught at the field; nothing found says so.
  await page.goto('/producten');
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('ab');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.locator('#filter-zoek-fout')).toHaveText('Typ minstens 3 tekens, of laat het veld leeg.');
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('qqqxxxzzz');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('status')).toHaveText('Geen producten gevonden. Probeer een ander zoekwoord of minder filters.');

  // Paging: 32 published products, 20 per page.
  await page.goto('/producten');
  await page.getByRole('navigation', { name: 'Paginering' }).getByRole('link', { name: 'Volgende pagina' }).click();
  await expect(page).toHaveURL(/pagina=2/);
  await expect(page.getByRole('navigation', { name: 'Paginering' })).toContainText('Pagina 2 van');
});
