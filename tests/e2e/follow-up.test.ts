/**
 * Uppföljning in headless Chromium against the real server in local mode on the 2017 golden
 * dataset. The server draws the year of the address into the page; later years and the Word file
 * are asked of the follow-up API, answered at the network layer from the same dataset, mapped and
 * built as the server does (`mapForumData`, `buildForumYear`, and the Word file from
 * `renderFollowUpDocx`), so the view is checked on the real document's content: the year in the
 * address, meetings by kind, entries without ärende marked and counted, the Word download, axe
 * with no WCAG 2.1 A/AA violation in every theme, a 360 px phone without sideways scrolling, and
 * hostile text that stays text. Screenshots go to test-artifacts/screenshots.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import type { ForumData } from '../../src/domain/errands';
import { buildForumYear } from '../../src/domain/forum-year';
import { mapForumData } from '../../src/lists/forum-year-mapping';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { FixedClock } from '../../src/ports/clock';
import { renderFollowUpDocx } from '../../src/report';
import { createServer, type AppServer } from '../../app/server';
import { describeWithBrowser, launch, type Browser } from './support/browser';
import { ensureWebBuilt, ROOT } from './support/web-build';

jest.setTimeout(90_000);

const SEED = join(ROOT, 'data', 'svom-2017.json');
const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const AXE_RUN = `axe.run({ include: [document], exclude: [['[data-tabster-dummy]']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
  .then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`;

const forum2017 = (): ForumData => mapForumData(JSON.parse(readFileSync(join(ROOT, 'data', 'svom-2017.json'), 'utf8')) as Parameters<typeof mapForumData>[0]);

/** Answers /api/follow-up/:year(.docx) as the API does, from `data`; records the years asked for. */
async function serveFollowUp(page: Page, data: ForumData, asked: string[] = []): Promise<string[]> {
  await page.route('**/api/follow-up/*', async (route: Route) => {
    const last = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    asked.push(last);
    const match = /^(\d{4})(\.docx)?$/.exec(last);
    const year = match ? Number(match[1]) : NaN;
    if (!match || year < 2000 || year > 2100) {
      await route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'invalid-year', message: 'Året måste anges med fyra siffror, 2000–2100.' } }),
      });
      return;
    }
    const followUp = buildForumYear(data, year);
    if (match[2]) {
      await route.fulfill({
        status: 200,
        contentType: DOCX,
        headers: { 'Content-Disposition': `attachment; filename="uppfoljning-svom-${year}.docx"` },
        body: await renderFollowUpDocx(followUp, 'sv'),
      });
      return;
    }
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...followUp, today: '2022-12-01' }) });
  });
  return asked;
}

