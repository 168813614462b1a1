import '@testing-library/jest-dom/vitest';

import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, vi } from 'vitest';

import { removeAllCookies } from './mockApi';

afterEach(() => {
  cleanup();
  removeAllCookies();
});

// The test files share one document per worker (isolate: false in vite.config.ts): what a file
// may have left in it is reset before the next file, as a fresh document would be.
afterAll(() => {
  vi.useRealTimers();
  document.title = '';
  document.body.innerHTML = '';
  localStorage.clear();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});
