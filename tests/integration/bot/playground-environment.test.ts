/**
 * The Agents Playground runs as a child process: it gets the few variables a Node process needs
 * and its own settings, never this process's environment (which may hold the bot's password, a
 * storage connection string or a managed identity's header). Read from the running child's
 * /proc/<pid>/environ, so the test sees what the process really got.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlayground, type PlaygroundHandle } from '../../../bot/playground';
import { PLAYGROUND_INHERITED_VARIABLES, loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { freePort } from '../../fakes/free-port';

jest.setTimeout(60_000);

/** The environment a running process was started with, by name. */
function environmentOf(pid: number): Map<string, string> {
  // Fails, never skips: like CI and the App Service plan, the test needs Linux's /proc.
  if (process.platform !== 'linux') throw new Error(`reading a child's environment needs /proc (Linux); this is ${process.platform}`);
  const entries = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
  return new Map(entries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
}

describe('the Agents Playground child process', () => {
  let dir: string;
  let playground: PlaygroundHandle | null = null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'playground-env-'));
  });
  afterEach(async () => {
    await playground?.stop();
    playground = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('gets only the variables it needs and its own settings, none of the secrets around it', async () => {
    const secrets = {
      AZURE_STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=svom;AccountKey=c2VjcmV0LXN0b3JhZ2Uta2V5',
      IDENTITY_HEADER: 'secret-identity-header',
      SOME_OTHER_SECRET: 'secret-of-another-tool',
    };
    const config = loadConfig({
      PATH: process.env.PATH,
      HOME: dir,
      LANG: 'sv_SE.UTF-8',
      ...secrets,
      PORT: String(await freePort()),
      DATA_DIR: join(dir, 'data'),
      PLAYGROUND: 'on',
      PLAYGROUND_PORT: String(await freePort()),
      LOG_LEVEL: 'silent',
    });
    // The same secrets in this process's own environment, where a careless spawn would pick them up.
    Object.assign(process.env, secrets);
    try {
      playground = await startPlayground({ config, logger: silentLogger });
    } finally {
      for (const name of Object.keys(secrets)) delete process.env[name];
    }

    const seen = environmentOf(playground.pid);
    const allowed = new Set<string>([...PLAYGROUND_INHERITED_VARIABLES, 'TEAMSAPPTESTER_BROWSER', 'M365_AGENTS_PLAYGROUND_CONFIG_PATH', 'TEAMSAPPTESTER_PORT']);
    expect([...seen.keys()].filter((name) => !allowed.has(name))).toEqual([]);
    for (const [name, value] of Object.entries(secrets)) {
      expect(seen.has(name)).toBe(false);
      expect([...seen.values()].some((seenValue) => seenValue.includes(value))).toBe(false);
    }
    expect(Object.fromEntries(seen)).toMatchObject({
      PATH: process.env.PATH,
      HOME: dir,
      LANG: 'sv_SE.UTF-8',
      TEAMSAPPTESTER_BROWSER: 'none',
      TEAMSAPPTESTER_PORT: String(config.playground.port),
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: join(dir, 'data', 'playground', '.m365agentsplayground.yml'),
    });
  });
});
