import { expect, test, type Page } from '@playwright/test';

/*
 * A full `page.goto` loads and compiles the SPA again and costs the browser several times what a
 * click on a link does. A test that visits route after route in the same tab can move the way a
 * user's click does: the router (BrowserRouter of react-router) follows `popstate`, so a
 * `history.pushState` to the new address and a `popstate` event render the new route in place.
 */

/**
 * Opens `path` and waits for its first-level heading. In a tab that already shows the app, the
 * move is client-side; otherwise (the first route, another site, a page that is not the SPA) a
 * full load. It is a full load too when the page already shows a first-level heading `heading`
 * matches (the same page again, or another one with the same title): waiting for that heading
 * would not prove that the new route rendered. Otherwise the wait does, as no heading of the old
 * route matches it.
 */
export async function openRoute(page: Page, path: string, heading: string | RegExp): Promise<void> {
  const h1 = page.getByRole('heading', { level: 1, name: heading });
  const target = await clientSideTarget(page, path);
  if (target && (await h1.count()) === 0) {
    await pushRoute(page, path, target);
  } else {
    await page.goto(path);
  }
  await expect(h1).toBeVisible();
}

/**
 * Opens `path` whatever its heading, and waits until a first-level heading of the new route is
 * there: the heading shown before the move is marked, and a route renders its own (the router
 * mounts the new route's page in place of the old one). A full load where openRoute would make one.
 */
export async function openAnyRoute(page: Page, path: string): Promise<void> {
  const target = await clientSideTarget(page, path);
  if (!target) {
    await page.goto(path);
    return;
  }
  await page.evaluate(() => document.querySelectorAll('h1').forEach((h1) => h1.setAttribute('data-e2e-vorige', '')));
  await pushRoute(page, path, target);
  await expect(page.locator('main h1:not([data-e2e-vorige])')).toBeVisible();
}

/** The address to move to client-side: none when the tab does not show the app, or shows `path`. */
async function clientSideTarget(page: Page, path: string): Promise<string | null> {
  if (!(await showsApp(page))) return null;
  const target = new URL(path, page.url()).href;
  return target === page.url() ? null : target;
}

async function pushRoute(page: Page, path: string, target: string): Promise<void> {
  const moved = await page.evaluate((href) => {
    // The router keeps its position in the history in `state.idx`; a step forward, as a push.
    const idx = ((window.history.state as { idx?: number } | null)?.idx ?? 0) + 1;
    window.history.pushState({ usr: null, key: Math.random().toString(36).slice(2, 10), idx }, '', href);
    const moved = window.location.href === href;
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state as unknown }));
    return moved;
  }, target);
  expect(moved, `the address changed to ${path}`).toBe(true);
}

/** The tab shows the SPA (its main landmark), from the test server. */
async function showsApp(page: Page): Promise<boolean> {
  const { baseURL } = test.info().project.use;
  if (!baseURL || !page.url().startsWith(baseURL)) return false;
  return page.evaluate(() => document.querySelector('main#inhoud') !== null);
}

/**
 * Sets the viewport width and waits two frames, so that layout and anything drawn to the new width
 * (charts follow their box with a ResizeObserver) have caught up before the next check.
 */
export async function resizeTo(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}
