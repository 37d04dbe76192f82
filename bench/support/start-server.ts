/**
 * Starts the server as a child process on a free port and waits for its first 200 from /healthz,
 * then stops it: what the start and artifact benchmarks both measure.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { freePort } from '../../tests/fakes/free-port';

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

export interface StartOptions {
  command: string;
  args: string[];
  cwd: string;
  /** The child's environment; PORT (a free one) and HOST (127.0.0.1) are set on top of it. */
  env: NodeJS.ProcessEnv;
  /** How long to wait for /healthz before giving up. */
  limitMs: number;
  /** Run in its own process group and stop the whole group (for `npm start`, whose node server is a grandchild). */
  processGroup?: boolean;
}

/**
 * What came of one start: the milliseconds from spawn to the first 200, or why there was none;
 * `output` is the child's stdout and stderr so far.
 */
export type StartResult = { healthy: true; ms: number; output: string } | { healthy: false; reason: 'exited' | 'timeout'; output: string };

/** Starts `command`, polls /healthz until 200, the child exits, or `limitMs` passes, and stops the child. */
export async function startUntilHealthy(options: StartOptions): Promise<StartResult> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    detached: options.processGroup ?? false,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...options.env, PORT: String(port), HOST: '127.0.0.1' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    for (;;) {
      if (await healthy(`http://127.0.0.1:${port}/healthz`)) return { healthy: true, ms: performance.now() - started, output };
      if (exited) return { healthy: false, reason: 'exited', output };
      if (performance.now() - started > options.limitMs) return { healthy: false, reason: 'timeout', output };
      // Polling a child process's port: there is no event to wait for instead.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    if (!exited && child.pid !== undefined) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      if (options.processGroup) process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
      await gone;
    }
  }
}
