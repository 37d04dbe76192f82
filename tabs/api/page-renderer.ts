/**
 * Loads the tab's server renderer (tabs/web/dist-ssr/render-page.cjs, built by `npm run build`
 * from the same components as the browser bundle) and loads it again when it is rebuilt, so a
 * running server draws with the code the browser gets.
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { PageRendererModule } from '../web/src/ssr/page-data';

export const RENDERER_FILE = 'render-page.cjs';

/** Thrown when the server renderer is missing or does not have the expected shape. */
export class PageRendererError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PageRendererError';
  }
}

export type LoadPageRenderer = () => PageRendererModule;

/** A loader of the renderer in `ssrDir` that reads the file again whenever it changes. */
export function pageRendererLoader(ssrDir: string): LoadPageRenderer {
  const file = join(ssrDir, RENDERER_FILE);
  const load = createRequire(__filename);
  let loaded: { mtimeMs: number; module: PageRendererModule } | null = null;
  return () => {
    if (!existsSync(file)) throw new PageRendererError(`${file} is missing: run "npm run build"`);
    const mtimeMs = statSync(file).mtimeMs;
    if (loaded?.mtimeMs === mtimeMs) return loaded.module;
    delete load.cache[load.resolve(file)];
    let module: Partial<PageRendererModule>;
    try {
      module = load(file) as Partial<PageRendererModule>;
    } catch (error) {
      throw new PageRendererError(`${file} could not be loaded`, { cause: error });
    }
    if (typeof module.renderPage !== 'function') throw new PageRendererError(`${file} does not export renderPage`);
    loaded = { mtimeMs, module: module as PageRendererModule };
    return loaded.module;
  };
}
