/**
 * The repeat visit's floor: the page a repeat visit paints (the kept markup, its Fluent UI rules
 * and the notice, as the inline painter puts them on screen) saved as plain HTML with no script,
 * to be visited like the static page. What the app needs beyond this page's own time is the
 * app's; below it, only lighter markup helps.
 */
import type { Browser } from 'playwright-core';
import { waitUntil } from '../../tests/e2e/support/browser';
import { fakeTeamsHostScript, type FakeTeamsUser } from '../../tests/e2e/support/fake-teams-host';

const KEPT = `Object.keys(localStorage).some((key) => key.startsWith('balanslistan:last-seen-page:'))`;

/** The kept page for `user` at the tab's address `tab`, as painted before any script file has arrived. */
export async function keptPageHtml(browser: Browser, tab: string, user: FakeTeamsUser, rows: string): Promise<string> {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(fakeTeamsHostScript(user, { holdInitialize: true }));
    const first = await context.newPage();
    await first.goto(tab);
    await first.evaluate('window.fakeTeamsHost.release()');
    await waitUntil(first, KEPT, 30_000);
    await first.close();
    // Teams does not answer and no script file arrives: what is on screen is the painter's alone.
    const page = await context.newPage();
    await page.route(/\/assets\/[\w.-]+\.js$/, (route) => route.abort());
    await page.goto(tab, { waitUntil: 'commit' });
    await page.locator(rows).last().waitFor({ state: 'visible', timeout: 30_000 });
    const html = (await page.evaluate('document.documentElement.outerHTML')) as string;
    await page.close();
    return (
      '<!doctype html>' +
      html
        .replace(/<script\b[\s\S]*?<\/script>/g, '')
        .replace(/<link rel="modulepreload"[^>]*>/g, '')
        // The notice stays on screen; only its test id goes, so the visit does not wait for it to leave.
        .replace(/ data-testid="checking"/g, '')
    );
  } finally {
    await context.close();
  }
}
