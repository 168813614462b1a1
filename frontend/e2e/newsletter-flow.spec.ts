import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { expect, test, type Browser, type Page } from '@playwright/test';

import { expectNoAxeViolations } from './axe';
import { headerOf, mailsTo, partsText } from './mail';
import { uniqueWord } from './products';
import { sessionFile } from './sessions';

/*
 * The nieuwsbrief from end to end: a visitor subscribes for one measure and confirms from her
 * mail; an editor composes an edition with a section for that measure and one for another, and
 * sends it now; the sending job runs, as the scheduler would run it; the visitor's mail holds
 * only her measure's section, and its one-click unsubscribe ends the subscription.
 */

const FRONTEND = path.resolve(import.meta.dirname, '..');
const PORT = process.env.E2E_PORT ?? '8765';
/** What e2e/serve.sh gives the server: the job must use the same database and mail folder. */
const SERVER_DIR = path.join(FRONTEND, 'test-results', `e2e-server-${PORT}`);

const HER_MEASURE = 'M03';
const OTHER_MEASURE = 'M04';

/** The job `nieuwsbrief-verzenden`, once, with the server's database and mail folder. */
async function runSendingJob(): Promise<string> {
  const { stdout, stderr } = await promisify(execFile)('../.venv/bin/spoorboek', ['jobs', 'run', 'nieuwsbrief-verzenden'], {
    cwd: FRONTEND,
    env: {
      ...process.env,
      DATABASE_URL: `sqlite:///${SERVER_DIR}/spoorboek.db`,
      SPOORBOEK_ENVIRONMENT: 'demo',
      SPOORBOEK_MAIL_BACKEND: 'file',
      SPOORBOEK_MAIL_FILE_DIR: path.join(SERVER_DIR, 'mail'),
      SPOORBOEK_STORAGE_DIR: path.join(SERVER_DIR, 'bestanden'),
      SPOORBOEK_LOG_LEVEL: 'WARNING',
      // One plain line for the outcome: the console wraps at its width, and colours what the
      // test runner's FORCE_COLOR asks for.
      COLUMNS: '1000',
      FORCE_COLOR: '',
      NO_COLOR: '1',
    },
  });
  // The command reports on its console (stderr), with the job's outcome.
  // eslint-disable-next-line no-control-regex
  return `${stdout}${stderr}`.replace(/\u001b\[[0-9;]*m/g, '').replace(/\s+/g, ' ');
}

async function editorPage(browser: Browser): Promise<Page> {
  const { baseURL, locale } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale, storageState: sessionFile('redacteur') });
  return context.newPage();
}

/** The path and fragment of the link to `page` in the newest mail to `address` whose subject has `subject`. */
async function linkInMail(address: string, subject: string, page: string): Promise<string> {
  let link = '';
  await expect
    .poll(
      async () => {
        const mail = (await mailsTo(address)).filter((m) => m.subject.includes(subject)).at(-1);
        link = (mail && new RegExp(`https?://[^\\s/"]+(${page}#token=[A-Za-z0-9_-]+)`).exec(partsText(mail.body))?.[1]) ?? '';
        return link;
      },
      { message: `a mail "${subject}" with a ${page} link to ${address}`, timeout: 30_000 },
    )
    .not.toBe('');
  return link;
}

