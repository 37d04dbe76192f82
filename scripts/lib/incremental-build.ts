/**
 * Builds the tab's web app (vite) and the server (tsc) only when their sources changed since the
 * last successful build, so `npm start` after a start skips both.
 *
 * Each build's inputs are fingerprinted by content (the path and bytes of every file, sha256),
 * not by modification time: a git checkout or a copy changes times without changing sources, and
 * a time check misses a deleted file. The fingerprint is written only after a successful build,
 * to `dist/.build/<part>.sha256`, so a failed build is tried again on the next start.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** One build: what it reads, what it must leave behind, and the command (run with this Node). */
export interface BuildPart {
  name: string;
  /** Files or folders relative to the root; node_modules and dist folders inside are skipped. */
  inputs: string[];
  /** A file the build writes; when it is missing the part is built whatever the fingerprint says. */
  output: string;
  /** A script relative to the root and its arguments, run with `process.execPath`. */
  command: string[];
  env?: Record<string, string>;
}

/**
 * The app's builds: the web bundle, the server renderer of the tab's first view (the same React
 * components, bundled for Node) and the server. The web parts import src/, so src/ counts for all.
 */
export const APP_BUILD: BuildPart[] = [
  {
    name: 'web',
    inputs: ['tabs/web', 'src', 'package-lock.json', 'tsconfig.json'],
    output: 'tabs/web/dist/index.html',
    command: ['node_modules/vite/bin/vite.js', 'build', '--config', 'tabs/web/vite.config.mts'],
    // The bundle must be React's production build whatever NODE_ENV the caller has set.
    env: { NODE_ENV: 'production' },
  },
  {
    name: 'web-ssr',
    inputs: ['tabs/web', 'src', 'package-lock.json', 'tsconfig.json'],
    output: 'tabs/web/dist-ssr/render-page.cjs',
    command: ['node_modules/vite/bin/vite.js', 'build', '--config', 'tabs/web/vite.server.config.mts'],
    env: { NODE_ENV: 'production' },
  },
  {
    name: 'server',
    inputs: ['app', 'src', 'bot', 'tabs/api', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    output: 'dist/app/main.js',
    command: ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'],
  },
];

const SKIPPED = new Set(['node_modules', 'dist', 'dist-ssr', '.build.lock']);

/** The build of one part failed; its output is left as the build tool left it. */
export class BuildFailedError extends Error {
  constructor(
    readonly part: string,
    readonly exit: number | string,
  ) {
    super(`The ${part} build failed (exit ${exit}); see its output above.`);
    this.name = 'BuildFailedError';
  }
}

function filesUnder(path: string): string[] {
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !SKIPPED.has(entry.name))
    .flatMap((entry) => {
      const full = join(path, entry.name);
      if (entry.isDirectory()) return filesUnder(full);
      return entry.isFile() ? [full] : [];
    });
}

/** sha256 over the inputs' relative paths and contents, in a fixed order. */
export function fingerprint(root: string, inputs: string[]): string {
  const files = inputs.flatMap((input) => {
    const full = join(root, input);
    if (!existsSync(full)) return [];
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
  const hash = createHash('sha256');
  for (const file of files.map((full) => relative(root, full).split(sep).join('/')).sort()) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

export interface BuildOptions {
  root: string;
  parts?: BuildPart[];
  /** Builds every part whatever its fingerprint says (`npm run build`). */
  force?: boolean;
  /** Where progress lines go (the CLI prints them). */
  log?: (line: string) => void;
}

/** Builds each part whose inputs changed or whose output is missing; returns the parts built. */
export function buildIfStale({ root, parts = APP_BUILD, force = false, log = () => undefined }: BuildOptions): string[] {
  const stamps = join(root, 'dist', '.build');
  const built: string[] = [];
  for (const part of parts) {
    const stamp = join(stamps, `${part.name}.sha256`);
    const current = fingerprint(root, part.inputs);
    const previous = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : null;
    const outputPresent = existsSync(join(root, part.output));
    if (!force && previous === current && outputPresent) {
      log(`build: ${part.name} is up to date`);
      continue;
    }
    const why = force ? 'asked for' : previous === null || !outputPresent ? 'not built yet' : 'sources changed';
    log(`build: ${part.name} (${why})`);
    const [script = '', ...args] = part.command;
    const result = spawnSync(process.execPath, [join(root, script), ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...part.env } });
    if (result.status !== 0) throw new BuildFailedError(part.name, result.status ?? result.signal ?? 'unknown');
    mkdirSync(stamps, { recursive: true });
    writeFileSync(stamp, `${current}\n`);
    built.push(part.name);
  }
  return built;
}
