import { expect, test, type Browser, type Page } from '@playwright/test';

import { DEMO_USERS, type DemoUser } from './accounts';
import { expectNoAxeViolations } from './axe';
import { mailsTo } from './mail';
import { sessionFile } from './sessions';

async function pageAs(browser: Browser, who: DemoUser): Promise<Page> {
  const context = await browser.newContext({ storageState: sessionFile(who) });
  return context.newPage();
}

function isoDay(offset: number): string {
  const day = new Date();
  day.setDate(day.getDate() + offset);
  return day.toISOString().slice(0, 10);
}

/** The survey link in the newest invitation to `address`, as path and fragment. */
async function surveyLink(address: string, title: string): Promise<string> {
  let link = '';
  await expect
    .poll(
      async () => {
        const mail = (await mailsTo(address)).filter((m) => m.subject === `Peiling: ${title}`).at(-1);
        link = (mail && /https?:\/\/[^\s/]+(\/peiling#token=[A-Za-z0-9_-]+)/.exec(mail.body)?.[1]) ?? '';
        return link;
      },
      { message: `an invitation to ${title} for ${address}` },
    )
    .not.toBe('');
  return link;
}

test('a contact answers from the mail link and the editor sees the response rate', async ({ browser, page }) => {
  test.setTimeout(90_000);
  const title = 'Tevredenheidspeiling proef 2099';

  // The editor creates a round, looks at whom it invites, and sends it.
  const editor = await pageAs(browser, 'redacteur');
  await editor.goto('/peilingen');
  await editor.getByLabel('Titel').fill(title);
  await editor.getByLabel('Periode').fill('2099-Q1');
  await editor.getByLabel('Open vanaf').fill(isoDay(0));
  await editor.getByLabel('Open tot en met').fill(isoDay(21));
  await editor.getByRole('button', { name: 'Ronde aanmaken' }).click();
  await expect(editor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await editor.getByRole('button', { name: 'Genodigden bekijken' }).click();
  await expect(editor.getByRole('cell', { name: DEMO_USERS.utrecht.name })).toBeVisible();
  await editor.getByRole('button', { name: /^Versturen aan \d+ person/ }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Verstuurd:' })).toContainText('nieuwe uitnodiging');

  // The contact opens her link in a browser where nobody is logged in.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(await surveyLink(DEMO_USERS.utrecht.email, title));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
  const summary = page.locator('.spoorboek-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Controleer de volgende gegevens');
  await expect(summary.getByRole('link')).toHaveCount(4);
  await expectNoAxeViolations(page);

  for (const group of await page.getByRole('radiogroup').all()) {
    await group.getByRole('radio', { name: '4 – tevreden' }).check();
  }
  await page.getByLabel('Wat kan beter?').fill('Meer voorbeelden uit andere gemeenten.');
  await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
  await expect(page.getByRole('heading', { name: 'Dank u wel' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Antwoorden wijzigen' })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectNoAxeViolations(page);

  // The editor sees the response, and no figure of a group this small.
  await editor.getByRole('link', { name: 'Resultaten bekijken' }).click();
  await expect(editor.getByRole('heading', { level: 1, name: `Resultaten: ${title}` })).toBeVisible();
  const facts = editor.locator('.utrecht-data-list__item');
  await expect(facts.filter({ hasText: 'Beantwoord' })).toHaveText(/^Beantwoord\s*1$/);
  await expect(facts.filter({ hasText: 'Respons' })).toHaveText(/^Respons\s*\d+(,\d)?%$/);
  await expect(editor.getByRole('cell', { name: 'te weinig antwoorden' }).first()).toBeVisible();
  await expect(editor.getByRole('cell', { name: 'Meer voorbeelden uit andere gemeenten.' })).toBeVisible();
  await editor.setViewportSize({ width: 1280, height: 800 });
  await expectNoAxeViolations(editor);
  await editor.setViewportSize({ width: 360, height: 800 });
  await expectNoAxeViolations(editor);
  await editor.context().close();
});
