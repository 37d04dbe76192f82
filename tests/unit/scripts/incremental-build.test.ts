/**
 * `npm start` builds only what changed: a part is built when it was never built, when an input's
 * content, name or presence changed, or when its output is gone; never when only times changed.
 * The parts here are tiny node scripts that count their runs, so nothing real is built.
 */
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_BUILD, BuildFailedError, buildIfStale, type BuildPart } from '../../../scripts/lib/incremental-build';

let root: string;

const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const runs = (name: string) => readFileSync(join(root, `${name}.runs`), 'utf8').length;

/** A part whose "build" appends a mark to `<name>.runs` and writes `out/<name>.js`. */
function part(name: string, inputs: string[], script = 'build.js'): BuildPart {
  return { name, inputs, output: `out/${name}.js`, command: [script, name] };
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'incremental-build-'));
  write(
    'build.js',
    "const fs = require('node:fs'); const name = process.argv[2];\n" +
      "fs.appendFileSync(name + '.runs', 'x'); fs.mkdirSync('out', { recursive: true }); fs.writeFileSync('out/' + name + '.js', '');\n",
  );
  write('fail.js', 'process.exit(3);\n');
  write('web/index.ts', 'export const a = 1;\n');
  write('server/main.ts', 'export const b = 2;\n');
  write('shared/lock.json', '{}\n');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

const parts = () => [part('web', ['web', 'shared/lock.json']), part('server', ['server', 'shared/lock.json'])];

describe('buildIfStale', () => {
  it('builds everything the first time and nothing the second', () => {
    expect(buildIfStale({ root, parts: parts() })).toEqual(['web', 'server']);
    expect(buildIfStale({ root, parts: parts() })).toEqual([]);
    expect([runs('web'), runs('server')]).toEqual([1, 1]);
  });

  it('rebuilds only the part whose sources changed, and a shared input rebuilds both', () => {
    buildIfStale({ root, parts: parts() });
    write('server/main.ts', 'export const b = 3;\n');
    expect(buildIfStale({ root, parts: parts() })).toEqual(['server']);
    write('shared/lock.json', '{"x":1}\n');
    expect(buildIfStale({ root, parts: parts() })).toEqual(['web', 'server']);
  });

  it('notices a renamed, an added and a deleted file', () => {
    buildIfStale({ root, parts: parts() });
    renameSync(join(root, 'web/index.ts'), join(root, 'web/main.ts'));
    expect(buildIfStale({ root, parts: parts() })).toEqual(['web']);
    write('web/extra.ts', '');
    expect(buildIfStale({ root, parts: parts() })).toEqual(['web']);
    rmSync(join(root, 'web/extra.ts'));
    expect(buildIfStale({ root, parts: parts() })).toEqual(['web']);
  });

  it('ignores a change of modification time alone (a checkout or a copy)', () => {
    buildIfStale({ root, parts: parts() });
    utimesSync(join(root, 'web/index.ts'), new Date('2030-01-01'), new Date('2030-01-01'));
    expect(buildIfStale({ root, parts: parts() })).toEqual([]);
  });

  it('builds everything when forced, and counts that as built', () => {
    buildIfStale({ root, parts: parts() });
    expect(buildIfStale({ root, parts: parts(), force: true })).toEqual(['web', 'server']);
    expect(buildIfStale({ root, parts: parts() })).toEqual([]);
  });

  it('rebuilds a part whose output was removed', () => {
    buildIfStale({ root, parts: parts() });
    rmSync(join(root, 'out/web.js'));
    expect(buildIfStale({ root, parts: parts() })).toEqual(['web']);
  });

  it('throws a typed error when a build fails, and tries it again next time', () => {
    const failing = [part('web', ['web'], 'fail.js')];
    expect(() => buildIfStale({ root, parts: failing })).toThrow(BuildFailedError);
    expect(() => buildIfStale({ root, parts: failing })).toThrow('The web build failed (exit 3)');
  });

  it('the app build counts the web app, its server renderer and the server with their configuration and lock file', () => {
    const inputs = Object.fromEntries(APP_BUILD.map((build) => [build.name, build.inputs]));
    expect(inputs.web).toEqual(expect.arrayContaining(['tabs/web', 'src', 'package-lock.json']));
    expect(inputs['web-ssr']).toEqual(inputs.web);
    expect(inputs.server).toEqual(expect.arrayContaining(['app', 'src', 'bot', 'tabs/api', 'tsconfig.build.json', 'package-lock.json']));
  });
});
