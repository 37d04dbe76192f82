/**
 * The tab's first load in headless Chromium against the real server in local mode, for the seed
 * list and a 1,000-entry list: requests and bytes (gzip, as transferred) first, then the time
 * from navigation to the balance list being visible, compared in the same run with a static HTML
 * page showing the same rows (the ratio is the figure), and the time until React has taken the
 * server-made first view over. Targets: ratio ≤ 2, JS ≤ 250 KB gzip.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/logger';
import { createServer } from '../app/server';
import type { BalanceListView } from '../src/view-model';
import { CHROMIUM } from '../tests/e2e/support/browser';
import { ensureWebBuilt, ROOT } from '../tests/e2e/support/web-build';
import { serveStatic, staticPage } from './support/static-page';

const RUNS = 7;
const SEED = join(ROOT, 'data', 'balanslista-2022.json');

interface SeedItem {
  id: string;
  fields: Record<string, unknown>;
}

/** The seed's sections and kinds, repeated with numbered titles up to `count` entries. */
function largeSeed(count: number): string {
  const seed = JSON.parse(readFileSync(SEED, 'utf8')) as { balance: SeedItem[]; meetings: SeedItem[] };
  const statuses = ['Pågår', 'Ej påbörjad', 'Bevakas', 'Vilande', 'Klar'];
  const groups = ['Fredagsgruppen', 'L-IFO', 'SamReKo', 'HSI'];
  const balance: SeedItem[] = [];
  const areas = 40;
  for (let area = 0; area < areas; area += 1) {
    balance.push({
      id: String(balance.length + 1),
      fields: { Title: `Område ${area + 1}`, EntryKey: `omr-${area}`, Section: 'Flera områden', EntryKind: 'Rubrik', SortOrder: area },
    });
  }
  for (let index = 0; balance.length < count; index += 1) {
    balance.push({
      id: String(balance.length + 1),
      fields: {
        Title: `Punkt ${index + 1}: samverkan kring ${['hemsjukvård', 'psykisk hälsa', 'välfärdsteknik', 'kompetensförsörjning'][index % 4]}`,
        EntryKey: `punkt-${index}`,
        Section: 'Flera områden',
        EntryKind: 'Punkt',
        ParentKey: `omr-${index % areas}`,
        SortOrder: index,
        EntryStatus: statuses[index % statuses.length],
        PreparingGroups: [groups[index % groups.length]],
        Notes: index % 3 === 0 ? 'Följs upp under året; se protokoll.' : '',
      },
    });
  }
  return JSON.stringify({ balance, meetings: seed.meetings });
}

interface Load {
  ms: number;
  /** Until React had taken the page over (the app only; 0 for the static page). */
  readyMs: number;
  requests: number;
  bytes: Record<'script' | 'stylesheet' | 'document' | 'fetch' | 'other', number>;
}

/** One cold load in a fresh browser context: navigation until `selector` is visible. */
async function load(browser: Browser, url: string, selector: string, ready = false): Promise<Load> {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const responses: Array<Promise<{ type: string; size: number }>> = [];
  page.on('requestfinished', (request) => {
    // The page preloads the API call, so it is counted by its address, not its resource type.
    const type = request.url().includes('/api/') ? 'fetch' : request.resourceType();
    responses.push(request.sizes().then((sizes) => ({ type, size: sizes.responseBodySize + sizes.responseHeadersSize })));
  });
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(selector).last().waitFor({ state: 'visible' });
  const ms = performance.now() - started;
  let readyMs = 0;
  if (ready) {
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    readyMs = performance.now() - started;
  }
  await page.waitForLoadState('networkidle');
  const bytes: Load['bytes'] = { script: 0, stylesheet: 0, document: 0, fetch: 0, other: 0 };
  for (const { type, size } of await Promise.all(responses)) {
    const key = (['script', 'stylesheet', 'document', 'fetch'].includes(type) ? type : 'other') as keyof Load['bytes'];
    bytes[key] += size;
  }
  await context.close();
  return { ms, readyMs, requests: responses.length, bytes };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

async function measure(browser: Browser, name: string, seedFile: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'balanslistan-tab-bench-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, SEED_FILE: seedFile, PLAYGROUND: 'off', LOG_LEVEL: 'silent' });
  const server = await createServer(config, { logger: silentLogger });
  const { url } = await server.listen();
  const view = (await (await fetch(`${url}/api/balance-list`)).json()) as BalanceListView;
  const staticSite = await serveStatic(staticPage(view));
  try {
    // One warm-up of each, then alternate so both see the same machine load.
    await load(browser, `${url}/tab`, '[data-entry-key], [data-group-key]');
    await load(browser, staticSite.url, '[data-row]');
    const app: Load[] = [];
    const plain: Load[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      app.push(await load(browser, `${url}/tab`, '[data-entry-key], [data-group-key]', true));
      plain.push(await load(browser, staticSite.url, '[data-row]'));
    }
    const first = app[0] as Load;
    const etag = (await fetch(`${url}/api/balance-list`)).headers.get('etag') ?? '';
    const poll = await fetch(`${url}/api/balance-list`, { headers: { 'If-None-Match': etag } });
    const pollBytes = Number(poll.headers.get('content-length') ?? 0);
    return {
      name,
      entries: view.entries.length + view.agreements.length,
      requests: first.requests,
      js: first.bytes.script,
      css: first.bytes.stylesheet,
      html: first.bytes.document,
      api: first.bytes.fetch,
      pollStatus: poll.status,
      pollBytes,
      appMs: median(app.map((item) => item.ms)),
      readyMs: median(app.map((item) => item.readyMs)),
      staticMs: median(plain.map((item) => item.ms)),
    };
  } finally {
    await staticSite.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  await ensureWebBuilt();
  const largeDir = mkdtempSync(join(tmpdir(), 'balanslistan-tab-seed-'));
  const largeFile = join(largeDir, 'large.json');
  writeFileSync(largeFile, largeSeed(1000));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const rows = [await measure(browser, 'seed 2022', SEED), await measure(browser, '1,000 entries', largeFile)];
    console.log('Tab first load, headless Chromium, local mode (cold cache each run; median of 7)');
    console.table(
      rows.map((row) => ({
        list: row.name,
        entries: row.entries,
        requests: row.requests,
        'JS KB (gzip)': kb(row.js),
        'CSS KB (gzip)': kb(row.css),
        'HTML KB': kb(row.html),
        'API KB (gzip)': kb(row.api),
        'poll unchanged': `${row.pollStatus}, ${row.pollBytes} B body`,
        'app ms': Math.round(row.appMs),
        'static ms': Math.round(row.staticMs),
        'React ready ms': Math.round(row.readyMs),
        ratio: (row.appMs / row.staticMs).toFixed(2),
      })),
    );
    const worst = Math.max(...rows.map((row) => row.appMs / row.staticMs));
    const js = Math.max(...rows.map((row) => row.js));
    console.log(`targets: ratio ≤ 2 (worst ${worst.toFixed(2)}), JS ≤ 250 KB gzip (${kb(js)} KB)`);
  } finally {
    await browser.close();
    rmSync(largeDir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
