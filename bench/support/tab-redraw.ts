/**
 * From the moment the server learns of an edit (its snapshot changes: a refresh by delta, asked
 * for by demand, the timer or a change notification) to an open tab's redraw: the tab in
 * SharePoint mode inside the stand-in Teams client, against the real server and the fake tenant,
 * told by its change stream (`GET /api/events`; the fallback poll is set an hour apart so only
 * the stream can bring the edit). How the server learns of the edit is not part of this: add the
 * edit-to-snapshot time of each way of reading to get the edit-to-redraw time.
 *
 * Both ends are read on this machine's clock: the server's side when the snapshot service tells of
 * the change, the page's side from a mutation observer when the new title is in the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from '../../app/server';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { CHROMIUM, waitUntil } from '../../tests/e2e/support/browser';
import { fakeTeamsCdn, fakeTeamsHostScript, teamsTabAddress, type FakeTeamsUser } from '../../tests/e2e/support/fake-teams-host';
import { ensureWebBuilt, ROOT } from '../../tests/e2e/support/web-build';
import type { SeedItem } from '../../tests/fakes/fake-graph';
import { startFakeTenant } from '../../tests/fakes/fake-tenant';

export interface RedrawTimes {
  /** Milliseconds from the snapshot's change to the redraw, one per edit, in order. */
  samples: number[];
  median: number;
  p95: number;
}

const SEED = JSON.parse(readFileSync(join(ROOT, 'data', 'balanslista-2022.json'), 'utf8')) as Record<string, SeedItem[]>;

/** The value below which `share` of the sorted samples lie (nearest rank). */
export function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? 0;
}

/**
 * Opens the tab, then makes `edits` edits of one item in the fake SharePoint list, each followed
 * by a refresh of the server's snapshot (what the server does when it learns of an edit), and
 * times each until the tab shows the new title. `env` adds to the server's configuration.
 */
export async function measureSnapshotToRedraw(options: { edits?: number; env?: Record<string, string> } = {}): Promise<RedrawTimes> {
  const edits = options.edits ?? 20;
  await ensureWebBuilt();
  const tenant = await startFakeTenant({ now: () => new Date() });
  tenant.graph.seedAll(SEED);
  const upn = 'anna@contoso.onmicrosoft.com';
  const claims = tenant.entra.claimsFor(upn);
  const user: FakeTeamsUser = { token: await tenant.entra.token(upn), userObjectId: String(claims.oid), tenantId: String(claims.tid), upn };
  const config = loadConfig({ ...tenant.env, PORT: '0', LOG_LEVEL: 'silent', REFRESH_INTERVAL_SECONDS: '3600', ...options.env });
  const server = await createServer(config, { logger: silentLogger });
  const { url } = await server.listen();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const original = tenant.graph.getItem('balance', '1')?.fields.Title;
  try {
    const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
    await context.addInitScript(fakeTeamsHostScript(user));
    await fakeTeamsCdn(context);
    const page = await context.newPage();
    await page.goto(`${teamsTabAddress(url, user)}&poll=3600`);
    await page.locator('[data-testid="refreshed"][data-live="true"]').waitFor({ timeout: 30_000 });
    // Records, on the page's clock (epoch ms), when each title first appears.
    await page.evaluate(`(() => {
      const seen = (window.redrawnAt = {});
      const root = document.getElementById('root');
      new MutationObserver(() => {
        for (const match of root.textContent.matchAll(/Redraw-mätning (\\d+)/g)) seen[match[1]] ??= performance.timeOrigin + performance.now();
      }).observe(root, { subtree: true, childList: true, characterData: true });
    })()`);
    const samples: number[] = [];
    for (let edit = 0; edit < edits; edit += 1) {
      tenant.graph.updateItem('balance', '1', { Title: `Redraw-mätning ${edit}` });
      let changedAt = 0;
      const stop = server.snapshots.onChange(() => {
        changedAt ||= performance.timeOrigin + performance.now();
      });
      await server.snapshots.refresh();
      stop();
      await waitUntil(page, `window.redrawnAt[${JSON.stringify(String(edit))}] !== undefined`, 30_000);
      const redrawnAt = (await page.evaluate(`window.redrawnAt[${JSON.stringify(String(edit))}]`)) as number;
      samples.push(redrawnAt - changedAt);
      // People do not edit in lockstep: a pause of 0.2–0.7 s before the next one.
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 500));
    }
    return { samples, median: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
  } finally {
    if (original !== undefined) tenant.graph.updateItem('balance', '1', { Title: original });
    await browser.close();
    await server.close();
    await tenant.close();
  }
}
