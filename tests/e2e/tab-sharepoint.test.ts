/**
 * The tab in SharePoint mode in headless Chromium, inside a stand-in Teams client, against the
 * real server and the fake tenant: a first visit waits for SSO and the list; a repeat visit shows
 * the list this browser last saw for the user at once, marked as being checked and read-only,
 * then the checked list; another user of the same browser never sees it. Pages are opened at the
 * address Teams loads (the manifest's contentUrl with the user and tenant filled in): a kept page
 * for that user is painted while the page is parsed (by the one inline script, which the page's
 * CSP allows by its hash), before any script file has arrived, and wiped when Teams names
 * someone else.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { createServer, type AppServer } from '../../app/server';
import type { SeedItem } from '../fakes/fake-graph';
import { startFakeTenant, type FakeTenant } from '../fakes/fake-tenant';
import { describeWithBrowser, launch, waitUntil, type Browser } from './support/browser';
import { fakeTeamsCdn, fakeTeamsHostScript, teamsTabAddress, type FakeTeamsUser } from './support/fake-teams-host';
import { ensureWebBuilt, ROOT } from './support/web-build';

jest.setTimeout(90_000);

const SEED = JSON.parse(readFileSync(join(ROOT, 'data', 'balanslista-2022.json'), 'utf8')) as { balance: SeedItem[]; meetings: SeedItem[] };
const ROWS = '[data-entry-key], [data-group-key]';
/** What carries the list: the list API, and the page drawn for the user on a first visit. */
const LIST_API = /\/api\/(balance-list|first-view)(\?|$)/;
const KEPT = `Object.keys(localStorage).some((key) => key.startsWith('balanslistan:last-seen-page:'))`;

