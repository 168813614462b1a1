import { defineConfig, devices } from '@playwright/test';

import { chromiumPath } from './e2e/chromium';

const port = Number(process.env.E2E_PORT ?? 8765);
const baseURL = `http://127.0.0.1:${port}`;

const browser = {
  ...devices['Desktop Chrome'],
  // One browser context per worker, reset between tests (cookies, cache, storages, extra pages,
  // routes, init scripts, viewport), instead of a new one per test: a new context starts a new
  // renderer process that loads and compiles the SPA, its styles and Playwright's own scripts
  // from nothing, which cost more than most tests' checks. It is kept while the context's options
  // stay the same, so a role is not a storage state but cookies put in per test (e2e/sessions.ts).
  // Not reset: permissions granted and listeners on `page`; no test depends on either. The specs
  // that measure a cold first load (wire, heatmap-performance) take a context of their own.
  reuseContext: true,
  launchOptions: {
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  },
};

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two workers on two cores, in CI too: the tests share the server and its database, but a test
  // that writes makes its own records (unique names) or uses measures of Utrecht that no other
  // test checks, and no check on a shared list depends on a count another test can change.
  // While one browser waits for the server, the other works.
  workers: 2,
  reporter: [['list']],
  timeout: 30_000,
  // On two cores shared with the other lane of `make test`, the first answers of a fresh server
  // (routes prepared on first use, Argon2 on login) can take longer than the default 5 s; a
  // passing check costs no more for the longer limit.
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: 'nl-NL',
    // Recording a trace of every test (and dropping it when the test passes) costs about a tenth
    // of the run; a failure still leaves its screenshot and page snapshot. For a trace, run the
    // failing spec again with `--trace retain-on-failure`.
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    // Logs in once per demo role and saves the sessions the other tests start from (e2e/sessions.ts).
    { name: 'sessies', testMatch: /sessions\.setup\.ts$/, use: browser },
    { name: 'chromium', dependencies: ['sessies'], use: browser },
  ],
  webServer: {
    command: 'bash e2e/serve.sh',
    url: `${baseURL}/api/v1/health`,
    env: { PORT: String(port) },
    // A server already on the port would be tested instead of this build: refuse it.
    reuseExistingServer: false,
    // SIGTERM lets e2e/serve.sh stop the server and remove its temp folder (the default is SIGKILL).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
