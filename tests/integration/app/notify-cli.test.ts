/**
 * `npm run notify` in local mode on the seed, run in-process (the same code the script runs).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCli } from '../../../app/cli/notify';
import { FileStateStore } from '../../../bot/state';
import { StateStoreTeamRegistry } from '../../../bot/teams';
import { silentLogger } from '../../../src/logger';
import { systemClock } from '../../../src/ports/clock';
import { RecordingMessenger, team } from '../../unit/bot/notifier/helpers';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function cli(argv: string[], extra: { env?: Record<string, string>; messenger?: RecordingMessenger; dataDir?: string } = {}) {
  const dataDir = extra.dataDir ?? (await mkdtemp(join(tmpdir(), 'notify-cli-')));
  if (!extra.dataDir) dirs.push(dataDir);
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    // Weekends and nights must not make the real-run tests depend on when they run.
    env: { DATA_DIR: dataDir, LOG_LEVEL: 'silent', PLAYGROUND: 'off', QUIET_HOURS: 'off', QUIET_WEEKENDS: 'off', ...extra.env },
    messenger: extra.messenger,
  });
  return { code, out, err, dataDir };
}

describe('npm run notify', () => {
  it('--dry-run --date 2022-12-01 prints the cards due then, for a team that has chosen a channel, and records nothing', async () => {
    const { code, out, dataDir } = await cli(['--dry-run', '--date', '2022-12-01']);
    expect(code).toBe(0);
    expect(out).toContain('för 2022-12-01 – förhandsvisning: inget postas och inget sparas');
    expect(out).toContain('För ett team som har valt en kanal (for a team that has chosen a channel)');
    expect(out).toContain('Avtalet löper ut om 30 dagar (2022-12-31): Samverkansavtal mellan Region Jämtland Härjedalen');
    expect(out).toContain('│ Samverkansavtal mellan Region Jämtland Härjedalen och kommunerna i Jämtlands län gällande hemsjukvård och bilagor');
    expect(out).toContain('│ Giltighetstid: t.o.m. 2022-12-31');
    expect(out).toContain('Avtalet gick ut 2022-03-31: Avtal om samverkan vid in- och utskrivning från slutenvård');
    expect(out).toContain('Summa (total): 2 skulle postas (would be posted).');
    expect(out).not.toContain('"type": "AdaptiveCard"');
    const state = await readdir(join(dataDir, 'state')).catch(() => []);
    expect(state).toEqual([]);
  });

  it('--json adds each card as JSON', async () => {
    const { code, out } = await cli(['--dry-run', '--date', '2022-12-01', '--json']);
    expect(code).toBe(0);
    expect(out).toContain('"type": "AdaptiveCard"');
    expect(out).toContain('"version": "1.5"');
  });

  it('--digest previews the weekly digest', async () => {
    const { code, out } = await cli(['--dry-run', '--digest', '--date', '2022-11-28']);
    expect(code).toBe(0);
    expect(out).toContain('Veckoöversikt (weekly digest) för 2022-11-28');
    expect(out).toContain('Vecka 48:');
  });

  it('posts to the installed team once, and says so the second time', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'notify-cli-'));
    dirs.push(dataDir);
    await new StateStoreTeamRegistry(new FileStateStore({ dir: dataDir }, { logger: silentLogger }), systemClock).put(team());
    const messenger = new RecordingMessenger();
    const first = await cli(['--date', '2022-12-01'], { dataDir, messenger });
    expect(first.code).toBe(0);
    expect(first.out).toContain('Team 19:svom-team@thread.tacv2 (kanal "SVOM", svenska/Swedish)');
    expect(first.out).toContain('Summa (total): 2 postat (posted).');
    const second = await cli(['--date', '2022-12-01'], { dataDir, messenger });
    expect(second.out).toContain('Summa (total): 2 redan postat (already posted).');
    expect(messenger.posts).toHaveLength(2);
  });

  it('exits 3 when cards could not be delivered', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'notify-cli-'));
    dirs.push(dataDir);
    await new StateStoreTeamRegistry(new FileStateStore({ dir: dataDir }, { logger: silentLogger }), systemClock).put(team());
    const messenger = new RecordingMessenger();
    messenger.script.push({ ok: false, kind: 'retryable', status: 503, message: 'Service Unavailable' });
    const run = await cli(['--date', '2022-12-01'], { dataDir, messenger });
    expect(run.code).toBe(3);
    expect(run.out).toContain('kunde inte postas nu, försöker igen (not delivered, will retry)');
  });

  it('says when no team has installed the bot, and posts nothing', async () => {
    const { code, out } = await cli(['--date', '2022-12-01'], { messenger: new RecordingMessenger() });
    expect(code).toBe(0);
    expect(out).toContain('Inget postades: boten är inte installerad i något team ännu (nothing was posted: the bot is not installed in any team yet)');
    expect(out).not.toContain('nothing due');
  });

  describe("quiet time with --date is judged at that day's first scheduled run, whatever the time now", () => {
    const quietOn = { QUIET_HOURS: '18:00-07:00', QUIET_WEEKENDS: 'on' };
    const installed = async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'notify-cli-'));
      dirs.push(dataDir);
      await new StateStoreTeamRegistry(new FileStateStore({ dir: dataDir }, { logger: silentLogger }), systemClock).put(team());
      return dataDir;
    };

    it('a Saturday posts nothing and says it is the weekend, and how to post anyway', async () => {
      const messenger = new RecordingMessenger();
      const { code, out } = await cli(['--date', '2022-12-03'], { dataDir: await installed(), messenger, env: quietOn });
      expect(code).toBe(0);
      expect(out).toContain('Tyst tid och helg bedöms för 2022-12-03 kl. 08:00, schemats första körning den dagen (NOTIFY_SCHEDULE="0 8-16 * * *")');
      expect(out).toContain('Inget postades: helg, nästa körning på en vardag postar');
      expect(out).toContain('QUIET_WEEKENDS=off');
      expect(messenger.posts).toHaveLength(0);
    });

    it('a weekday is judged at 08:00 and posts, whatever the time it is typed', async () => {
      const messenger = new RecordingMessenger();
      const { code, out } = await cli(['--date', '2022-12-01'], { dataDir: await installed(), messenger, env: quietOn });
      expect(code).toBe(0);
      expect(out).toContain('bedöms för 2022-12-01 kl. 08:00');
      expect(out).toContain('Summa (total): 2 postat (posted).');
      expect(messenger.posts).toHaveLength(2);
    });

    it('a dry run for a Saturday says a real run would wait for the weekday', async () => {
      const { out } = await cli(['--dry-run', '--date', '2022-12-03'], { env: quietOn });
      expect(out).toContain('En riktig körning då skulle vänta (a real run then would wait): helg');
      expect(out).toContain('Summa (total): 2 skulle postas (would be posted).');
    });

    it('a schedule that does not run that day says so', async () => {
      const { out } = await cli(['--dry-run', '--date', '2022-12-03'], { env: { ...quietOn, NOTIFY_SCHEDULE: '0 9 * * 1-5' } });
      expect(out).toContain('Schemat kör inte 2022-12-03');
      expect(out).toContain('helg');
    });
  });

  it('says when nothing is due on the date', async () => {
    const { code, out } = await cli(['--dry-run', '--date', '2030-01-07']);
    expect(code).toBe(0);
    expect(out).toContain(
      'Inget skulle postas: inget möte eller avtal är aktuellt för påminnelse 2030-01-07 (nothing would be posted: nothing is due on 2030-01-07)',
    );
  });

  it('says when no team has chosen a channel', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'notify-cli-'));
    dirs.push(dataDir);
    await new StateStoreTeamRegistry(new FileStateStore({ dir: dataDir }, { logger: silentLogger }), systemClock).put(
      team({ channelId: null, channelName: null }),
    );
    const { out } = await cli(['--date', '2022-12-01'], { dataDir, messenger: new RecordingMessenger() });
    expect(out).toContain('Inget postades: inget team har valt en kanal för påminnelserna');
  });

  it.each([
    [{ PORT: '4011' }, '[Öppna i balanslistan → http://127.0.0.1:4011/]'],
    [{ PUBLIC_URL: 'https://svom.example.org' }, '[Öppna i balanslistan → https://svom.example.org/]'],
  ])('links the cards where the server with %j serves the tab', async (env, link) => {
    const { out } = await cli(['--dry-run', '--date', '2022-12-01'], { env });
    expect(out).toContain(link);
  });

  it('runs as of TODAY (the demo clock) when no --date is given, and says so', async () => {
    const { code, out } = await cli(['--dry-run'], { env: { TODAY: '2022-12-01' } });
    expect(code).toBe(0);
    expect(out).toContain('för 2022-12-01 – förhandsvisning');
    expect(out).toContain('Demoklocka: TODAY=2022-12-01');
    expect(out).toContain('Tyst tid och helg bedöms nu, 2022-12-01 kl.');
    expect(out).toContain('Avtalet löper ut om 30 dagar (2022-12-31)');
  });

  it.each([
    [['--dryrun'], /Felaktiga argument \(bad arguments\): Unknown option '--dryrun'/],
    [['--date', '2022-02-30'], /--date ska vara ett datum som 2022-12-01, inte "2022-02-30"/],
    [['--date'], /--date/],
    [['today'], /Okänt argument \(unknown argument\): today/],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const { code, err, out } = await cli(argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toContain('Användning (usage): npm run notify');
    expect(out).toBe('');
  });

  it('exits 2 naming the setting when the configuration is wrong', async () => {
    const { code, err } = await cli(['--dry-run'], { env: { REMINDER_EXPIRY_DAYS: 'soon' } });
    expect(code).toBe(2);
    expect(err).toMatch(/Konfigurationen är felaktig \(configuration error\):\n {2}- REMINDER_EXPIRY_DAYS must be a comma-separated list/);
  });

  it('--help prints the usage and exits 0', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('--dry-run');
  });

  it('runs as the npm script, with the exit code of the command', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '../../../app/cli/notify.ts'), '--date', 'igår'], {
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--date ska vara ett datum');
  });
});