describeWithBrowser('the tab in Chromium (SharePoint mode, in Teams)', () => {
  let tenant: FakeTenant;
  let server: AppServer;
  let url: string;
  let browser: Browser;

  const user = async (upn: string): Promise<FakeTeamsUser> => {
    const claims = tenant.entra.claimsFor(upn);
    return { token: await tenant.entra.token(upn), userObjectId: String(claims.oid), tenantId: String(claims.tid), upn };
  };

  beforeAll(async () => {
    await ensureWebBuilt();
    tenant = await startFakeTenant({ now: () => new Date() });
    tenant.graph.seedAll(SEED);
    const config = loadConfig({ ...tenant.env, PORT: '0', LOG_LEVEL: 'silent', REFRESH_INTERVAL_SECONDS: '3600' });
    server = await createServer(config, { logger: silentLogger });
    ({ url } = await server.listen());
    browser = await launch({ bypassCSP: false });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await tenant?.close();
  });

  it('shows the list this browser last saw at once on a repeat visit, marked and read-only, then the checked list', async () => {
    const anna = await user('anna@contoso.onmicrosoft.com');
    const context = browser.context;
    await context.addInitScript(fakeTeamsHostScript(anna));
    await fakeTeamsCdn(context);
    const first = await context.newPage();
    const problems: string[] = [];
    first.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    first.on('pageerror', (error) => problems.push(error.message));
    await first.goto(teamsTabAddress(url, anna));
    await first.locator(ROWS).first().waitFor();
    expect(await first.locator('[data-testid="checking"]').count()).toBe(0);
    await waitUntil(first, `Object.keys(localStorage).some((key) => key.startsWith('balanslistan:last-seen-page:'))`);
    // teams-js's fetch of its host list is allowed by the CSP: no errors on the console.
    expect(problems).toEqual([]);
    await first.close();

    // The API is held back, so the remembered page can be looked at before it answers, and so is
    // the app's code, so the page the inline painter drew can be looked at before the app draws.
    const repeat = await context.newPage();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await repeat.route('**/api/balance-list', async (route) => {
      await gate;
      await route.continue();
    });
    let releaseApp: () => void = () => undefined;
    const appGate = new Promise<void>((resolve) => (releaseApp = resolve));
    await repeat.route(/\/assets\/start-[\w-]+\.js$/, async (route) => {
      await appGate;
      await route.continue();
    });
    await repeat.goto(teamsTabAddress(url, anna));
    await repeat.locator('[data-testid="checking"]').first().waitFor();
    expect(await repeat.locator(ROWS).count()).toBeGreaterThan(80);
    expect(await repeat.locator('[data-testid="checking"]').first().textContent()).toContain('Kontrolleras');
    // Read-only: the search field cannot be focused while the list is being checked.
    expect(await repeat.evaluate(`!!document.querySelector('input[name="q"]').closest('[inert]')`)).toBe(true);
    // The painted page is drawn where the app draws: when the app takes over (under its own
    // notice, until the API answers), no row and no edit link moves.
    expect(await repeat.evaluate(`document.getElementById('root').dataset.lastSeen ?? null`)).toBe('painted');
    const boxes = `[...document.querySelectorAll('${ROWS}, .bl-edit > *')].map((element) => { const box = element.getBoundingClientRect(); return [box.x, box.y, box.width, box.height].map(Math.round).join(' '); })`;
    const kept = (await repeat.evaluate(boxes)) as string[];
    // The kept page on its own passes axe (evaluated, as the page's CSP allows no added script).
    await repeat.evaluate(readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
    const violations = (await repeat.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`)) as unknown[];
    expect(violations).toEqual([]);
    releaseApp();
    // The app's own notice (a Fluent MessageBar) in place of the painted one: the app has drawn.
    await waitUntil(
      repeat,
      `!!document.querySelector('#view-panel .fui-MessageBar[data-testid="checking"]') && document.querySelectorAll('#view-panel a[href^="https:"]').length > 80`,
    );
    expect(await repeat.locator('[data-testid="checking"]').count()).toBe(1);
    expect(kept.length).toBeGreaterThan(160);
    expect(await repeat.evaluate(boxes)).toEqual(kept);
    release();
    await repeat.locator('[data-testid="checking"]').waitFor({ state: 'detached' });
    expect(await repeat.locator(ROWS).count()).toBeGreaterThan(0);
    expect(await repeat.evaluate(`!!document.querySelector('input[name="q"]').closest('[inert]')`)).toBe(false);
    await repeat.close();
  });

  it('shows a first visit the rows the server drew for the user before the app has loaded, then hydrates them', async () => {
    const cecilia = await user('cecilia@contoso.onmicrosoft.com');
    const other = await launch({ bypassCSP: false });
    try {
      await other.context.addInitScript(fakeTeamsHostScript(cecilia));
      await fakeTeamsCdn(other.context);
      const page = await other.context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      const asked: Array<{ path: string; authorization: string | null }> = [];
      page.on('request', (request) => {
        const { pathname } = new URL(request.url());
        if (pathname.startsWith('/api/')) asked.push({ path: pathname, authorization: request.headers().authorization ?? null });
      });
      // The app's code (React, Fluent UI) is held back: rows on screen meanwhile came drawn.
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/assets\/start-[\w-]+\.js$/, async (route) => {
        await gate;
        await route.continue();
      });
      await page.goto(teamsTabAddress(url, cecilia));
      await page.locator(ROWS).first().waitFor();
      expect(await page.locator(ROWS).count()).toBeGreaterThan(80);
      expect(await page.evaluate(`document.documentElement.dataset.app ?? null`)).toBeNull();
      expect(await page.locator('[data-testid="checking"]').count()).toBe(0);
      expect(asked).toEqual([{ path: '/api/first-view', authorization: `Bearer ${cecilia.token}` }]);
      const drawn = await page.locator('#root').innerHTML();
      release();
      await waitUntil(page, `document.documentElement.dataset.app === 'ready'`);
      // Hydrated, not drawn again: no recovered mismatch, the server's rows still in place.
      expect(await page.evaluate(`document.documentElement.dataset.hydration ?? null`)).toBeNull();
      expect(await page.locator(ROWS).count()).toBeGreaterThan(80);
      expect(drawn.length).toBeGreaterThan(10_000);
      // The list needs no second request; the page is kept for her next visit.
      expect(asked.filter((call) => call.path === '/api/balance-list')).toEqual([]);
      await waitUntil(page, KEPT);
      expect(problems).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('brings an edit in SharePoint to the open tab through the change stream, with the SSO token', async () => {
    const anna = await user('anna@contoso.onmicrosoft.com');
    const other = await launch({ bypassCSP: false });
    try {
      await other.context.addInitScript(fakeTeamsHostScript(anna));
      await fakeTeamsCdn(other.context);
      const page = await other.context.newPage();
      const streams: Array<string | null> = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/events') streams.push(request.headers().authorization ?? null);
      });
      // An hour between polls: only the stream can bring the edit in time.
      await page.goto(`${teamsTabAddress(url, anna)}&poll=3600`);
      await page.locator('[data-testid="refreshed"][data-live="true"]').waitFor();
      expect(streams[0]).toBe(`Bearer ${anna.token}`);
      const item = tenant.graph.getItem('balance', '1');
      const title = 'Vision 2025 (ändrad i SharePoint)';
      tenant.graph.updateItem('balance', '1', { Title: title });
      // What the server's refresh (scheduled, asked for, or notified) does when it comes round.
      await server.snapshots.refresh();
      await page.locator(ROWS).filter({ hasText: title }).first().waitFor({ timeout: 20_000 });
      tenant.graph.updateItem('balance', '1', { Title: item?.fields.Title });
      await server.snapshots.refresh();
    } finally {
      await other.close();
    }
  });

  it('never shows one user’s list to another user of the same browser', async () => {
    const other = await launch({ bypassCSP: false });
    try {
      const anna = await user('anna@contoso.onmicrosoft.com');
      const annaPage = await other.context.newPage();
      await annaPage.addInitScript(fakeTeamsHostScript(anna));
      await annaPage.goto(teamsTabAddress(url, anna));
      await annaPage.locator(ROWS).first().waitFor();
      await waitUntil(annaPage, `Object.keys(localStorage).some((key) => key.startsWith('balanslistan:last-seen-page:'))`);
      await annaPage.close();

      // Bo opens the tab in the same browser; the API (the list and the first view drawn for him)
      // is held back, so anything on screen before it answers could only come from what the
      // browser kept.
      const bo = await user('bo@contoso.onmicrosoft.com');
      expect(bo.userObjectId).not.toBe(anna.userObjectId);
      const boPage = await other.context.newPage();
      await boPage.addInitScript(fakeTeamsHostScript(bo));
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let asked: () => void = () => undefined;
      const apiAsked = new Promise<void>((resolve) => (asked = resolve));
      await boPage.route(LIST_API, async (route) => {
        asked();
        await gate;
        await route.continue();
      });
      await boPage.goto(teamsTabAddress(url, bo));
      await apiAsked;
      await boPage.locator('h1').waitFor();
      expect(await boPage.locator('[data-testid="checking"]').count()).toBe(0);
      expect(await boPage.locator(ROWS).count()).toBe(0);
      release();
      // His own list, once the API has checked him.
      await boPage.locator(ROWS).first().waitFor();
    } finally {
      await other.close();
    }
  });

  /** A fresh browser in which Anna has opened the tab once, so it keeps her page. */
  async function browserThatKeptAnnasPage(): Promise<{ other: Browser; anna: FakeTeamsUser }> {
    const other = await launch({ bypassCSP: false });
    const anna = await user('anna@contoso.onmicrosoft.com');
    const page = await other.context.newPage();
    await page.addInitScript(fakeTeamsHostScript(anna));
    await page.goto(teamsTabAddress(url, anna));
    await page.locator(ROWS).first().waitFor();
    await waitUntil(page, KEPT);
    await page.close();
    return { other, anna };
  }

  it('paints the kept page from the address before teams-js has answered', async () => {
    const { other, anna } = await browserThatKeptAnnasPage();
    try {
      const page = await other.context.newPage();
      await page.addInitScript(fakeTeamsHostScript(anna, { holdInitialize: true }));
      await page.goto(teamsTabAddress(url, anna));
      // Teams has not answered `initialize`: what is on screen came from the address alone.
      await page.locator('[data-testid="checking"]').first().waitFor();
      expect(await page.locator(ROWS).count()).toBeGreaterThan(0);
      expect(await page.evaluate(`!!document.querySelector('input[name="q"]').closest('[inert]')`)).toBe(true);
      expect(await page.evaluate(`document.documentElement.dataset.app ?? null`)).toBeNull();
      await page.evaluate(`window.fakeTeamsHost.release()`);
      await page.locator('[data-testid="checking"]').waitFor({ state: 'detached' });
      expect(await page.locator(ROWS).count()).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });

  it('paints the kept page while the page is parsed, before any script file has arrived, under a CSP that allows only that script', async () => {
    const { other, anna } = await browserThatKeptAnnasPage();
    try {
      await fakeTeamsCdn(other.context);
      const page = await other.context.newPage();
      await page.addInitScript(fakeTeamsHostScript(anna));
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      // Every script file (the entry script, teams-js, the app) is held back.
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const held: string[] = [];
      await page.route(/\/assets\/[\w.-]+\.js$/, async (route) => {
        held.push(new URL(route.request().url()).pathname);
        await gate;
        await route.continue();
      });
      // Not until `load`: that waits for the scripts held back.
      const response = await page.goto(teamsTabAddress(url, anna), { waitUntil: 'commit' });
      await page.locator('[data-testid="checking"]').first().waitFor();
      expect(held.length).toBeGreaterThan(0);
      const painted = await page.locator(ROWS).count();
      expect(painted).toBeGreaterThan(80);
      expect(await page.evaluate(`!!document.querySelector('input[name="q"]').closest('[inert]')`)).toBe(true);
      expect(await page.evaluate(`document.documentElement.dataset.app ?? null`)).toBeNull();
      // The CSP allows that one script by the hash of its very text, and no other inline script.
      const html = (await response?.text()) ?? '';
      const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
      expect(inline).toHaveLength(1);
      const hash = `'sha256-${createHash('sha256')
        .update(inline[0] ?? '', 'utf8')
        .digest('base64')}'`;
      const scriptSrc = /(?:^|; )script-src ([^;]+)/.exec((await response?.allHeaders())?.['content-security-policy'] ?? '')?.[1];
      expect(scriptSrc).toBe(`'self' ${hash}`);
      release();
      // The app takes the page over: the checked list in place of the kept one, drawn once.
      await page.locator('[data-testid="checking"]').waitFor({ state: 'detached' });
      await waitUntil(page, `document.documentElement.dataset.app === 'ready'`);
      expect(await page.locator(ROWS).count()).toBe(painted);
      expect(await page.locator('#view-panel').count()).toBe(1);
      expect(await page.evaluate(`!!document.querySelector('input[name="q"]').closest('[inert]')`)).toBe(false);
      // No CSP report, no error: the inline script ran as allowed.
      expect(problems).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('paints a page kept without its notice (kept before pages carried one) once Teams has named the user, and keeps it with one', async () => {
    const { other, anna } = await browserThatKeptAnnasPage();
    try {
      const page = await other.context.newPage();
      await page.addInitScript(fakeTeamsHostScript(anna, { holdInitialize: true }));
      await page.goto(teamsTabAddress(url, anna));
      // The page as kept before: no notice in it.
      const dropNotice = `(() => { const key = Object.keys(localStorage).find((k) => k.startsWith('balanslistan:last-seen-page:')); const page = JSON.parse(localStorage.getItem(key)); delete page.notice; localStorage.setItem(key, JSON.stringify(page)); })()`;
      await page.evaluate(dropNotice);
      await page.close();
      const again = await other.context.newPage();
      await again.addInitScript(fakeTeamsHostScript(anna, { holdInitialize: true }));
      await again.goto(teamsTabAddress(url, anna));
      // Neither the inline painter nor the entry script has strings for the notice: nothing yet.
      await waitUntil(again, `performance.getEntriesByType('resource').some((entry) => entry.name.includes('early-paint'))`);
      expect(await again.locator(ROWS).count()).toBe(0);
      await again.evaluate(`window.fakeTeamsHost.release()`);
      await again.locator('[data-testid="checking"]').first().waitFor();
      expect(await again.locator('[data-testid="checking"]').first().textContent()).toContain('Kontrolleras');
      await again.locator('[data-testid="checking"]').waitFor({ state: 'detached' });
      await waitUntil(
        again,
        `(() => { const key = Object.keys(localStorage).find((k) => k.startsWith('balanslistan:last-seen-page:')); return !!key && !!JSON.parse(localStorage.getItem(key)).notice; })()`,
      );
    } finally {
      await other.close();
    }
  });

  it('wipes the page painted from the address when Teams names another user', async () => {
    const { other, anna } = await browserThatKeptAnnasPage();
    try {
      const bo = await user('bo@contoso.onmicrosoft.com');
      const page = await other.context.newPage();
      // The address names Anna (a forwarded or crafted link); Teams says Bo is signed in.
      await page.addInitScript(fakeTeamsHostScript(bo, { holdInitialize: true }));
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      await page.route(LIST_API, async (route) => {
        await gate;
        await route.continue();
      });
      await page.goto(teamsTabAddress(url, anna));
      await page.locator('[data-testid="checking"]').first().waitFor();
      await page.evaluate(`window.fakeTeamsHost.release()`);
      // Off the screen and out of the browser as soon as Teams has named Bo; nothing else shown.
      await waitUntil(page, `!${KEPT}`);
      expect(await page.evaluate(`Object.keys(localStorage).filter((key) => key.startsWith('balanslistan:last-seen'))`)).toEqual([]);
      await page.locator('h1').waitFor();
      expect(await page.locator('[data-testid="checking"]').count()).toBe(0);
      expect(await page.locator(ROWS).count()).toBe(0);
      release();
      // Bo's own list, once the API has checked him.
      await page.locator(ROWS).first().waitFor();
    } finally {
      await other.close();
    }
  });

  it('with the placeholders left unfilled, paints the kept page only once Teams has named the user', async () => {
    const { other, anna } = await browserThatKeptAnnasPage();
    try {
      const page = await other.context.newPage();
      await page.addInitScript(fakeTeamsHostScript(anna, { holdInitialize: true }));
      const address = teamsTabAddress(url, anna, true);
      expect(address).toContain('oid={user.id}');
      await page.goto(address);
      // Nothing to go on before Teams answers: the entry script has run and painted nothing.
      await waitUntil(page, `performance.getEntriesByType('resource').some((entry) => entry.name.includes('early-paint'))`);
      expect(await page.locator(ROWS).count()).toBe(0);
      await page.evaluate(`window.fakeTeamsHost.release()`);
      await page.locator('[data-testid="checking"]').first().waitFor();
      expect(await page.locator(ROWS).count()).toBeGreaterThan(0);
      await page.locator('[data-testid="checking"]').waitFor({ state: 'detached' });
    } finally {
      await other.close();
    }
  });
});
