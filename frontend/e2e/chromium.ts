/** Debian's Chromium; Playwright's own browser builds cannot be downloaded here. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
