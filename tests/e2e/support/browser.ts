/** Headless Debian Chromium through playwright-core, with a fresh profile per launch. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * `describe` for tests that need Chromium. Without it the block is one failing test that says
 * what to install: the browser tests are part of `npm test`, so a run without them never passes.
 */
export function describeWithBrowser(name: string, body: () => void, options: { chromium?: string } = {}): void {
  const chromium = options.chromium ?? CHROMIUM;
  if (existsSync(chromium)) {
    describe(name, body);
    return;
  }
  describe(name, () => {
    it('needs Chromium', () => {
      throw new Error(`${chromium} is missing: install Chromium (Debian: apt-get install chromium) to run the browser tests.`);
    });
  });
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(
  options: { locale?: string; viewport?: { width: number; height: number }; bypassCSP?: boolean; javaScriptEnabled?: boolean } = {},
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'balanslistan-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    locale: options.locale ?? 'sv-SE',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    bypassCSP: options.bypassCSP ?? false,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