describeWithBrowser('Uppföljning in Chromium (local mode, the 2017 follow-up)', () => {
  let dataDir: string;
  let server: AppServer;
  let url: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await ensureWebBuilt();
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'balanslistan-e2e-follow-up-'));
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, SEED_FILE: SEED, PLAYGROUND: 'off', LOG_LEVEL: 'silent' });
    server = await createServer(config, { clock: new FixedClock('2022-12-01T09:00:00Z'), logger: silentLogger });
    ({ url } = await server.listen());
    browser = await launch({ bypassCSP: false });
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
  }, 120_000);

  afterEach(async () => {
    await page.unrouteAll();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const open = async (search: string, target: Page = page) => {
    await target.goto(`${url}/tab${search}`);
    // The server draws the page; the app and the view's own code take it over before anything is pressed.
    await target.locator('html[data-app="ready"][data-view="uppfoljning"]').waitFor({ state: 'attached' });
    await target.locator('[data-testid="refreshed"]').waitFor();
    await target.locator('[data-testid="view-loading"]').waitFor({ state: 'detached' });
    await target.locator('[data-testid="follow-up-summary"]').waitFor();
  };

  it('shows 2017 from the address: meetings by kind, every area with its ärenden, the ones without counted', async () => {
    const asked = await serveFollowUp(page, forum2017());
    await open('?view=uppfoljning&year=2017');
    // The page came with the year drawn: the app does not ask for it again.
    expect(asked).toEqual([]);
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('Uppföljning');
    expect(await page.getByRole('heading', { level: 3, name: 'Uppföljning 2017' }).count()).toBe(1);
    expect(await page.getByTestId('follow-up-summary').textContent()).toContain('4 av 7 områden saknar ärende 2017');
    expect(await page.locator('[data-meeting-kind] h4').allTextContents()).toEqual([
      'Ordinarie möten (3)',
      'Gemensamma möten med Västernorrland (1)',
      'Extra möten (1)',
      'Andra evenemang (1)',
    ]);
    expect(await page.locator('[data-meeting-kind="extra"] li').textContent()).toBe('april 2017 · Extra SVOM-möte – Ärende gällande TNE-avtalet');
    expect(await page.locator('[data-without-errand="true"] .fu-entry-title').allTextContents()).toEqual([
      'Kompetensförsörjning',
      'Välfärdsteknologi',
      'Vård på rätt nivå',
      'Kunskapsstyrning',
    ]);
    expect(await page.locator('[data-entry-key="hsv-1"] .errand').count()).toBe(6);
    // The docs' picture (docs/screenshots/uppfoljning.png) is a copy of this one.
    await page.screenshot({ path: join(SHOTS, 'uppfoljning.png'), fullPage: true });
  });

  it('changes year with the picker, in the address, and defaults to the current year', async () => {
    const asked = await serveFollowUp(page, forum2017());
    await open('?view=uppfoljning');
    expect(await page.getByRole('heading', { level: 3, name: 'Uppföljning 2022' }).count()).toBe(1);
    await page.getByLabel('År', { exact: true }).selectOption('2023');
    await page.getByRole('heading', { level: 3, name: 'Uppföljning 2023' }).waitFor();
    expect(new URL(page.url()).searchParams.get('year')).toBe('2023');
    expect(await page.getByText('Inga möten är registrerade för 2023.').count()).toBe(1);
    expect(asked).toEqual(['2023']);
  });

  it('downloads the Word file of the year under its name', async () => {
    await serveFollowUp(page, forum2017());
    await open('?view=uppfoljning&year=2017');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner som Word' }).click()]);
    expect(download.suggestedFilename()).toBe('uppfoljning-svom-2017.docx');
    const saved = join(dataDir, 'saved.docx');
    await download.saveAs(saved);
    // A Word file is a zip: it starts with PK.
    expect(readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('keeps hostile text inert', async () => {
    const data = forum2017();
    const payload = '<img src=x onerror="window.hacked=1">\u202Egnp.exe';
    data.errands = data.errands.map((errand, index) => (index === 0 ? { ...errand, title: payload, decision: '<script>window.hacked=1</script>' } : errand));
    const hostile = await browser.context.newPage();
    try {
      await serveFollowUp(hostile, data);
      // The year the page came with is the store's; the hostile one is the API's answer for 2017.
      await open('?view=uppfoljning&year=2022', hostile);
      await hostile.getByLabel('År', { exact: true }).selectOption('2017');
      await hostile.getByRole('heading', { level: 3, name: 'Uppföljning 2017' }).waitFor();
      expect(await hostile.getByText(payload).count()).toBe(1);
      expect(await hostile.locator('#view-panel img').count()).toBe(0);
      expect(await hostile.evaluate('window.hacked')).toBeUndefined();
    } finally {
      await hostile.close();
    }
  });

  describe('accessibility', () => {
    let axeBrowser: Browser;

    beforeAll(async () => {
      // axe is injected as a script, which the page's CSP (rightly) forbids: bypass it here only.
      axeBrowser = await launch({ bypassCSP: true });
    });

    afterAll(async () => {
      await axeBrowser?.close();
    });

    it.each(['light', 'dark', 'contrast'])('has no WCAG 2.1 A/AA violation in the %s theme', async (theme) => {
      const axePage = await axeBrowser.context.newPage();
      try {
        await serveFollowUp(axePage, forum2017());
        await open(`?view=uppfoljning&year=2017&theme=${theme}`, axePage);
        await axePage.addScriptTag({ path: AXE });
        expect(await axePage.evaluate(AXE_RUN)).toEqual([]);
        if (theme !== 'light') await axePage.screenshot({ path: join(SHOTS, `uppfoljning-${theme}.png`) });
      } finally {
        await axePage.close();
      }
    });

    it('fits a 360 px phone: no sideways scrolling, every control within the screen, axe clean', async () => {
      const phone = await launch({ viewport: { width: 360, height: 740 }, bypassCSP: true });
      try {
        const phonePage = await phone.context.newPage();
        await serveFollowUp(phonePage, forum2017());
        await open('?view=uppfoljning&year=2017', phonePage);
        expect(await phonePage.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBe(0);
        const outside = (await phonePage.evaluate(`[...document.querySelectorAll('a[href], button, input, select, summary, [tabindex="0"]')]
          .filter((el) => el.offsetParent !== null && !el.closest('[data-tabster-dummy]') && !el.classList.contains('skip-link'))
          .filter((el) => { const r = el.getBoundingClientRect(); return r.left < 0 || r.right > 360; })
          .map((el) => el.outerHTML.slice(0, 80))`)) as string[];
        expect(outside).toEqual([]);
        await phonePage.addScriptTag({ path: AXE });
        expect(await phonePage.evaluate(AXE_RUN)).toEqual([]);
        await phonePage.screenshot({ path: join(SHOTS, 'uppfoljning-mobil.png'), fullPage: true });
      } finally {
        await phone.close();
      }
    });
  });
});

describeWithBrowser('Uppföljning in Chromium against the real follow-up API (the 2017 dataset as the local store)', () => {
  let dataDir: string;
  let server: AppServer;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'balanslistan-e2e-follow-up-2017-'));
    const seed = join(ROOT, 'data', 'svom-2017.json');
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, SEED_FILE: seed, PLAYGROUND: 'off', LOG_LEVEL: 'silent' });
    server = await createServer(config, { clock: new FixedClock('2022-12-01T09:00:00Z'), logger: silentLogger });
    ({ url } = await server.listen());
    browser = await launch({ bypassCSP: false });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the year and downloads its Word file through the server, nothing stood in', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    const asked: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/follow-up/')) asked.push(`${new URL(response.url()).pathname} ${response.status()}`);
    });
    try {
      await page.goto(`${url}/tab?view=uppfoljning&year=2017`);
      await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
      await page.locator('[data-testid="follow-up-summary"]').waitFor();
      expect(await page.getByTestId('follow-up-summary').textContent()).toContain('4 av 7 områden saknar ärende 2017');
      expect(await page.locator('[data-meeting-kind="extra"] li').textContent()).toBe('april 2017 · Extra SVOM-möte – Ärende gällande TNE-avtalet');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner som Word' }).click()]);
      expect(download.suggestedFilename()).toBe('uppfoljning-svom-2017.docx');
      const saved = join(dataDir, 'from-server.docx');
      await download.saveAs(saved);
      expect(readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
      // The year came drawn with the page; only the Word file is asked for.
      expect(asked).toEqual(['/api/follow-up/2017.docx 200']);
    } finally {
      await page.close();
    }
  });
});
