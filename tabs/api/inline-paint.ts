/**
 * The one inline script the tab's page carries (SharePoint mode): the kept page's painter
 * (tabs/web/src/teams/inline-paint.ts, built into dist/inline-paint.js), which paints a repeat
 * visit's kept page while the page is parsed instead of after the entry script has been fetched
 * and run. The CSP still allows no inline script but this one: the page that carries it names
 * its SHA-256 hash in `script-src`, computed here from the very text written into that page, so
 * the two cannot drift apart. Without the built file (or with text that could end the script
 * element early) the page goes without it and the entry script paints, as before.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The built painter, beside index.html. */
export const INLINE_PAINTER_FILE = 'inline-paint.js';

export interface InlineScript {
  /** The `<script>` element, as written into the page. */
  element: string;
  /** The CSP source that allows exactly that script, e.g. `'sha256-…'`. */
  source: string;
}

/** The CSP hash source of an inline script's text (its UTF-8 bytes, as the browser hashes them). */
export function scriptHashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * `code` as an inline script with its hash, or null when the text could end the element or
 * open a comment inside it (`</script`, `<!--`): such text is never written into a page.
 */
export function inlineScript(code: string): InlineScript | null {
  const text = code.trim();
  if (text === '' || /<\/script|<!--/i.test(text)) return null;
  return { element: `<script>${text}</script>`, source: scriptHashSource(text) };
}

/** The painter built into `distDir`, or null when it is missing or unusable. */
export function inlinePainter(distDir: string): InlineScript | null {
  const path = join(distDir, INLINE_PAINTER_FILE);
  return existsSync(path) ? inlineScript(readFileSync(path, 'utf8')) : null;
}
