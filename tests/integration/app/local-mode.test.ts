/**
 * The server end to end in local mode: the embedded store seeded from data/, the balance-list
 * API with ETags, and an edit to the store file picked up without a restart.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import { createServer, type AppServer } from '../../../app/server';
import type { BalanceListView } from '../../../src/view-model';

const SEED = join(__dirname, '..', '..', '..', 'data', 'balanslista-2022.json');

describe('server in local mode', () => {
  let dataDir: string;
  let server: AppServer;
  let url: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'balanslistan-server-'));
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, SEED_FILE: SEED, PLAYGROUND: 'off', LOG_LEVEL: 'silent' });
    server = await createServer(config, { clock: new FixedClock('2022-12-01T09:00:00Z'), logger: silentLogger });
    ({ url } = await server.listen());
  });

  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens on loopback only', () => {
    expect(new URL(url).hostname).toBe('127.0.0.1');
  });

  it('reports health', async () => {
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', source: 'local' });
  });

  it('serves the whole 2022 balance list with derived agreement status', async () => {
    const response = await fetch(`${url}/api/balance-list`);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    const view = (await response.json()) as BalanceListView;
    const seed = JSON.parse(readFileSync(SEED, 'utf8')) as { balance: unknown[]; meetings: unknown[] };
    expect(view.source).toBe('local');
    expect(view.today).toBe('2022-12-01');
    expect(view.stale).toBe(false);
    expect(view.entries.length + view.agreements.length).toBe(seed.balance.length);
    expect(view.agreements).toHaveLength(5);
    const byTitle = Object.fromEntries(view.agreements.map((agreement) => [agreement.title, agreement]));
    const homeCare = view.agreements.find((agreement) => agreement.agreement?.validity.text === 't.o.m. 2022-12-31');
    expect(homeCare).toMatchObject({ status: 'expiring', daysLeft: 30 });
    const discharge = view.agreements.find((agreement) => agreement.agreement?.validity.text === 't.o.m. 2022-03-31');
    expect(discharge).toMatchObject({ status: 'expired' });
    const dental = Object.values(byTitle).find((agreement) => agreement.agreement?.validity.text === '');
    expect(dental).toMatchObject({ status: 'unknown', daysLeft: null });
    expect(view.meetings.some((meeting) => meeting.date === '2022-02-26')).toBe(true);
    const dates = view.meetings.map((meeting) => meeting.date);
    expect([...dates].sort()).toEqual(dates);
    for (const entry of [...view.entries, ...view.agreements]) expect(entry.editUrl).not.toBe('');
  });

  it('answers 304 to an unchanged list', async () => {
    const first = await fetch(`${url}/api/balance-list`);
    const etag = first.headers.get('etag') ?? '';
    const second = await fetch(`${url}/api/balance-list`, { headers: { 'If-None-Match': etag } });
    expect(second.status).toBe(304);
  });

  it('shows an edit of the store file without a restart', async () => {
    const before = await fetch(`${url}/api/balance-list`);
    const etag = before.headers.get('etag') ?? '';
    const file = join(dataDir, 'lists.json');
    const store = JSON.parse(readFileSync(file, 'utf8')) as { balance: Array<{ fields: Record<string, unknown> }> };
    const first = store.balance[0];
    if (!first) throw new Error('empty store');
    first.fields.Title = 'Ändrad rubrik <script>alert(1)</script>';
    writeFileSync(file, JSON.stringify(store, null, 2));
    await server.snapshots.refresh();
    const after = await fetch(`${url}/api/balance-list`, { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    const view = (await after.json()) as BalanceListView;
    const titles = [...view.entries, ...view.agreements].map((entry) => entry.title);
    expect(titles).toContain('Ändrad rubrik <script>alert(1)</script>');
  });
});
