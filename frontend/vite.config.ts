import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';

// `npm run dev` talks to a backend started with `spoorboek serve` (port 8000 by default).
const apiTarget = process.env.SPOORBOEK_API_URL ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [
    react(),
    // A .br and a .gz beside each hashed asset, at the strongest settings (the plugin's defaults):
    // the server sends them as they are (api/core/static.py), so compressing costs time once per
    // build instead of on every request. index.html is small and compressed on the fly.
    compression({ include: /^assets\/.*\.(js|css|svg|json)$/, algorithms: ['brotliCompress', 'gzip'] }),
  ],
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: true } },
  },
  build: {
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            { name: 'nl-design-system', test: /[\\/]node_modules[\\/]@utrecht[\\/]/, priority: 1 },
            // Libraries only the lazily loaded screens use (the QR code, the map's projection) stay
            // out of the first download.
            { name: 'vendor', test: /[\\/]node_modules[\\/](?!uqr[\\/]|d3-)/ },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    // One jsdom per worker rather than one per test file: setting up jsdom and importing React,
    // the router and the design system again for each of the forty files was four fifths of the
    // run's CPU time. Each file still starts as it did: after every test the rendered trees are
    // unmounted, cookies removed, mocks restored and stubbed globals put back, and after every file
    // src/test/setup.ts resets the rest of the document (timers, storage, URL, title). Shared across
    // files are only modules' own state (none of src/ keeps any that a test can see) and module
    // mocks, which is why eslint.config.js refuses vi.mock in tests: fetch is mocked instead
    // (src/test/mockApi.ts).
    isolate: false,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
