/**
 * Browser tests never pass by skipping in CI: with Chromium missing, CI gets a failing test that
 * says what to install, while a developer's run skips them with a loud warning. Runs a fixture
 * test file in its own jest, with and without CI set.
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
  it('fail in CI, naming what to install', () => {
    const { status, output } = runFixture('true');
    expect(status).toBe(1);
    expect(output).toContain('needs Chromium');
    expect(output).toContain('/nonexistent/chromium is missing: install Chromium');
  });

  it('are skipped with a loud warning on a developer machine', () => {
    const { status, output } = runFixture(undefined);
    expect(status).toBe(0);
    expect(output).toContain('BROWSER TESTS SKIPPED');
    expect(output).toMatch(/1 skipped/);
  });

  it('treat CI=false as not CI', () => {
    expect(runFixture('false').status).toBe(0);
  });
});
