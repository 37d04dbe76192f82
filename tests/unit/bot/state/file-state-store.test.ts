import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStateStore, createStateStore } from '../../../../bot/state';
import { silentLogger } from '../../../../src/logger';
import { describeStateStoreContract } from '../../../integration/bot/state/state-store-contract';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'state-store-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describeStateStoreContract('FileStateStore', async () => createStateStore({ kind: 'file', dir: await freshDir() }, { logger: silentLogger }));

function runWorker(dir: string, keys: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'claim-worker.ts'), dir, String(keys)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.split('\n').filter(Boolean)) : reject(new Error(`worker exited ${code}: ${err}`))));
  });
}

/** The id of a process that has ended (the writer of a crashed write). */
function exitedPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve(child.pid as number));
  });
}

describe('FileStateStore on disk', () => {
  it('keeps one file per key under <dir>/state and leaves no temporary or lock files', async () => {
    const dir = await freshDir();
    const store = new FileStateStore({ dir }, { logger: silentLogger });
    await store.put('ledger/19:x@thread.tacv2/expiry/5/2022-12-31/30', { state: 'posted' });
    await store.put('teams/a', 1, { ifNoneMatch: true });
    expect((await readdir(join(dir, 'state'))).sort()).toEqual(['ledger%2F19%3Ax%40thread%2Etacv2%2Fexpiry%2F5%2F2022-12-31%2F30.json', 'teams%2Fa.json']);
  });

  it('holds keys too long for a file name under a hashed name, and still lists them', async () => {
    const store = new FileStateStore({ dir: await freshDir() }, { logger: silentLogger });
    const key = `ledger/${'x'.repeat(300)}/digest/2022-W48`;
    await store.put(key, 'long');
    expect(await store.list('ledger/')).toEqual([key]);
    expect((await store.get(key))?.value).toBe('long');
  });

  it('ignores a temporary file left by a crash mid-write: the previous record stays readable', async () => {
    const dir = await freshDir();
    const store = new FileStateStore({ dir }, { logger: silentLogger });
    await store.put('rec', { v: 1 });
    await writeFile(join(dir, 'state', '.rec.json.999.dead.tmp'), '{"key":"rec","va');
    expect((await store.get('rec'))?.value).toEqual({ v: 1 });
    expect(await store.list('')).toEqual(['rec']);
  });

  it("removes temporary files of writes whose process is gone, on the next start, and keeps a live writer's", async () => {
    const dir = await freshDir();
    await new FileStateStore({ dir }, { logger: silentLogger }).put('rec', 1);
    const gone = await exitedPid();
    const crashed = join(dir, 'state', `.rec.json.${gone}.aaaa.tmp`);
    const writing = join(dir, 'state', `.rec.json.${process.pid}.bbbb.tmp`);
    await writeFile(crashed, '{');
    await writeFile(writing, '{');
    const restarted = new FileStateStore({ dir }, { logger: silentLogger });
    expect((await restarted.get('rec'))?.value).toBe(1);
    expect((await readdir(join(dir, 'state'))).sort()).toEqual([`.rec.json.${process.pid}.bbbb.tmp`, 'rec.json']);
  });

  it('removes a lock moved aside while breaking it once it is an hour old', async () => {
    const dir = await freshDir();
    await new FileStateStore({ dir }, { logger: silentLogger }).put('rec', 1);
    const old = join(dir, 'state', 'rec.json.lock.aaaa.stale');
    const fresh = join(dir, 'state', 'rec.json.lock.bbbb.stale');
    await writeFile(old, '1 crashed');
    await writeFile(fresh, '2 crashed');
    const hoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(old, hoursAgo, hoursAgo);
    await new FileStateStore({ dir }, { logger: silentLogger }).get('rec');
    expect((await readdir(join(dir, 'state'))).sort()).toEqual(['rec.json', 'rec.json.lock.bbbb.stale']);
  });

  it('breaks a lock left by a crashed writer once it is stale, and waits for a fresh one', async () => {
    const dir = await freshDir();
    const store = new FileStateStore({ dir, staleLockMs: 60_000, lockTimeoutMs: 200 }, { logger: silentLogger });
    await store.put('rec', 1);
    const lock = join(dir, 'state', 'rec.json.lock');
    await writeFile(lock, '4242 crashed');
    await expect(store.put('rec', 2)).rejects.toThrow(/locked by another writer/);
    const old = new Date(Date.now() - 120_000);
    await utimes(lock, old, old);
    expect(await store.put('rec', 3)).not.toBeNull();
    expect((await store.get('rec'))?.value).toBe(3);
  });

  it('lets exactly one of three processes claim each key', async () => {
    const dir = await freshDir();
    const keys = 40;
    const results = await Promise.all([runWorker(dir, keys), runWorker(dir, keys), runWorker(dir, keys)]);
    const wins = results.flat();
    expect(wins).toHaveLength(keys);
    expect(new Set(wins).size).toBe(keys);
  });
});
