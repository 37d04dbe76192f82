/**
 * Local mode's stand-in for Teams: the Microsoft 365 Agents Playground
 * (`@microsoft/m365agentsplayground`, a dev dependency), started as a child process pointed at
 * this bot's `/api/messages`, with telemetry off, no browser opened, and a config that defines the
 * forum's team with an "SVOM" channel. In the playground a person adds the bot to the team, picks
 * the channel on the welcome card and sees the reminders arrive, with no tenant at all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config, PlaygroundOptions } from '../../src/config';
import type { Logger } from '../../src/logger';
import { LOOPBACK_ONLY_NODE_ARGS } from './loopback-only';

export interface PlaygroundHandle {
  /** Where a person opens the playground. */
  url: string;
  /** The playground's process id. */
  pid: number;
  stop(): Promise<void>;
}

/** Ids the playground config uses; the team id is also its General channel's id, as in Teams. */
const PLAYGROUND_TEAM = {
  id: '19:svom-team-general@thread.tacv2',
  name: 'SVOM',
  aadGroupId: '5f3c1a7e-2d4b-4c8e-9a61-0b7d2e4f8a10',
  channel: { id: '19:svom-channel@thread.tacv2', name: 'SVOM' },
};

function user(index: number, givenName: string, surname: string) {
  const login = `${givenName}.${surname}`.toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o');
  return {
    id: `29:svom-user-${index}`,
    name: `${givenName} ${surname}`,
    userPrincipleName: `${login}@svom.example`,
    aadObjectId: `00000000-0000-4000-8000-00000000000${index}`,
    givenName,
    surname,
    email: `${login}@svom.example`,
  };
}

/**
 * The playground's config file (schema 0.1.1: one team with one channel besides General,
 * exactly five other users). JSON is valid YAML, so it is written as JSON.
 */
function playgroundConfig(): Record<string, unknown> {
  return {
    version: '0.1.1',
    tenantId: '00000000-0000-4000-8000-0000000005f0',
    bot: { id: '00000000-0000-4000-8000-0000000000b0', name: 'Balanslistan' },
    currentUser: user(0, 'Sekreterare', 'SVOM'),
    users: [user(1, 'Anna', 'Andersson'), user(2, 'Bengt', 'Berg'), user(3, 'Cecilia', 'Ek'), user(4, 'David', 'Lund'), user(5, 'Eva', 'Ström')],
    personalChat: { id: 'personal-chat-svom' },
    groupChat: { id: 'group-chat-svom', name: 'SVOM beredning' },
    team: { id: PLAYGROUND_TEAM.id, name: PLAYGROUND_TEAM.name, aadGroupId: PLAYGROUND_TEAM.aadGroupId, channels: [PLAYGROUND_TEAM.channel] },
  };
}

/**
 * The playground's whole environment: the few variables a Node process needs
 * (`config.playground.inherited`) and its own settings. Never this process's environment, which
 * may hold the bot's password, a storage connection string or a managed identity's endpoint.
 */
function playgroundEnvironment(options: PlaygroundOptions, configFile: string): Record<string, string> {
  return {
    ...options.inherited,
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
    TEAMSAPPTESTER_PORT: String(options.port),
  };
}

function cliPath(): string {
  // Resolved from the package itself, so it works from src (tsx) and from dist alike.
  return path.join(path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
}

/** Starts the playground and resolves once it listens (or rejects with why it could not). */
export async function startPlayground(deps: { config: Config; logger: Logger; timeoutMs?: number }): Promise<PlaygroundHandle> {
  const { config } = deps;
  const log = deps.logger.child({ module: 'playground' });
  if (config.port === 0) throw new Error('the bot listens on a random port (PORT=0), so the playground cannot be pointed at it');
  const cli = cliPath();
  const dir = path.resolve(config.dataDir, 'playground');
  await mkdir(dir, { recursive: true });
  const configFile = path.join(dir, '.m365agentsplayground.yml');
  await writeFile(configFile, `${JSON.stringify(playgroundConfig(), null, 2)}\n`, 'utf8');
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const endpoint = `http://${host}:${config.port}/api/messages`;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...LOOPBACK_ONLY_NODE_ARGS,
      cli,
      'start',
      '--app-endpoint',
      endpoint,
      '--channel-id',
      'msteams',
      '--port',
      String(config.playground.port),
      '--disable-telemetry',
    ],
    {
      cwd: dir,
      env: playgroundEnvironment(config.playground, configFile),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );

  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no answer within ${deps.timeoutMs ?? 30_000} ms (output: ${output.slice(-300) || 'none'})`));
    }, deps.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      // The playground falls back to a random port when the asked one is taken, and says which.
      const match = /Listening on (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with code ${code} (output: ${output.slice(-300) || 'none'})`));
    });
  });
  child.removeAllListeners('exit');
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.stdout?.resume();
  child.stderr?.resume();
  const url = `http://127.0.0.1:${port}`;
  log.info({ url, endpoint }, `Agents Playground: open ${url} – add the bot to the team "SVOM", then choose the channel on the welcome card`);
  child.once('exit', (code) => log.warn({ code }, 'the Agents Playground stopped'));
  // A child process outlives a parent that exits without stopping it; take it down with us.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);

  return {
    url,
    pid: child.pid as number,
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 3000).unref();
      }),
  };
}
