/**
 * One Node version line across the project: the App Service stack, the Node CI installs, the
 * Node type definitions and `engines` (which must still accept Node 20.19 for `npm install` and
 * `npm start`, and 22, while 24 LTS is the target).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; devDependencies: Record<string, string> };

type Version = [number, number, number];
const parse = (text: string): Version => text.split('.').map(Number).concat(0, 0).slice(0, 3) as Version;
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The subset of semver ranges `engines` uses: `^x.y.z` and `>=x.y.z`, joined by `||`. */
function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((part) => {
    const [, op, bound] = /^\s*(\^|>=)(\d+(?:\.\d+){0,2})\s*$/.exec(part) ?? [];
    if (!op || !bound) throw new Error(`engines range "${part.trim()}" uses a form this test does not read`);
    const b = parse(bound);
    return op === '>=' ? compare(v, b) >= 0 : v[0] === b[0] && compare(v, b) >= 0;
  });
}

describe('the Node version', () => {
  const target = Number(/^NODE_MAJOR=(\d+)$/m.exec(read('.ci/run'))?.[1]);

  it('CI runs the App Service stack version, Node 24 LTS', () => {
    expect(target).toBe(24);
    expect(read('infra/azure.bicep')).toContain(`linuxFxVersion: 'NODE|${target}-lts'`);
  });

  it('the Node type definitions are of that version', () => {
    expect(pkg.devDependencies['@types/node']).toMatch(new RegExp(`^\\^${target}\\.`));
  });

  it('engines accepts Node 24 LTS, 22 and 20.19, and refuses older 20s and 18', () => {
    for (const version of ['24.0.0', '24.11.0', '24.22.3', '26.0.0', '22.12.0', '22.23.5', '20.19.0', '20.20.2'])
      expect([version, satisfies(version, pkg.engines.node)]).toEqual([version, true]);
    for (const version of ['20.18.3', '18.20.0', '22.11.0', '23.0.0']) expect([version, satisfies(version, pkg.engines.node)]).toEqual([version, false]);
  });
});
