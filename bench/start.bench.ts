/**
 * `npm start` as a user runs it, in local mode without the Agents Playground: the time from the
 * command to the first 200 from /healthz, once after removing every build output (a fresh clone)
 * and then twice more with nothing changed (each start rebuilds only what changed). Target: a
 * second start answers within a few seconds. Leaves a complete build behind.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { printTable } from './support/table';

const ROOT = join(__dirname, '..');
const LIMIT_MS = 300_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

/** Runs `npm start`, waits for /healthz, stops it; returns milliseconds and what it built. */
async function timeStart(dataDir: string): Promise<{ ms: number; built: string }> {
  const port = await freePort();
  const started = performance.now();
  // Its own process group, so stopping it also stops the node server npm started.
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PLAYGROUND: 'off', LOG_LEVEL: 'warn' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    for (;;) {
      if (await healthy(`http://127.0.0.1:${port}/healthz`)) break;
      if (exited) throw new Error(`npm start exited before /healthz answered:\n${output}`);
      if (performance.now() - started > LIMIT_MS) throw new Error(`/healthz did not answer within ${LIMIT_MS / 1000} s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const ms = performance.now() - started;
    const built = [...output.matchAll(/^build: (\w+) \((?:not built yet|sources changed)\)/gm)].map((match) => match[1]).join(' + ');
    return { ms, built: built || 'nothing' };
  } finally {
    if (!exited && child.pid !== undefined) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await gone;
    }
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'balanslistan-start-'));
  try {
    for (const output of ['dist', join('tabs', 'web', 'dist')]) rmSync(join(ROOT, output), { recursive: true, force: true });
    const rows: string[][] = [];
    for (const run of ['fresh clone (nothing built)', 'second start', 'third start']) {
      const { ms, built } = await timeStart(dataDir);
      rows.push([run, built, (ms / 1000).toFixed(1)]);
    }
    printTable(['start', 'built', 's to /healthz'], rows);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
