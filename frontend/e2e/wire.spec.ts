import { expect, test, type Page } from '@playwright/test';

/*
 * What the front page costs on the wire, measured as the browser sees it (Chrome's
 * encodedDataLength: headers and bodies as transferred, after compression; nothing for what
 * came from the cache). A first visit loads the page, its scripts, styles and data; a return
 * visit finds the hashed assets in the cache and only revalidates the page and the data.
 */

// A first visit is a first visit only in a browser context of its own (playwright.config.ts
// reuses one per worker, and its renderer keeps what it loaded before).
test.use({ reuseContext: false });

const FIRST_VISIT_KB = 250;
const RETURN_VISIT_KB = 30;

interface Transfer {
  url: string;
  bytes: number;
  fromCache: boolean;
}

/** Records every request's transferred size until `visit` is done and the network is quiet. */
async function measure(page: Page, visit: () => Promise<void>): Promise<Transfer[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  const cached = new Set<string>();
  const transfers: Transfer[] = [];
  cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
  cdp.on('Network.requestServedFromCache', (event) => cached.add(event.requestId));
  cdp.on('Network.responseReceived', (event) => {
    if (event.response.fromDiskCache || event.response.fromPrefetchCache) cached.add(event.requestId);
  });
  cdp.on('Network.loadingFinished', (event) =>
    transfers.push({
      url: urls.get(event.requestId) ?? '?',
      bytes: event.encodedDataLength,
      fromCache: cached.has(event.requestId),
    }),
  );
  await visit();
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  return transfers;
}

async function visitFrontPage(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The deficit trend is computed when first asked for; on a fresh test server that takes seconds.
  await expect(page.getByRole('main')).not.toContainText(/laden…/, { timeout: 20_000 });
}

const kb = (transfers: Transfer[]) => transfers.reduce((sum, transfer) => sum + transfer.bytes, 0) / 1024;

function report(label: string, transfers: Transfer[]) {
  const lines = transfers
    .toSorted((a, b) => b.bytes - a.bytes)
    .map((t) => `  ${(t.bytes / 1024).toFixed(1).padStart(7)} KB ${t.fromCache ? '(cache) ' : ''}${new URL(t.url).pathname}`);
  return `${label}: ${kb(transfers).toFixed(1)} KB in ${transfers.length} requests\n${lines.join('\n')}`;
}

test('a first visit of the front page moves at most 250 KB, a return visit at most 30 KB', async ({ page }, testInfo) => {
  const first = await measure(page, () => visitFrontPage(page));
  const again = await measure(page, () => visitFrontPage(page));
  const summary = `${report('first visit', first)}\n${report('return visit', again)}`;
  await testInfo.attach('transfers', { body: summary, contentType: 'text/plain' });
  console.log(summary);

  expect(first.length, 'the first visit loaded the page, its assets and its data').toBeGreaterThan(5);
  expect(kb(first), summary).toBeLessThanOrEqual(FIRST_VISIT_KB);
  expect(kb(again), summary).toBeLessThanOrEqual(RETURN_VISIT_KB);
  // The hashed assets came from the cache, not over the wire again.
  const assetsAgain = again.filter((t) => new URL(t.url).pathname.startsWith('/assets/'));
  expect(assetsAgain.length).toBeGreaterThan(0);
  expect(assetsAgain.filter((t) => t.bytes > 0), summary).toEqual([]);
});

test('assets travel compressed with a year of caching; the page is revalidated', async ({ page }) => {
  const responses: { path: string; encoding?: string; cache?: string }[] = [];
  page.on('response', (response) => {
    const headers = response.headers();
    responses.push({ path: new URL(response.url()).pathname, encoding: headers['content-encoding'], cache: headers['cache-control'] });
  });
  await visitFrontPage(page);

  const scripts = responses.filter((r) => /^\/assets\/.+\.(js|css)$/.test(r.path));
  expect(scripts.length).toBeGreaterThan(3);
  for (const script of scripts) {
    expect(script, script.path).toMatchObject({ encoding: 'br', cache: 'public, max-age=31536000, immutable' });
  }
  expect(responses.find((r) => r.path === '/')?.cache).toBe('no-cache');
});
