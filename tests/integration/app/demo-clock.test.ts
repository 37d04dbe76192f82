/**
 * TODAY=2022-12-01 (the demo clock, local mode): the server, with no clock handed in, serves the
 * list as of that date and tells the tab so, and the notifier it runs works out what is due then.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AppServer } from '../../../app/server';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import type { BalanceListView } from '../../../src/view-model';
import type { NotifyReport } from '../../../bot/notifier';

const SEED = join(__dirname, '..', '..', '..', 'data', 'balanslista-2022.json');
const SECRET = 'demo-clock-secret-0123456789';

describe('the demo clock (TODAY) in the running server', () => {
  let dataDir: string;
  let server: AppServer;
  let url: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'balanslistan-demo-'));
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      SEED_FILE: SEED,
      PLAYGROUND: 'off',
      LOG_LEVEL: 'silent',
      TODAY: '2022-12-01',
      MEETING_WITHIN_DAYS: '90',
      NOTIFY_SECRET: SECRET,
      // Whatever the real hour and weekday: this test is about the date.
      QUIET_HOURS: 'off',
      QUIET_WEEKENDS: 'off',
    });
    server = await createServer(config, { logger: silentLogger });
    ({ url } = await server.listen());
  });

  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the list as of TODAY, says so to the tab, and hands down the meeting horizon', async () => {
    const view = (await (await fetch(`${url}/api/balance-list`)).json()) as BalanceListView;
    expect(view.today).toBe('2022-12-01');
    expect(view.demoDate).toBe('2022-12-01');
    expect(view.meetingWithinDays).toBe(90);
    const homeCare = view.agreements.find((agreement) => agreement.agreement?.validity.text === 't.o.m. 2022-12-31');
    expect(homeCare).toMatchObject({ status: 'expiring', daysLeft: 30 });
  });

  it('runs the notifier as of TODAY', async () => {
    const response = await fetch(`${url}/api/notify`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ dryRun: true }),
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as NotifyReport;
    expect(report.date).toBe('2022-12-01');
    const summaries = report.teams.flatMap((team) => team.events.map((event) => event.summary));
    expect(summaries).toContain(
      'Avtalet löper ut om 30 dagar (2022-12-31): Samverkansavtal mellan Region Jämtland Härjedalen och kommunerna i Jämtlands län gällande…',
    );
  });
});
