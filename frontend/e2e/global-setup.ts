import { accessSync, constants } from 'node:fs';

import { chromiumPath } from './chromium';

// Fail the whole run up front, with the reason, rather than letting each test fail obscurely.
export default function globalSetup() {
  try {
    accessSync(chromiumPath, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium not found at ${chromiumPath}. Install Debian's chromium package ` +
        '(apt-get install chromium) or set CHROMIUM_PATH; the browser tests cannot run without it.',
    );
  }
}
