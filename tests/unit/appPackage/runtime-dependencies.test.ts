/**
 * The deploy installs only `dependencies` (npm prune --omit=dev) and zips them, so that list must
 * be exactly what the server imports at run time: a package the server needs but that sits in
 * devDependencies breaks the deployed app at start; one that the server does not import only
 * makes the artifact larger (bench/artifact.bench.ts). The tab's web app is bundled by vite and
 * the import/export CLIs run from a checkout with everything installed, so neither counts here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const SERVER = ['app', 'src', 'bot', 'tabs/api'];
/** Reached only from `npm run import` / `npm run export` (scripts/), never from app/main.ts. */
const NOT_SERVER = ['src/import'];

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return NOT_SERVER.includes(relative(ROOT, full)) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Packages a file loads at run time: `import ... from 'x'` and `export ... from 'x'`, not `import type`. */
function runtimePackages(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'".][^'"]*)['"]/gm)].map((match) => match[1] as string);
  return specifiers
    .filter((name) => !name.startsWith('node:') && !builtinModules.includes(name))
    .map((name) =>
      name
        .split('/')
        .slice(0, name.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

const used = new Map<string, string>();
for (const file of SERVER.flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
  for (const name of runtimePackages(file)) if (!used.has(name)) used.set(name, relative(ROOT, file));
}

describe('production dependencies', () => {
  it('finds the server packages it is meant to check (the scan is not empty)', () => {
    expect([...used.keys()]).toEqual(expect.arrayContaining(['express', '@microsoft/teams.apps', 'pino']));
  });

  it('every package the server imports at run time is in dependencies', () => {
    const missing = [...used].filter(([name]) => !(name in pkg.dependencies)).map(([name, file]) => `${name} (imported by ${file})`);
    expect(missing).toEqual([]);
  });

  it('dependencies hold nothing the server does not import (bundled or test-only packages are devDependencies)', () => {
    // React and Fluent UI are bundled into the web app and into the server renderer of the first
    // view (tabs/web/dist-ssr), so the server needs neither installed.
    expect(Object.keys(pkg.dependencies).filter((name) => !used.has(name))).toEqual([]);
  });
});
