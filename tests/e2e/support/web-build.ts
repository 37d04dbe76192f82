/**
 * Builds the tab's web app (tabs/web/dist) and its server renderer (tabs/web/dist-ssr) when
 * either is missing or older than its sources, so browser tests and benchmarks run against the
 * current code. A lock file keeps two test files from building at once.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
const WEB = join(ROOT, 'tabs', 'web');
const DIST_INDEX = join(WEB, 'dist', 'index.html');
const DIST_SSR = join(WEB, 'dist-ssr', 'render-page.cjs');
const LOCK = join(WEB, '.build.lock');

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

function stale(): boolean {
  if (!existsSync(DIST_INDEX) || !existsSync(DIST_SSR)) return true;
  const sources = ['src', 'index.html', 'auth-end.html', 'vite.config.mts', 'vite.server.config.mts'].map((name) => newest(join(WEB, name)));
  return Math.max(...sources) > Math.min(statSync(DIST_INDEX).mtimeMs, statSync(DIST_SSR).mtimeMs);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function ensureWebBuilt(): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (!stale()) return;
    let lock: number;
    try {
      lock = openSync(LOCK, 'wx');
    } catch {
      // Someone else is building; a lock older than two minutes is left over from a crash.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 120_000) rmSync(LOCK, { force: true });
      await sleep(200);
      continue;
    }
    try {
      if (!stale()) return;
      for (const config of ['vite.config.mts', 'vite.server.config.mts']) {
        const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(WEB, config)], {
          cwd: ROOT,
          encoding: 'utf8',
          // jest sets NODE_ENV=test, which would make vite bundle React's development build; the
          // tests and benchmarks must see what `npm start` serves.
          env: { ...process.env, NODE_ENV: 'production' },
        });
        if (result.status !== 0) throw new Error(`vite build (${config}) failed:\n${result.stdout}\n${result.stderr}`);
      }
      return;
    } finally {
      closeSync(lock);
      rmSync(LOCK, { force: true });
    }
  }
  throw new Error('Timed out waiting for another build of the web app');
}
