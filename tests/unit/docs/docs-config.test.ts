import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV_VARIABLES } from '../../../src/config';

const docs = (file: string): string => readFileSync(join(__dirname, '../../../docs', file), 'utf8');

function section(name: string): string {
  const readme = docs(name === 'deployment' ? 'deployment.md' : 'configuration.md');
  const start = readme.indexOf(`<!-- section:${name} `);
  const end = readme.indexOf(`<!-- /section:${name} -->`);
  expect(start).toBeGreaterThanOrEqual(0);
  return readme.slice(start, end);
}

describe('docs/configuration.md: the configuration table', () => {
  const rows = [...section('configuration').matchAll(/^\| `([A-Za-z_]+)` \|/gm)].map((match) => match[1]);

  it('lists every variable src/config.ts reads, and nothing else', () => {
    expect([...rows].sort()).toEqual([...ENV_VARIABLES].sort());
  });
});

describe('docs/deployment.md: the deployment steps', () => {
  it('export no shell variable that the app would read as a setting (the commands read the environment)', () => {
    const steps = section('deployment');
    const exported = [...steps.matchAll(/^export ((?:[A-Z_]+=\S+\s*)+)/gm)].flatMap((match) => [...(match[1] ?? '').matchAll(/([A-Z_]+)=/g)].map((name) => name[1]));
    expect(exported).toEqual(expect.arrayContaining(['TENANT_ID', 'APP_HOST', 'APP_ID']));
    // These two are exported on purpose: they hold the value the app is given.
    const meant = ['NOTIFY_SECRET', 'TEAMS_APP_ID'];
    expect(exported.filter((name) => !meant.includes(name as string) && (ENV_VARIABLES as readonly string[]).includes(name as string))).toEqual([]);
  });
});
