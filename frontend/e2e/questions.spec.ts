import { expect } from '@playwright/test';

import { logInAs, logOut } from './accounts';
import { addNoteDirectly, changeStatusDirectly, fileQuestion, uniqueWord } from './questions';
import { asRole, openAs, test } from './sessions';

// Logins of its own: it logs out, which would end a shared session.
test('a question goes from intake to a published FAQ entry, found by the public and seen by the asker', async ({ page }) => {
  test.setTimeout(90_000);
  const word = uniqueWord();
  const subject = `Beleidsregels ${word}`;

  // The municipal contact asks, and sees similar answers while typing.
  await logInAs(page, 'utrecht');
  await page.getByRole('navigation', { name: 'Vragen' }).getByRole('link', { name: 'Vraag stellen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vraag stellen' })).toBeVisible();
  await page.getByLabel('Onderwerp').fill(subject);
  await page
    .getByRole('textbox', { name: 'Uw vraag', exact: true })
    .fill(`Moeten wij onze beleidsregels aanpassen voor de ${word}? Groet, Ulla Utrecht`);
  const similar = page.getByRole('region', { name: 'Lijkt op uw vraag' });
  await expect(similar.getByRole('status')).toContainText(/vergelijkbare? antwoord/);
  await expect(similar.getByRole('list', { name: 'Veelgestelde vragen' }).getByRole('link').first()).toBeVisible();
  await page.getByRole('checkbox', { name: /^M16 / }).check();
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Vraag \\d+: ${subject}$`) })).toBeVisible();
  await expect(page).toHaveURL(/\/mijn-vragen\/\d+$/);
  const id = Number(/(\d+)$/.exec(page.url())?.[1]);
  await logOut(page);

  // The advisor finds it in the inbox, takes it, notes, answers and publishes it.
  await logInAs(page, 'redacteur');
  await page.getByRole('navigation', { name: 'Vragen' }).getByRole('link', { name: 'Inbox' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vragen' })).toBeVisible();
  // The inbox opens on open work: the first question is neither answered nor closed.
  await expect(page.getByLabel('Volgorde').locator('option:checked')).toHaveText('Open eerst, dan termijn');
  const firstStatus = page.getByRole('table', { name: 'Resultaten' }).getByRole('row').nth(1).getByRole('cell').first();
  await expect(firstStatus).toBeVisible();
  await expect(firstStatus).not.toHaveText(/Beantwoord|Gesloten/);
  await page.getByRole('navigation', { name: 'Snelfilters' }).getByRole('link', { name: 'Niet toegewezen' }).click();
  await page.getByLabel('Volgorde').selectOption({ label: 'Nieuwste eerst' });
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(page).toHaveURL(/behandelaar=niemand/);
  await page.getByRole('link', { name: new RegExp(subject) }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Vraag ${id}: ${subject}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Vrager' })).toContainText('Ulla Utrecht');

  await page.getByRole('button', { name: 'Aan mij toewijzen' }).click();
  await expect(page.getByText('De vraag is aan u toegewezen.')).toBeVisible();
  await expect(page.locator('.spoorboek-facts').first()).toContainText('Ruud Redactie (demo)');

  const notes = page.getByRole('region', { name: /Intern/ });
  await notes.getByLabel('Nieuwe interne notitie').fill('Eerst nagaan bij Divosa.');
  await notes.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await expect(notes.getByRole('list')).toContainText('Eerst nagaan bij Divosa.');

  await page.getByRole('radio', { name: 'Beantwoorden' }).check();
  await page.getByRole('textbox', { name: 'Antwoord', exact: true }).fill(`Ja: pas de beleidsregels voor de ${word} aan; het college stelt ze vast.`);
  await page.getByRole('button', { name: 'Beantwoorden' }).click();
  await expect(page.getByText('De vraag is nu: beantwoord.')).toBeVisible();
  // The internal note never shows as the answer.
  await expect(page.getByRole('region', { name: 'Antwoord', exact: true })).not.toContainText('Divosa');
  await expect(page.getByRole('region', { name: 'Geschiedenis' })).toContainText('Status: Toegewezen → Beantwoord');
  await expect(page.getByRole('region', { name: 'Geschiedenis' }).getByRole('row', { name: /Beantwoord/ })).toContainText(
    'Ruud Redactie (demo)',
  );

  // The inbox finds it among the answered questions not yet published.
  await page.getByRole('link', { name: 'Terug naar de inbox' }).click();
  await page.getByRole('navigation', { name: 'Snelfilters' }).getByRole('link', { name: 'Beantwoord, nog geen FAQ' }).click();
  await expect(page).toHaveURL(/faq=zonder/);
  await page.getByLabel('Volgorde').selectOption({ label: 'Nieuwste eerst' });
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(page).toHaveURL(/faq=zonder.*sorteer=-ontvangenOp/);
  await page.getByRole('link', { name: new RegExp(subject) }).click();

  await page.getByRole('link', { name: 'Publiceren als FAQ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Publiceren als veelgestelde vraag' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Ulla');
  const question = page.getByRole('textbox', { name: 'Vraag', exact: true });
  await expect(question).not.toHaveValue(/Ulla/);
  await question.fill(`Moeten gemeenten hun beleidsregels aanpassen voor de ${word}?`);
  await page.getByRole('button', { name: 'Publiceren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Moeten gemeenten hun beleidsregels aanpassen voor de ${word}?` })).toBeVisible();
  await expect(page.getByText(/De veelgestelde vraag is gepubliceerd/)).toBeVisible();
  // The inbox marks it as FAQ, with a link to the entry.
  await page.goto('/vragen?faq=met&sorteer=-ontvangenOp');
  await page.getByRole('row', { name: new RegExp(subject) }).getByRole('link', { name: `FAQ van vraag ${id}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Moeten gemeenten hun beleidsregels aanpassen voor de ${word}?` })).toBeVisible();
  await logOut(page);

  // A visitor finds the entry by searching.
  await page.goto('/faq');
  await page.getByRole('search').getByLabel('Zoeken').fill(word);
  await page.getByRole('search').getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'gevonden' })).toHaveText(`1 vraag gevonden voor "${word}".`);
  await expect(page.getByRole('heading', { level: 3, name: /^M16 / })).toBeVisible();
  await page.getByRole('link', { name: `Moeten gemeenten hun beleidsregels aanpassen voor de ${word}?` }).click();
  await expect(page.getByRole('region', { name: 'Antwoord', exact: true })).toContainText('het college stelt ze vast');
  await expect(page.getByRole('region', { name: 'Versies', exact: true }).getByRole('row')).toHaveCount(2);

  // The asker sees the answer under Mijn vragen.
  await logInAs(page, 'utrecht');
  await page.getByRole('navigation', { name: 'Vragen' }).getByRole('link', { name: 'Mijn vragen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn vragen' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(subject) })).toContainText('Beantwoord');
  await page.getByRole('link', { name: new RegExp(subject) }).click();
  await expect(page.getByRole('region', { name: 'Antwoord', exact: true })).toContainText(`pas de beleidsregels voor de ${word} aan`);
  // Internal notes stay internal.
  await expect(page.getByText('Eerst nagaan bij Divosa.')).toHaveCount(0);
  await expect(page.getByRole('region', { name: /Intern/ })).toHaveCount(0);
});

