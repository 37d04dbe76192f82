/**
 * The hand-made 2024 year (tests/fixtures/forum-year) in headless Chromium against the real server
 * in local mode, with the script off and on. Without the script every one of the five views is
 * drawn by the server and reads the year's ärenden where the view shows them; Uppföljning takes
 * its year from the address, changes year by sending its form and offers the Word file as a link.
 * With the script the app takes over the server's Uppföljning without asking for it again. Both
 * show the section titles as written, the missing meeting by name, the meetings in the order they
 * were held and as many problems in Datakvalitet as the summary counts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { FixedClock } from '../../src/ports/clock';
import { createServer, type AppServer } from '../../app/server';
import {
  ERRAND_WITHOUT_YEAR,
  ERRANDS_OF_THE_YEAR,
  HAND_MADE_YEAR,
  HAND_MADE_YEAR_FILE,
  PERIOD_ADDED,
  PROBLEMS,
  RENAMED_SECTION,
  UNKNOWN_MEETING,
} from '../fixtures/forum-year/hand-made-year';
import { describeWithBrowser, launch, type Browser } from './support/browser';
import { ensureWebBuilt, ROOT } from './support/web-build';

jest.setTimeout(90_000);

const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');

/** The keys of the ärenden drawn in the view (each once, though Avtal draws a table and cards). */
const errandKeys = async (page: Page): Promise<string[]> =>
  [...new Set(await page.locator('main [data-errand-key]').evaluateAll((items) => items.map((item) => item.getAttribute('data-errand-key') ?? '')))].sort();

/** Checks the Uppföljning of the hand-made year, however it was drawn. */
async function expectTheYear(page: Page): Promise<void> {
  expect(await page.getByRole('heading', { level: 3, name: `Uppföljning ${HAND_MADE_YEAR}` }).count()).toBe(1);
  expect(await errandKeys(page)).toEqual(ERRANDS_OF_THE_YEAR);
  expect(await page.locator('.fu-section-heading').allTextContents()).toEqual([
    RENAMED_SECTION.title,
    PERIOD_ADDED,
    'Digital samverkan 2024',
    'Överenskommelser och avtal',
    'Punkter utan känt avsnitt',
  ]);
  expect(await page.locator(`[data-errand-key="2024-4"] .errand-context`).textContent()).toBe(`Mötet ”${UNKNOWN_MEETING.named}” finns inte i möteslistan`);
  expect(await page.locator('main').textContent()).not.toContain('anges inte');
  // The local store adds its example meetings ("Exempel: …") to any seed; they are left out here.
  const ordinary = await page
    .locator('[data-meeting-kind="ordinary"] li')
    .evaluateAll((items) => items.filter((item) => !item.textContent?.includes('Exempel:')).map((item) => item.querySelector('.fu-date')?.textContent));
  expect(ordinary).toEqual(['2024-03-14', 'maj 2024', '2024-06-12', '2024-10-10', '2024 (datum okänt)']);
  expect(await page.getByTestId('follow-up-summary').textContent()).toContain(`${PROBLEMS.length} problem i listorna påverkar uppföljningen`);
  // Hostile titles are text.
  expect(await page.locator('main img, main script').count()).toBe(0);
}

