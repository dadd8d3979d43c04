/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { documentIds } from './documentIds.ts';

// Two pages: the dashboard (served at /) and the GraphQL explorer (served at /explorer).
// The backend serves dist/*.html itself and dist/assets/* at /assets/, hence base '/'.
export default defineConfig({
  base: '/',
  // documentIds: each generated operation carries its trusted-document id (documentIds.ts).
  plugins: [documentIds(), react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // GraphiQL brings Monaco (several MB); it is loaded only by explorer.html.
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      onwarn(warning, warn) {
        // GraphiQL ships React Compiler output marked "use no memo"; dropping the directive in the
        // bundle is harmless, and the warning repeats for every such module.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        explorer: resolve(import.meta.dirname, 'explorer.html'),
      },
    },
  },
  server: {
    // `npm run dev` against a backend on :8000.
    proxy: {
      '/graphql': 'http://127.0.0.1:8000',
      '/auth': 'http://127.0.0.1:8000',
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // userEvent typing in jsdom takes seconds on a loaded 2-core machine (CI runs beside the
    // backend suite): 5 s timed out there, never here alone.
    testTimeout: 20000,
  },
});
