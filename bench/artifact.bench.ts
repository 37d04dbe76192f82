/**
 * The deployed artifact: what m365agents.yml's deploy zips (the project folder after `npm run
 * build` and `npm prune --omit=dev`, minus infra/.webappignore). The production `node_modules`
 * is installed as the deploy installs it (`npm ci --omit=dev` from package.json and the lock) into
 * a temporary copy, so the working tree's own install is left alone. Bytes and files per part,
 * the largest production packages, and a start of the copy in local mode to show that nothing
 * the server needs was left out.
 *
 * `ARTIFACT_REF=<git commit>` takes package.json, the lock and .webappignore from that commit
 * (the build output is always the current one): how the "before" figures were measured.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfStale } from '../scripts/lib/incremental-build';
import { parseIgnoreFile } from './support/ignore-file';
import { startUntilHealthy } from './support/start-server';
import { printTable } from './support/table';

const ROOT = join(__dirname, '..');

interface Size {
  bytes: number;
  files: number;
}
const add = (a: Size, b: Size): Size => ({ bytes: a.bytes + b.bytes, files: a.files + b.files });

/** Copies `from` to `to` without what `ignored` names (paths relative to `base`); returns the size copied. */
function copyKept(from: string, to: string, base: string, ignored: (path: string, isFolder: boolean) => boolean, skip: Set<string>): Size {
  let size: Size = { bytes: 0, files: 0 };
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const relative = base === '' ? entry.name : `${base}/${entry.name}`;
    if (skip.has(relative) || ignored(relative, entry.isDirectory())) continue;
    if (entry.isDirectory()) size = add(size, copyKept(join(from, entry.name), join(to, entry.name), relative, ignored, skip));
    else if (entry.isFile()) {
      copyFileSync(join(from, entry.name), join(to, entry.name));
      size = add(size, { bytes: lstatSync(join(from, entry.name)).size, files: 1 });
    }
  }
  return size;
}

function sizeOf(path: string): Size {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return { bytes: stat.isFile() ? stat.size : 0, files: stat.isFile() ? 1 : 0 };
  return readdirSync(path).reduce<Size>((total, name) => add(total, sizeOf(join(path, name))), { bytes: 0, files: 0 });
}

function packagesIn(modules: string): string[] {
  return readdirSync(modules)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`) : [name]));
}

function fileAt(ref: string | undefined, path: string): string {
  return ref ? execFileSync('git', ['show', `${ref}:${path}`], { cwd: ROOT, encoding: 'utf8' }) : readFileSync(join(ROOT, path), 'utf8');
}

/** Starts `node dist/app/main.js` in the artifact (local mode) and waits for /healthz. */
async function startsFrom(folder: string): Promise<string> {
  const result = await startUntilHealthy({
    command: process.execPath,
    args: ['dist/app/main.js'],
    cwd: folder,
    env: { PATH: process.env.PATH, DATA_DIR: join(folder, '.data'), PLAYGROUND: 'off', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    limitMs: 60_000,
  });
  if (result.healthy) return 'yes (/healthz 200 in local mode)';
  if (result.reason === 'exited') return `NO: the server exited\n${result.output}`;
  return `NO: /healthz did not answer\n${result.output}`;
}

async function main(): Promise<void> {
  const ref = process.env.ARTIFACT_REF || undefined;
  buildIfStale({ root: ROOT });
  const scratch = mkdtempSync(join(tmpdir(), 'balanslistan-artifact-'));
  try {
    const install = join(scratch, 'install');
    mkdirSync(install);
    writeFileSync(join(install, 'package.json'), fileAt(ref, 'package.json'));
    writeFileSync(join(install, 'package-lock.json'), fileAt(ref, 'package-lock.json'));
    // --ignore-scripts: no production package needs an install script, and none should run here.
    const ci = spawnSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: install,
      encoding: 'utf8',
    });
    if (ci.status !== 0) throw new Error(`npm ci --omit=dev failed:\n${ci.stdout}\n${ci.stderr}`);

    const ignored = parseIgnoreFile(fileAt(ref, 'infra/.webappignore'));
    const artifact = join(scratch, 'artifact');
    const skip = new Set(['node_modules', '.git', '.tools']);
    const installed = sizeOf(join(install, 'node_modules'));
    const modules = copyKept(join(install, 'node_modules'), join(artifact, 'node_modules'), 'node_modules', ignored, new Set());
    const dist = copyKept(join(ROOT, 'dist'), join(artifact, 'dist'), 'dist', ignored, new Set());
    const web = copyKept(join(ROOT, 'tabs', 'web', 'dist'), join(artifact, 'tabs', 'web', 'dist'), 'tabs/web/dist', ignored, new Set());
    const rest = copyKept(ROOT, artifact, '', ignored, new Set([...skip, 'dist', 'tabs/web/dist']));
    const total = [modules, dist, web, rest].reduce(add);
    const mb = (bytes: number) => (bytes / 1_000_000).toFixed(1);
    console.log(ref ? `package.json, lock and .webappignore from ${ref}\n` : '');
    printTable(
      ['part', 'MB', 'bytes', 'files'],
      [
        ['node_modules (production, as installed)', installed],
        ['node_modules (production, zipped)', modules],
        ['dist/', dist],
        ['tabs/web/dist/', web],
        ['other files (package.json, data/, templates)', rest],
        ['artifact total (zipped)', total],
      ].map(([name, size]) => [name as string, mb((size as Size).bytes), String((size as Size).bytes), String((size as Size).files)]),
      1,
    );
    const packages = packagesIn(join(artifact, 'node_modules')).map((name) => [name, sizeOf(join(artifact, 'node_modules', name))] as const);
    console.log(`\n${packages.length} production packages; the ten largest as zipped:\n`);
    printTable(
      ['package', 'MB', 'files'],
      [...packages]
        .sort((a, b) => b[1].bytes - a[1].bytes)
        .slice(0, 10)
        .map(([name, size]) => [name, mb(size.bytes), String(size.files)]),
      1,
    );
    console.log(`\nThe artifact starts: ${await startsFrom(artifact)}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
