/** Headless Debian Chromium through playwright-core, with a fresh profile per launch. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** True when the tests run in CI (`.ci/run` sets CI=true, as hosted CI services do). */
export const inCi = (env: NodeJS.ProcessEnv = process.env): boolean => Boolean(env.CI) && !['0', 'false'].includes(String(env.CI).toLowerCase());

/**
 * `describe` for tests that need Chromium. Without it, CI gets one failing test that says what
 * is missing, so a run without browser tests can never pass there; on a developer's machine the
 * block is skipped with a loud warning, so the rest of the suite can still be run.
 */
export function describeWithBrowser(name: string, body: () => void, options: { chromium?: string; env?: NodeJS.ProcessEnv } = {}): void {
  const chromium = options.chromium ?? CHROMIUM;
  if (existsSync(chromium)) {
    describe(name, body);
    return;
  }
  const missing = `${chromium} is missing: install Chromium (Debian: apt-get install chromium) to run the browser tests`;
  if (inCi(options.env)) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`${missing}. In CI the browser tests must run.`);
      });
    });
    return;
  }
  console.warn(`\n*** BROWSER TESTS SKIPPED: ${missing}. CI fails instead of skipping. ***\n`);
  describe.skip(name, body);
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
