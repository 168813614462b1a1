import { defineConfig, devices } from '@playwright/test';

import { chromiumPath } from './e2e/chromium';

const port = Number(process.env.E2E_PORT ?? 8765);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 1 : 2,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL,
    locale: 'nl-NL',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
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
      },
    },
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
