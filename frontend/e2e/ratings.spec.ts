import { expect, test, type Browser, type Page } from '@playwright/test';

import { DEMO_USERS, type DemoUser } from './accounts';
import { expectNoAxeViolations } from './axe';
import { mailsTo } from './mail';
import { changeStatusDirectly, fileQuestion, uniqueWord } from './questions';
import { sessionFile } from './sessions';

async function pageAs(browser: Browser, who: DemoUser): Promise<Page> {
  const context = await browser.newContext({ storageState: sessionFile(who) });
  return context.newPage();
}

/** The rating link for `score` in the answer mail about `subject`, as path and query. */
async function ratingLink(subject: string, score: number): Promise<string> {
  let link = '';
  await expect
    .poll(
      async () => {
        const mail = (await mailsTo(DEMO_USERS.utrecht.email)).filter((m) => m.subject.includes(subject)).at(-1);
        const pattern = new RegExp(`https?://[^\\s/]+(/antwoord-beoordelen\\?token=[A-Za-z0-9_-]+&score=${score})`);
        link = (mail && pattern.exec(mail.body)?.[1]) ?? '';
        return link;
      },
      { message: `an answer mail about ${subject} with rating links` },
    )
    .not.toBe('');
  return link;
}

test('a contact rates an answer from the mail without logging in, then changes it with a comment', async ({ browser, page }) => {
  test.setTimeout(60_000);
  const subject = `Giftenvrijlating ${uniqueWord()}`;

  // Behind the scenes: the contact asks, the advisor answers (the mail goes out).
  const asker = await pageAs(browser, 'utrecht');
  const id = await fileQuestion(asker, {
    onderwerp: subject,
    vraag: 'Tellen giften van familie mee voor de vrijlating van giften?',
    maatregelen: ['M01'],
  });
  const advisor = await pageAs(browser, 'redacteur');
  const me = (await (await advisor.request.get('/api/v1/mijn-account')).json()) as { id: number };
  await changeStatusDirectly(advisor, id, { naar: 'toegewezen', behandelaarId: me.id });
  await changeStatusDirectly(advisor, id, { naar: 'beantwoord', antwoord: 'Ja, tot het jaarbedrag.' });

  // She opens the link for 4 in a browser where nobody is logged in: the page records it.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(await ratingLink(subject, 4));
  await expect(page.getByRole('heading', { level: 1, name: 'Antwoord beoordelen' })).toBeVisible();
  await expect(page.getByText('Uw beoordeling is opgeslagen: 4 van 5 (nuttig).')).toBeVisible();
  await expect(page.getByText(`Over het antwoord op uw vraag ${subject}`)).toBeVisible();
  // The score leaves the address once recorded, so a reload changes nothing.
  await expect(page).not.toHaveURL(/score=/);
  await expect(page.getByRole('radio', { name: '4 – nuttig' })).toBeChecked();
  await expectNoAxeViolations(page);

  // She changes her mind and explains.
  await page.getByRole('radio', { name: '5 – zeer nuttig' }).check();
  await page.getByLabel('Toelichting (niet verplicht)').fill('Precies wat we zochten.');
  await page.getByRole('button', { name: 'Beoordeling opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen:' })).toHaveText('Opgeslagen: 5 van 5 (zeer nuttig).');
  await expect(page.getByText('Uw beoordeling: 5 van 5 (zeer nuttig).')).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectNoAxeViolations(page);

  // The advisor sees the score and the comment on the question's page.
  await advisor.goto(`/vragen/${id}`);
  const rating = advisor.getByRole('region', { name: 'Beoordeling van het antwoord' });
  await expect(rating).toContainText('5 van 5 (zeer nuttig)');
  await expect(rating).toContainText('Precies wat we zochten.');
  await asker.context().close();
  await advisor.context().close();
});
