/**
 * Builds the tab's web app into tabs/web/dist: the tab and config pages (index.html) and the
 * sign-in/consent popup's landing page (auth-end.html). No inline script in the pages: the CSP
 * forbids it. The one exception is the kept page's painter (src/teams/inline-paint.ts), built
 * here as one self-contained script (dist/inline-paint.js) that the server writes into the page
 * with its hash in that page's CSP (tabs/api/inline-paint.ts).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin, type Rollup } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));

/** Bundles the inline painter on its own (a classic script, no imports left) beside the app. */
function inlinePainter(): Plugin {
  return {
    name: 'balanslistan-inline-painter',
    apply: 'build',
    async generateBundle() {
      const result = await build({
        configFile: false,
        root,
        logLevel: 'warn',
        build: {
          write: false,
          target: 'es2022',
          minify: true,
          lib: {
            entry: resolve(root, 'src', 'teams', 'inline-paint.ts'),
            formats: ['iife'],
            name: 'balanslistanInlinePaint',
            fileName: () => 'inline-paint.js',
          },
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
      const chunk = outputs.flatMap((output) => output.output).find((item): item is Rollup.OutputChunk => item.type === 'chunk');
      if (!chunk) throw new Error('the inline painter (src/teams/inline-paint.ts) was not built');
      this.emitFile({ type: 'asset', fileName: 'inline-paint.js', source: chunk.code });
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  logLevel: 'warn',
  plugins: [inlinePainter()],
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