test.describe('ingelogd als redacteur', () => {
  test.use(asRole('redacteur'));

  test('the FAQ form shows personal data at the field it is in', async ({ page }) => {
    const word = uniqueWord('vraagje');
    const id = await fileQuestion(page, {
      onderwerp: `Telefonische vraag ${word}`,
      vraag: `Hoe werkt de ${word} bij een lopende uitkering?`,
      kanaal: 'telefoon',
      maatregelen: ['M03'],
      vragensteller: { naam: 'Karel Kwast', email: 'karel@example.org' },
    });
    await page.goto(`/vragen/${id}`);
    await page.getByRole('button', { name: 'Aan mij toewijzen' }).click();
    await expect(page.getByText('De vraag is aan u toegewezen.')).toBeVisible();
    await page.getByRole('radio', { name: 'Beantwoorden' }).check();
    await page.getByRole('textbox', { name: 'Antwoord', exact: true }).fill('Dat werkt per de eerstvolgende heroverweging.');
    await page.getByRole('button', { name: 'Beantwoorden' }).click();
    await expect(page.getByText('De vraag is nu: beantwoord.')).toBeVisible();

    await page.getByRole('link', { name: 'Publiceren als FAQ' }).click();
    const question = page.getByRole('textbox', { name: 'Vraag', exact: true });
    await expect(question).toHaveValue(new RegExp(word));
    await question.fill(`Karel Kwast vraagt: hoe werkt de ${word}? Bel 06-12345678.`);
    await page.getByRole('button', { name: 'Publiceren' }).click();
    const summary = page.locator('.spoorboek-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Vraag: Bevat een');
    await expect(question).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#vraag-fout')).toContainText('telefoonnummer');
    await expect(page.locator('#vraag-fout')).toContainText('naam');
  });

  test('a status change after a colleague changed the question says so and saves nothing', async ({ page }) => {
    const word = uniqueWord('botsing');
    const id = await fileQuestion(page, {
      onderwerp: `Gemaild ${word}`,
      vraag: `Wat betekent ${word} voor onze klantmanagers?`,
      kanaal: 'e-mail',
      vragensteller: { naam: 'Anna Anders' },
    });
    await page.goto(`/vragen/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Vraag ${id}: Gemaild ${word}` })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Markeren als beoordeeld' })).toBeVisible();

    // A colleague moves it on first.
    await changeStatusDirectly(page, id, { naar: 'beoordeeld' });

    await page.getByRole('radio', { name: 'Sluiten zonder antwoord' }).check();
    await page.getByLabel('Reden', { exact: true }).fill('Dubbel gesteld');
    await page.getByRole('button', { name: 'Sluiten zonder antwoord' }).click();
    const notice = page.locator('.spoorboek-conflict');
    await expect(notice).toBeFocused();
    await expect(notice).toContainText('Iemand anders heeft deze vraag al gewijzigd');
    await expect(page.locator('.spoorboek-facts').first()).toContainText('Beoordeeld');
    await expect(page.getByLabel('Reden', { exact: true })).toHaveValue('Dubbel gesteld');
  });

  test('an advisor assigns a question to a colleague from the list, undisturbed by a colleague\'s note', async ({ page }) => {
    const word = uniqueWord('collega');
    const id = await fileQuestion(page, {
      onderwerp: `Doorgezet ${word}`,
      vraag: `Wie weet meer over ${word} bij de bijstand?`,
      kanaal: 'e-mail',
      vragensteller: { naam: 'Dirk Dam' },
    });
    await page.goto(`/vragen/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Vraag ${id}: Doorgezet ${word}` })).toBeVisible();
    await page.getByRole('radio', { name: 'Toewijzen' }).check();
    const advisor = page.getByLabel('Behandelaar');
    await expect(advisor.getByRole('option', { name: 'Ruud Redactie (demo) (ik)' })).toHaveCount(1);
    // Admins handle questions too; the list is no longer only who has open questions.
    await advisor.selectOption({ label: 'Bea Beheer (demo)' });

    // A colleague writes an internal note meanwhile: that does not make this form stale.
    await addNoteDirectly(page, id, `Bea kent ${word}.`);
    await page.getByRole('button', { name: 'Toewijzen', exact: true }).click();
    await expect(page.getByText('De vraag is nu: toegewezen.')).toBeVisible();
    await expect(page.locator('.spoorboek-conflict')).toHaveCount(0);
    await expect(page.locator('.spoorboek-facts').first()).toContainText('Bea Beheer (demo)');
    const history = page.getByRole('region', { name: 'Geschiedenis' });
    await expect(history.getByRole('row', { name: /Nieuw → Toegewezen/ })).toContainText('Ruud Redactie (demo)');
    await expect(history).toContainText('Interne notitie toegevoegd');
  });

  test('an advisor logs a phone call for someone else and merges a duplicate into it', async ({ page }) => {
    const word = uniqueWord('dubbel');
    await openAs(page, 'redacteur');
    const duplicate = await fileQuestion(page, {
      onderwerp: `Eerder gemaild ${word}`,
      vraag: `Dezelfde vraag over ${word}, eerder gemaild.`,
      kanaal: 'e-mail',
      vragensteller: { naam: 'Bram Bos' },
    });
    await page.getByRole('navigation', { name: 'Vragen' }).getByRole('link', { name: 'Vraag vastleggen' }).click();
    await page.getByLabel('Kanaal').selectOption({ label: 'Telefoon' });
    await page.getByLabel('Naam van de vrager').fill('Carla Claes');
    await page.getByLabel('E-mailadres van de vrager (niet verplicht)').fill('carla@example.org');
    await page.getByLabel('Onderwerp').fill(`Gebeld ${word}`);
    await page.getByRole('textbox', { name: 'Vraag', exact: true }).fill(`Een vraag over ${word} aan de telefoon.`);
    await page.getByRole('button', { name: 'Vraag vastleggen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Gebeld ${word}$`) })).toBeVisible();
    await expect(page.getByText('De vraag is vastgelegd.')).toBeVisible();
    await expect(page.locator('.spoorboek-facts').first()).toContainText('Telefoon');

    const merge = page.getByRole('region', { name: 'Dubbele vraag samenvoegen' });
    await merge.getByLabel('Nummer van de dubbele vraag').fill(String(duplicate));
    await merge.getByRole('button', { name: 'Samenvoegen…' }).click();
    await expect(merge.getByRole('heading', { level: 3 })).toContainText(`Vraag ${duplicate} samenvoegen`);
    await merge.getByRole('button', { name: 'Ja, samenvoegen' }).click();
    await expect(merge.getByRole('status')).toContainText(`Vraag ${duplicate} is met deze vraag samengevoegd`);
    await expect(page.getByText(`Samengevoegde dubbele vragen: ${duplicate}`)).toBeVisible();
  });
});
