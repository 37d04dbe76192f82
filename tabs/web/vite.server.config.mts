/**
 * Builds the server renderer of the tab's page (src/ssr/render-page.tsx) into tabs/web/dist-ssr
 * as one CommonJS file that tabs/api loads at run time. React, Fluent UI and the app's own
 * components are bundled in, so the server needs none of them installed and draws with exactly
 * the code the browser bundle was built from.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  logLevel: 'warn',
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: resolve(root, 'src', 'ssr', 'render-page.tsx'),
    outDir: resolve(root, 'dist-ssr'),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
