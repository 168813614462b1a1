import { expect, type Page } from '@playwright/test';

import { expectNoHorizontalScroll, type DemoUser } from './accounts';
import { openAnyRoute } from './navigate';
import { asRole, test } from './sessions';

/*
 * No table cell breaks inside a word, on a phone (360px) or a laptop (1280px), on any page that
 * shows a table, for the role that sees it. A table wider than the screen scrolls inside its own
 * box instead. (Utrecht's root style lets any word break anywhere, which made "Geïmplementeerd"
 * fourteen lines of one or two letters.)
 */

const WIDTHS = [360, 1280] as const;

/** A route, or a list page and the pattern of the first link on it to follow (ids differ per run). */
type Route = string | { from: string; link: RegExp };

const ROUTES: Record<'bezoeker' | DemoUser, Route[]> = {
  bezoeker: [
    '/',
    '/maatregelen/M13',
    '/kaart',
    '/gemeenten/GM0344',
    { from: '/faq', link: /^\/faq\/\d+$/ },
    '/openbare-signalen',
  ],
  utrecht: [
    '/mijn-gemeente',
    '/voortgang/gemeenten/GM0344/M13',
    '/mijn-vragen',
    '/mijn-toetsingen',
    '/mijn-signalen',
  ],
  redacteur: [
    '/voortgang/matrix',
    '/voortgang/hulp-nodig',
    '/voortgang/gemeenten/GM0344',
    '/vragen',
    '/vragen/inzicht',
    { from: '/vragen', link: /^\/vragen\/\d+$/ },
    { from: '/producten', link: /^\/producten\/\d+$/ },
    '/beheer/leveringsplan',
    '/signalen',
    { from: '/signalen', link: /^\/signalen\/\d+$/ },
    '/signalen/knelpunten',
    '/signalen/rapportage',
  ],
  beheerder: [
    '/beheer/gebruikers',
    '/beheer/koppelingen',
    { from: '/beheer/koppelingen', link: /^\/beheer\/koppelingen\/(?!nieuw$)[^/]+$/ },
    '/beheer/auditlog',
  ],
  bollenstreek: [],
  stimulansz: ['/expertvragen'],
  // The Stimulansz expert's inbox stands for the experts' pages; Divosa's has no saved session.
  divosa: [],
};

interface BrokenWord {
  word: string;
  lines: number;
  cell: string;
}

/**
 * Every word in every visible table cell, with the number of lines it is drawn on: a word split
 * over two lines has rectangles at two heights. Hyphens and slashes are break opportunities of
 * their own, so the parts between them count as words.
 */
function brokenWords(page: Page): Promise<{ cells: number; broken: BrokenWord[] }> {
  return page.evaluate(() => {
    const broken: BrokenWord[] = [];
    let cells = 0;
    for (const cell of document.querySelectorAll<HTMLElement>('table td, table th')) {
      if (cell.getClientRects().length === 0) continue;
      cells += 1;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        // Words for screen readers only live in a 1px box; they are not drawn.
        if (!parent || parent.closest('.spoorboek-visually-hidden') || parent.getClientRects().length === 0) continue;
        for (const match of (node.textContent ?? '').matchAll(/[^\s\-‐–/]+[-‐–/]?/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push({ word: match[0], lines: tops.size, cell: cell.textContent?.slice(0, 60) ?? '' });
        }
      }
    }
    return { cells, broken };
  });
}

async function resolve(page: Page, route: Route): Promise<string> {
  if (typeof route === 'string') return route;
  await openAnyRoute(page, route.from);
  let href: string | undefined;
  await expect
    .poll(
      async () =>
        (href = await page.evaluate(
          (source) =>
            [...document.querySelectorAll('main a')]
              .map((link) => link.getAttribute('href') ?? '')
              .find((candidate) => new RegExp(source).test(candidate)),
          route.link.source,
        )),
      { message: `a link like ${route.link} on ${route.from}`, timeout: 20_000 },
    )
    .toBeTruthy();
  return href ?? '';
}

async function checkTables(page: Page, path: string) {
  await page.setViewportSize({ width: WIDTHS[0], height: 800 });
  // Client-side after the first route: a full load costs the browser more than the checks.
  await openAnyRoute(page, path);
  // The deficit trend is computed when first asked for; on a fresh test server that takes seconds.
  await expect(page.getByRole('main')).not.toContainText(/laden…/, { timeout: 20_000 });
  // The dashboard's figures are also tables, behind "Toon de cijfers als tabel".
  await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
  await expect(page.getByRole('table').first()).toBeVisible({ timeout: 20_000 });
  // One load, then each width in turn: the layout follows the window, as when a phone turns, and
  // loading the page again per width doubled the test's time.
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    const { cells, broken } = await brokenWords(page);
    expect(cells, `${path} at ${width}px has table cells`).toBeGreaterThan(0);
    expect(broken, `words broken in table cells of ${path} at ${width}px`).toEqual([]);
    await expectNoHorizontalScroll(page, width);
  }
}

// The longest tests of the run, and they only read: spread over both workers rather than one
// after another in the same worker, so that neither waits for the other at the end of the run.
test.describe.configure({ timeout: 180_000, mode: 'parallel' });

for (const [who, routes] of Object.entries(ROUTES)) {
  if (routes.length === 0) continue;
  test.describe(who, () => {
    if (who !== 'bezoeker') test.use(asRole(who as DemoUser));

    test(`no table cell breaks inside a word (${who})`, async ({ page }) => {
      for (const route of routes) {
        const path = await resolve(page, route);
        await test.step(path, () => checkTables(page, path));
      }
    });
  });
}

test.describe('utrecht', () => {
  test.use(asRole('utrecht'));

  test('my municipality is a readable length on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto('/mijn-gemeente');
    const table = page.getByRole('table', { name: 'Stand per maatregel van Utrecht' });
    await expect(table.getByRole('row')).toHaveCount(24);
    // Measured once every section is in: software and peers open with one line, their tables closed.
    await expect(page.getByRole('main')).not.toContainText(/laden…|zoeken…/);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    // 23 measures of a few lines each; before, one word per line made it 23,000px.
    expect(height).toBeLessThan(8_000);
  });
});
