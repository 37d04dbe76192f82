/**
 * Builds the tab's web app into tabs/web/dist: the tab and config pages (index.html) and the
 * sign-in/consent popup's landing page (auth-end.html). No inline script: the CSP forbids it.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Keeps the module-preload polyfill (an inline script) out of the HTML.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // tabs/api reads it to name the Teams start-up modules in the page's preload hints.
    manifest: true,
    rollupOptions: {
      input: { index: resolve(root, 'index.html'), 'auth-end': resolve(root, 'auth-end.html') },
      // Fluent UI marks its modules "use client" (for server components); meaningless in this bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
