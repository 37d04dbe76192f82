/**
 * `npm start`'s entry point refuses a partial tenant configuration with a message naming what is
 * missing and a non-zero exit, before anything listens.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function start(env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(AZURE_|SHAREPOINT_|Microsoft|PORT$|HOST$)/.test(name)));
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'app', 'main.ts')], {
    cwd: ROOT,
    env: { ...clean, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('start-up', () => {
  it('exits with code 2 and names the missing variables of a partial tenant configuration', () => {
    const result = start({ AZURE_TENANT_ID: '11111111-2222-3333-4444-555555555555', AZURE_CLIENT_SECRET: 'do-not-print-me' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Configuration error');
    expect(result.stderr).toContain('AZURE_CLIENT_ID');
    expect(result.stderr).toContain('SHAREPOINT_SITE_URL (or SHAREPOINT_SITE_ID)');
    expect(result.stderr + result.stdout).not.toContain('do-not-print-me');
  });

  it('exits with code 2 on an invalid value', () => {
    const result = start({ PORT: 'eighty' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PORT must be a whole number');
  });
});

describe('start-up on a port that is taken', () => {
  it('says which port is in use and how to choose another', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const dataDir = mkdtempSync(join(tmpdir(), 'balanslistan-startup-'));
    try {
      const result = start({ PORT: String(port), PLAYGROUND: 'off', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(result.stderr).toContain('PORT=3979 npm start');
    } finally {
      blocker.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
