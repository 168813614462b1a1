import { expect, test as setup } from '@playwright/test';

import { DEMO_USERS, logInAs } from './accounts';
import { ROLES, sessionFile } from './sessions';

/*
 * Logs in once per demo role through the form and saves the browser state (e2e/sessions.ts).
 * The CSRF token lives in a readable cookie (spoorboek_csrf), so the saved cookies are the whole
 * session: a page opened from them sends the token with its changes without logging in again.
 */

// The logins do not depend on each other: with two workers, two at a time.
setup.describe.configure({ mode: 'parallel' });

for (const who of ROLES) {
  setup(`log in as ${who}`, async ({ page, browser, baseURL, locale }) => {
    await logInAs(page, who);
    const state = await page.context().storageState({ path: sessionFile(who) });
    expect(state.cookies.map((cookie) => cookie.name).sort()).toEqual([
      'spoorboek_csrf',
      'spoorboek_sessie',
      'spoorboek_vernieuwing',
    ]);

    // The saved state alone is a working session, without a refresh.
    const context = await browser.newContext({ baseURL, locale, storageState: sessionFile(who) });
    try {
      const fresh = await context.newPage();
      const refreshes: string[] = [];
      fresh.on('request', (request) => {
        if (request.url().endsWith('/sessies/huidig/vernieuwing')) refreshes.push(request.url());
      });
      await fresh.goto('/mijn-account');
      await expect(fresh.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
      await expect(fresh.getByRole('main')).toContainText(DEMO_USERS[who].email);
      expect(refreshes).toEqual([]);
    } finally {
      await context.close();
    }
  });
}
