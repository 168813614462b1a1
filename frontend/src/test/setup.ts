import '@testing-library/jest-dom/vitest';

import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

import { removeAllCookies } from './mockApi';

afterEach(() => {
  cleanup();
  removeAllCookies();
});
