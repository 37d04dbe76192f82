/**
 * Preload hints for the tab's page in SharePoint mode: inside Teams the page first loads the
 * early start-up module (tabs/web/src/teams/early-paint.ts: the Teams library, the request for
 * the list, the page kept from the last visit), which the entry script only asks for once it
 * runs. Naming it and its imports in the page lets the browser fetch and compile them while the
 * entry script is still on its way. The hashed names come from Vite's build manifest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The module the hints are for, as Vite's manifest names it. */
export const EARLY_MODULE = 'src/teams/early-paint.ts';

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

/** `<link rel="modulepreload">` tags for the early module and what it imports; empty without a manifest. */
export function teamsPreloadLinks(distDir: string): string {
  const path = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(path)) return '';
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
  const files: string[] = [];
  const visit = (key: string) => {
    const chunk = manifest[key];
    // The page's own entry script is already in the page.
    if (!chunk || chunk.isEntry || files.includes(chunk.file)) return;
    files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(EARLY_MODULE);
  // `crossorigin` as on Vite's own script tag, so the browser reuses the preloaded module.
  return files
    .filter((file) => /^assets\/[\w.-]+\.js$/.test(file))
    .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`)
    .join('');
}
