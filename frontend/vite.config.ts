import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `npm run dev` talks to a backend started with `spoorboek serve` (port 8000 by default).
const apiTarget = process.env.SPOORBOEK_API_URL ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react()],
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
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
