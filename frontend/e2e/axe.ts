import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { openRoute } from './navigate';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function describe(violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const summary = n.failureSummary?.replace(/\n/g, '\n      ') ?? '';
          return `    - ${n.target.join(' ')}\n      ${summary}`;
        })
        .join('\n');
      return `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}`;
    })
    .join('\n\n');
}

/*
 * Two settings make a scan cost about half of what it did, and find the same violations:
 *
 * - `resultTypes: ['violations']`: axe still runs every rule on every element, but describes
 *   (selector, HTML, summary) only the elements that fail; of the passes, incomplete and
 *   inapplicable results, which these tests never read, it keeps one element per rule. Describing
 *   the hundreds of passing links of the map was a third of a scan.
 * - On a page without frames, the legacy mode: one `axe.run` in the page. The default mode does
 *   the same work split up (`runPartial` in the page, then `finishRun` in a blank page it opens and
 *   fills with axe a second time) so that results of cross-origin frames can be joined; without
 *   frames there is nothing to join, and the opened page was most of the scan's time. A page with
 *   frames keeps the mode it had.
 *
 * And on such a page axe is put in once per document: AxeBuilder evaluates its source (half a
 * megabyte) in the page twice per scan, though axe stays in the window between scans, after a
 * resize or a client-side move to the next route. With axe already there, the source it is given
 * is an empty statement and the scan runs the axe the document has.
 */
async function expectClean(page: Page, { exclude, legacy = false }: { exclude?: string; legacy?: boolean } = {}): Promise<void> {
  const { withoutFrames, hasAxe } = await page.evaluate(() => ({
    withoutFrames: window.frames.length === 0 && !document.querySelector('iframe, frame'),
    hasAxe: typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function',
  }));
  const builder = new AxeBuilder({ page, axeSource: withoutFrames && hasAxe ? ';' : undefined });
  if (withoutFrames || legacy) builder.setLegacyMode(true);
  if (exclude) builder.exclude(exclude);
  // options() replaces every option set before it (withTags sets one), so it comes first.
  const results = await builder.options({ resultTypes: ['violations'] }).withTags(WCAG_21_AA).analyze();
  const report = `axe found WCAG 2.1 AA violations:\n${describe(results.violations)}`;
  expect(results.violations.length, report).toBe(0);
}

/**
 * Runs axe with the WCAG 2.1 A and AA rules and fails with a readable list of violations.
 * `scriptlessFrames`: the page has sandboxed frames that may run no scripts (the mail previews).
 * axe cannot be injected into those, and its default mode then never finishes; its legacy mode
 * still checks the frame elements themselves (their titles) and leaves their content out.
 */
export async function expectNoAxeViolations(page: Page, { scriptlessFrames = false } = {}): Promise<void> {
  await expectClean(page, { legacy: scriptlessFrames });
}

/**
 * Runs axe on everything but the main content: the document itself, the skip link, the header
 * with its menus and the footer. That is all a role changes on a public page (its content comes
 * from public queries, the same for everyone), so the content is scanned once, logged out, and
 * the shell once per role.
 */
export async function expectShellWithoutViolations(page: Page): Promise<void> {
  await expectClean(page, { exclude: 'main' });
}

/**
 * Opens a route (client-side when the tab already shows the app: see openRoute), waits for its
 * heading and for every "… laden…" to be gone, then runs axe. `loadTimeout` is for pages whose
 * data is computed on first request (the deficit trend).
 */
export async function expectRouteAccessible(
  page: Page,
  path: string,
  heading: string | RegExp,
  loadTimeout?: number,
): Promise<void> {
  await openRoute(page, path, heading);
  await expect(page.getByRole('main')).not.toContainText(/laden…/, { timeout: loadTimeout });
  await expectNoAxeViolations(page);
}

/**
 * Every route of the list passes axe: one test on one page, a step per route. A fresh page per
 * route cost more than the check itself (a new tab loads and compiles the SPA from scratch), and
 * the routes only read; from the second route on, the tab moves client-side. The test's time limit grows with the list.
 */
export async function expectRoutesAccessible(
  page: Page,
  routes: readonly (readonly [string, string | RegExp])[],
  { secondsPerRoute = 15, loadTimeout }: { secondsPerRoute?: number; loadTimeout?: number } = {},
): Promise<void> {
  test.info().setTimeout(Math.max(test.info().timeout, routes.length * secondsPerRoute * 1000));
  for (const [path, heading] of routes) {
    await test.step(path, () => expectRouteAccessible(page, path, heading, loadTimeout));
  }
}
