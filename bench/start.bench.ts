/**
 * `npm start` as a user runs it, in local mode without the Agents Playground: the time from the
 * command to the first 200 from /healthz, once after removing every build output (a fresh clone)
 * and then twice more with nothing changed (each start rebuilds only what changed). Target: a
 * second start answers within a few seconds. Leaves a complete build behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startUntilHealthy } from './support/start-server';
import { printTable } from './support/table';

const ROOT = join(__dirname, '..');
const LIMIT_MS = 300_000;

/** Runs `npm start`, waits for /healthz, stops it; returns milliseconds and what it built. */
async function timeStart(dataDir: string): Promise<{ ms: number; built: string }> {
  const result = await startUntilHealthy({
    command: 'npm',
    args: ['start', '--silent'],
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PLAYGROUND: 'off', LOG_LEVEL: 'warn' },
    limitMs: LIMIT_MS,
    // Its own process group, so stopping it also stops the node server npm started.
    processGroup: true,
  });
  if (!result.healthy && result.reason === 'exited') throw new Error(`npm start exited before /healthz answered:\n${result.output}`);
  if (!result.healthy) throw new Error(`/healthz did not answer within ${LIMIT_MS / 1000} s:\n${result.output}`);
  const built = [...result.output.matchAll(/^build: (\w+) \((?:not built yet|sources changed)\)/gm)].map((match) => match[1]).join(' + ');
  return { ms: result.ms, built: built || 'nothing' };
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
