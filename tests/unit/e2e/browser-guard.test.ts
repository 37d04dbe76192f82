/**
 * Browser tests never pass by skipping: with Chromium missing, the run gets a failing test that
 * says what to install, in CI and on a developer's machine alike. Runs a fixture test file in its
 * own jest, with and without CI set.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function runFixture(ci: string | undefined): { status: number | null; output: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.CI;
  if (ci !== undefined) env.CI = ci;
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--testMatch', '**/tests/fixtures/browser-guard/*.fixture.ts', '--', 'needs-browser'],
    { cwd: ROOT, env, encoding: 'utf8' },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('browser tests with Chromium missing', () => {
  it.each([
    ['in CI', 'true'],
    ['on a developer machine', undefined],
  ])('fail %s, naming what to install', (_where, ci) => {
    const { status, output } = runFixture(ci);
    expect(status).toBe(1);
    expect(output).toContain('needs Chromium');
    expect(output).toContain('/nonexistent/chromium is missing: install Chromium');
    expect(output).not.toMatch(/skipped/);
  });
});