test('subscribe, confirm, an edition composed and sent, only her measure in her mail, unsubscribe in one click', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const word = uniqueWord('flow');
  const address = `lezer-${word}@example.nl`.toLowerCase();
  const title = `Nieuwsbrief ${word}`;
  const hers = `Alleen over ${HER_MEASURE} ${word}`;
  const other = `Alleen over ${OTHER_MEASURE} ${word}`;

  // A visitor subscribes for one measure.
  await page.goto('/nieuwsbrief');
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwsbrief' })).toBeVisible();
  await page.getByLabel('E-mailadres').fill(address);
  await page.getByLabel(/Alleen over de maatregelen/).check();
  await page.getByRole('group', { name: 'Maatregelen' }).getByRole('checkbox', { name: new RegExp(`^${HER_MEASURE} `) }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Kijk in uw mailbox' })).toBeVisible();

  // She confirms from the outbox, with the button (opening the link confirms nothing).
  await page.goto(await linkInMail(address, 'Bevestig uw aanmelding', '/nieuwsbrief/bevestigen'));
  await expect(page.getByRole('button', { name: 'Aanmelding bevestigen' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Aanmelding bevestigen' }).click();
  await expect(page.getByRole('heading', { name: 'Uw aanmelding is bevestigd' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(`Alleen over maatregelen: ${HER_MEASURE}`);
  await expectNoAxeViolations(page);

  // An editor composes an edition with a section about her measure and one about another.
  const editor = await editorPage(browser);
  await editor.goto('/nieuwsbrief/edities');
  await expect(editor.getByRole('heading', { level: 1, name: 'Nieuwsbrief: edities' })).toBeVisible();
  await editor.getByLabel('Titel').fill(title);
  await editor.getByRole('button', { name: 'Nieuwe editie maken' }).click();
  await expect(editor.getByRole('heading', { level: 1, name: 'Editie samenstellen' })).toBeVisible();
  for (const [sectionTitle, measure] of [
    [hers, HER_MEASURE],
    [other, OTHER_MEASURE],
  ]) {
    await editor.locator('#eigen-sectie-titel').fill(sectionTitle ?? '');
    await editor.locator('#eigen-sectie-tekst').fill(`Nieuws over maatregel ${measure}.`);
    await editor.locator('#eigen-sectie-maatregelen').fill(measure ?? '');
    await editor.getByRole('button', { name: 'Sectie toevoegen' }).click();
  }
  await editor.getByLabel('Inleiding').fill('Welkom bij deze editie.');
  await editor.getByRole('button', { name: 'Editie opslaan' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'De editie is opgeslagen.' })).toBeVisible();
  const figures = editor.getByRole('region', { name: 'Verzending in cijfers' });
  await expect(figures).toContainText('Nog niet verzonden.');
  await expectNoAxeViolations(editor, { scriptlessFrames: true });

  // She plans it for now; the job that runs every minute sends it (here: run once, by hand).
  await editor.getByRole('button', { name: 'Nu verzenden…' }).click();
  await expect(editor.getByText('Weet u het zeker?')).toBeVisible();
  await editor.getByRole('button', { name: 'Ja, nu verzenden' }).click();
  await expect(editor.getByRole('main')).toContainText('Status: Gepland');
  expect(await runSendingJob()).toMatch(/[1-9]\d* abonnees? gemaild, 1 editie gestart, 1 editie verzonden/);

  await editor.reload();
  await expect(editor.getByRole('main')).toContainText('Status: Verzonden');
  await expect(editor.getByRole('heading', { name: 'Verzonden' })).toBeVisible();
  await expect(figures.locator('dt', { hasText: 'Nog te verzenden' }).locator('+ dd')).toHaveText('0');
  await expect(figures.locator('dt', { hasText: 'Gemaild' }).locator('+ dd')).not.toHaveText('0');
  await expectNoAxeViolations(editor, { scriptlessFrames: true });
  await editor.context().close();

  // Her mail holds her measure's section, not the other's.
  await expect.poll(async () => (await mailsTo(address)).some((m) => m.subject === title), { timeout: 30_000 }).toBe(true);
  const mail = (await mailsTo(address)).find((m) => m.subject === title);
  if (!mail) throw new Error(`no mail "${title}" to ${address}`);
  const text = partsText(mail.body);
  expect(text).toContain(hers);
  expect(text).not.toContain(other);
  expect(text).toContain('Welkom bij deze editie.');

  // One click (RFC 8058): a mail program POSTs the form to the List-Unsubscribe address.
  const unsubscribe = /<(https?:\/\/[^>]+)>/.exec(headerOf(mail, 'List-Unsubscribe'))?.[1] ?? '';
  const target = new URL(unsubscribe.replace(/\s+/g, ''));
  expect(target.pathname).toBe('/api/v1/nieuwsbrief/afmelden');
  expect(headerOf(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  const left = await page.request.post(`${target.pathname}${target.search}`, { form: { 'List-Unsubscribe': 'One-Click' } });
  expect(left.status()).toBe(200);

  // The manage link of the same mail now says she left.
  await page.goto(await linkInMail(address, title, '/nieuwsbrief/beheren'));
  await expect(page.getByRole('heading', { level: 1, name: 'Uw abonnement op de nieuwsbrief' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Afgemeld: u krijgt niets meer');
  await expectNoAxeViolations(page);
});
