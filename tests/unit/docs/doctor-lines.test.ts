/**
 * docs/deployment.md's troubleshooting table is keyed by the doctor's lines: every check that can
 * report a problem has a row, and the README links the first-day checklist.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const deployment = readFileSync(join(ROOT, 'docs', 'deployment.md'), 'utf8');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const sources = ['app/doctor.ts', 'src/doctor/config-checks.ts', 'src/doctor/documents-check.ts', 'src/doctor/endpoint-checks.ts', 'src/doctor/site-checks.ts', 'src/doctor/state-check.ts', 'src/doctor/subscription-checks.ts']
  .map((path) => readFileSync(join(ROOT, path), 'utf8'))
  .join('\n');

/** Ids the doctor reports problems or warnings under (`problem('id', …)`, `const id = 'id'`). */
const reported = [...new Set([...sources.matchAll(/(?:problem|warning)\(\s*'([a-z-]+)'/g), ...sources.matchAll(/const id = '([a-z-]+)'/g)].map((match) => match[1] ?? ''))];

describe('the doctor in docs/deployment.md', () => {
  it('has a troubleshooting row for every check that can report a problem', () => {
    expect(reported.length).toBeGreaterThan(8);
    for (const id of [...reported, 'list:<list>', 'subscription:<list>']) expect([id, deployment.includes(`PROBLEM ${id}`) || deployment.includes(`warning ${id}`)]).toEqual([id, true]);
  });

  it('ends the first-day checklist with npm run doctor all ok, and the README links it', () => {
    expect(deployment).toMatch(/<a id="first-day"><\/a>\n## The first day in the tenant \(checklist\)[\s\S]*?\n7\. \*\*`npm run doctor -- --env dev` prints `All ok` and exits 0\.\*\*/);
    expect(readme).toContain('(docs/deployment.md#first-day)');
  });
});