describeWithBrowser('the hand-made year in Chromium (local mode)', () => {
  let dataDir: string;
  let server: AppServer;
  let url: string;

  beforeAll(async () => {
    await ensureWebBuilt();
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'balanslistan-e2e-hand-made-'));
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, SEED_FILE: HAND_MADE_YEAR_FILE, PLAYGROUND: 'off', LOG_LEVEL: 'silent' });
    server = await createServer(config, { clock: new FixedClock('2024-05-02T08:00:00Z'), logger: silentLogger });
    ({ url } = await server.listen());
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  describe('without the script', () => {
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      browser = await launch({ javaScriptEnabled: false });
      page = await browser.context.newPage();
      page.setDefaultTimeout(10_000);
    });
    afterAll(async () => {
      await browser?.close();
    });

    /** The ärenden each view shows: histories, agendas of dated meetings, the year, broken references. */
    const shown: Array<[string, string, string[]]> = [
      // Every ärende that names an entry that exists, in the entry's history (the one without a year
      // too); agreements are listed under Avtal.
      ['balanslista', 'Balanslista', ['2024-1', '2024-3', '2024-4', '2024-6', '2024-7', '2024-8', '2024-9']],
      // The agreement's history.
      ['avtal', 'Avtal', ['2024-2']],
      // The agendas of the meetings with a date (those known only by month or year are not listed under Möten).
      ['moten', 'Möten', ['2024-1', '2024-3', '2024-5', '2024-6']],
      ['uppfoljning', 'Uppföljning', ERRANDS_OF_THE_YEAR],
    ];

    it.each(shown)('draws %s on the server with the year’s ärenden', async (view, heading, keys) => {
      await page.goto(`${url}/tab?view=${view}&year=${HAND_MADE_YEAR}`);
      expect(await page.locator('main h2').first().textContent()).toBe(heading);
      expect(await page.locator('main').textContent()).not.toContain('Hämtar');
      expect(await errandKeys(page)).toEqual(keys);
      // The plain links stand in for the Fluent UI tabs, all six of them.
      expect(await page.locator('.noscript-view').allTextContents()).toEqual(['Balanslista', 'Avtal', 'Möten', 'Uppdrag', 'Uppföljning', 'Datakvalitet']);
      expect(await page.evaluate('window.__xss ?? null')).toBeNull();
    });

    it('draws Datakvalitet with every problem the year counts and the ärenden to fix', async () => {
      await page.goto(`${url}/tab?view=datakvalitet`);
      const rows = page.locator('main [data-problem]');
      expect(await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-problem')))).toEqual(PROBLEMS.map((problem) => problem.code));
      for (const problem of PROBLEMS) expect(await rows.filter({ hasText: problem.title }).count()).toBe(1);
      expect(await page.locator('main').textContent()).toContain(ERRAND_WITHOUT_YEAR);
    });

    it('draws Uppföljning for the year in the address, changes year with its form and links the Word file', async () => {
      await page.goto(`${url}/tab?view=uppfoljning&year=${HAND_MADE_YEAR}`);
      await expectTheYear(page);
      await page.screenshot({ path: join(SHOTS, 'uppfoljning-utan-skript.png'), fullPage: true });

      const link = page.getByRole('link', { name: 'Ladda ner som Word' });
      expect(await link.getAttribute('href')).toBe(`/api/follow-up/${HAND_MADE_YEAR}.docx`);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe(`uppfoljning-svom-${HAND_MADE_YEAR}.docx`);
      const saved = join(dataDir, 'utan-skript.docx');
      await download.saveAs(saved);
      expect(readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');

      // 2025 is offered for the local store's example meetings; none of the hand-made ärenden is of it.
      await page.getByLabel('År', { exact: true }).selectOption('2025');
      await page.getByRole('button', { name: 'Visa', exact: true }).click();
      await page.waitForURL(/year=2025/);
      expect(new URL(page.url()).searchParams.get('view')).toBe('uppfoljning');
      expect(await page.getByRole('heading', { level: 3, name: 'Uppföljning 2025' }).count()).toBe(1);
      expect(await page.getByText('Inga ärenden är registrerade för 2025.').count()).toBe(1);
    });

    it('draws the current year when the address names none', async () => {
      await page.goto(`${url}/tab?view=uppfoljning`);
      expect(await page.getByRole('heading', { level: 3, name: `Uppföljning ${HAND_MADE_YEAR}` }).count()).toBe(1);
    });
  });

  describe('with the script', () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await launch({ bypassCSP: false });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('takes over the server’s Uppföljning without asking for the year again, and asks when the year changes', async () => {
      const page = await browser.context.newPage();
      page.setDefaultTimeout(10_000);
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      const asked: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/follow-up/')) asked.push(new URL(request.url()).pathname);
      });
      // The scripts wait until the server's page is marked, so hydration can be seen to keep it.
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/assets\/.*\.js$/, async (route) => {
        await gate;
        await route.continue();
      });
      try {
        await page.goto(`${url}/tab?view=uppfoljning&year=${HAND_MADE_YEAR}`, { waitUntil: 'commit' });
        await page.getByTestId('follow-up-summary').waitFor();
        await page.evaluate(`document.querySelectorAll('main *').forEach((el) => { el.__fromServer = true; })`);
        release();
        await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
        // The change stream stays open, so the network is never idle: wait until the app listens on it.
        await page.locator('[data-testid="refreshed"][data-live="true"]').waitFor();
        await expectTheYear(page);
        // React took the server's elements over instead of drawing them again, without a mismatch.
        expect(
          await page.evaluate(
            `[...document.querySelectorAll('main *')].filter((el) => !el.__fromServer && !el.closest('[data-tabster-dummy]')).map((el) => el.outerHTML.slice(0, 80))`,
          ),
        ).toEqual([]);
        expect(await page.evaluate('document.documentElement.dataset.hydration ?? null')).toBeNull();
        expect(asked).toEqual([]);
        // The link is for a page without script; the app's button fetches the file with the sign-in.
        expect(await page.getByRole('link', { name: 'Ladda ner som Word' }).count()).toBe(0);
        expect(await page.getByRole('button', { name: 'Ladda ner som Word' }).isVisible()).toBe(true);

        await page.getByRole('tab', { name: /Datakvalitet/ }).click();
        await page.locator('main [data-problem]').first().waitFor();
        expect(await page.locator('main [data-problem]').count()).toBe(PROBLEMS.length);
        await page.getByRole('tab', { name: 'Uppföljning' }).click();
        await page.getByLabel('År', { exact: true }).selectOption('2025');
        await page.getByRole('heading', { level: 3, name: 'Uppföljning 2025' }).waitFor();
        expect(asked).toEqual(['/api/follow-up/2025']);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
});
