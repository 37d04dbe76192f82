/** Headless Debian Chromium through playwright-core, with a fresh profile per launch. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

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

/**
 * Waits until `expression` is true in `page`, asking every 25 ms. Unlike `waitForFunction` it
 * never evaluates the expression with the page's own `eval`, which the tab's CSP forbids once
 * the condition is not met at the first look.
 */
export async function waitUntil(page: Page, expression: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * The page's WCAG 2.1 A and AA violations by axe (id and the first three nodes with what fails),
 * Fluent's focus-trap dummies left out. The page must allow the script (launch with `bypassCSP`).
 */
export async function axeViolations(page: Page): Promise<unknown[]> {
  await page.addScriptTag({ path: join(__dirname, '..', '..', '..', 'node_modules', 'axe-core', 'axe.min.js') });
  return (await page.evaluate(`axe.run({ include: [document], exclude: [['[data-tabster-dummy]']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '')) })))`)) as unknown[];
}
