/**
 * Atomic replacement of the store file, including real crashes: a child process is killed with
 * SIGKILL while it writes, and the store file must still be the previous, valid version.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { removeStaleTempFiles, writeFileAtomic } from '../../../src/local/atomic-write';
import { parseListFile } from '../../../src/local/list-file';
import { LocalListSource } from '../../../src/local/local-list-source';
import { silentLogger } from '../../../src/logger';

const CHILD = join(__dirname, 'crash-writer.ts');

let dir: string;
let child: ChildProcess | null = null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atomic-'));
});

afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = null;
  rmSync(dir, { recursive: true, force: true });
});

function startChild(args: string[]): { process: ChildProcess; lines: AsyncIterator<string>; exited: Promise<NodeJS.Signals | number | null> } {
  const started = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  child = started;
  const exited = new Promise<NodeJS.Signals | number | null>((done) => started.on('exit', (code, signal) => done(signal ?? code)));
  const lines = createInterface({ input: started.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
  return { process: started, lines, exited };
}

const tempFiles = () => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('writeFileAtomic', () => {
  it('replaces the content and keeps the permission bits', async () => {
    const target = join(dir, 'file.json');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    await writeFileAtomic(target, 'new content');
    expect(readFileSync(target, 'utf8')).toBe('new content');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['file.json']);
  });

  it('writes content given in chunks, text and bytes', async () => {
    const target = join(dir, 'file.txt');
    await writeFileAtomic(target, ['a', Buffer.from('b'), 'c']);
    expect(readFileSync(target, 'utf8')).toBe('abc');
  });

  it('leaves the file as it was and no temporary file when the content fails halfway', async () => {
    const target = join(dir, 'lists.json');
    writeFileSync(target, '{"balance": [], "meetings": []}\n');
    async function* failing(): AsyncIterable<string> {
      yield '{"balance": [';
      yield 'x'.repeat(100_000);
      throw new Error('disk full');
    }
    await expect(writeFileAtomic(target, failing())).rejects.toThrow('disk full');
    expect(readFileSync(target, 'utf8')).toBe('{"balance": [], "meetings": []}\n');
    expect(tempFiles()).toEqual([]);
  });

  it('does not replace the file when the last check before the rename refuses', async () => {
    const target = join(dir, 'lists.json');
    writeFileSync(target, 'theirs');
    const refuse = async () => {
      throw new Error('changed meanwhile');
    };
    await expect(writeFileAtomic(target, 'ours', { beforeCommit: refuse })).rejects.toThrow('changed meanwhile');
    expect(readFileSync(target, 'utf8')).toBe('theirs');
    expect(tempFiles()).toEqual([]);
    let checked = false;
    await writeFileAtomic(target, 'ours', { beforeCommit: async () => void (checked = true) });
    expect([checked, readFileSync(target, 'utf8')]).toEqual([true, 'ours']);
  });

  it('survives a process killed (SIGKILL) in the middle of a large write: the old file stays whole', async () => {
    const target = join(dir, 'lists.json');
    const previous = `${JSON.stringify({ balance: [{ id: '1', fields: { Title: 'Före kraschen' } }], meetings: [] }, null, 2)}\n`;
    writeFileSync(target, previous);
    const writer = startChild(['halfway', target, '16']);
    const first = await writer.lines.next();
    expect(first.value).toBe('half');

    // The temporary file holds half the new content right now.
    const [temp] = tempFiles();
    expect(temp).toBeDefined();
    const partial = statSync(join(dir, temp as string)).size;
    expect(partial).toBeGreaterThan(8 * 1024 * 1024);
    expect(partial).toBeLessThan(16 * 1024 * 1024);

    writer.process.kill('SIGKILL');
    expect(await writer.exited).toBe('SIGKILL');

    expect(readFileSync(target, 'utf8')).toBe(previous);
    expect(parseListFile(readFileSync(target, 'utf8'), target, 'The local list file').balance[0]?.fields.Title).toBe('Före kraschen');
    // The next start clears what the crashed writer left.
    expect(await removeStaleTempFiles(target)).toEqual([temp]);
    expect(readdirSync(dir)).toEqual(['lists.json']);
  });
});

describe('LocalListSource under crashes', () => {
  // Three writer processes (each starting TypeScript) and several 12 MB writes: a budget for a
  // busy machine, not a measure of speed (it takes about 25 s on two loaded cores).
  it('always leaves a store that reads, whenever a writing process is killed', async () => {
    // A large store (about 12 MB), so that each write takes a while.
    const seedFile = join(dir, 'seed.json');
    const balance = Array.from({ length: 6000 }, (_, index) => ({
      id: String(index + 1),
      fields: { Title: `Punkt ${index + 1}`, EntryKey: `punkt-${index + 1}`, Notes: 'z'.repeat(2000) },
    }));
    writeFileSync(seedFile, JSON.stringify({ balance, meetings: [] }));
    const dataDir = join(dir, 'data');

    for (let crash = 0; crash < 3; crash += 1) {
      const writer = startChild(['store', dataDir, seedFile]);
      // Kill the writer as soon as it starts to write, on its second write or later.
      let writes = 0;
      const seen = new Promise<void>((done) => {
        void (async () => {
          for (let line = await writer.lines.next(); !line.done; line = await writer.lines.next()) {
            writes += 1;
            if (writes < 2 + crash) continue;
            // The first sign of the write (a temporary file appearing, or the store file itself
            // changing if it were written in place) is the moment to crash.
            const dataWatcher = watch(dataDir, () => {
              writer.process.kill('SIGKILL');
              dataWatcher.close();
              done();
            });
            return;
          }
        })();
      });
      await seen;
      expect(await writer.exited).toBe('SIGKILL');

      const source = new LocalListSource({ dataDir, seedFile }, { logger: silentLogger });
      const { data } = await source.read();
      expect(data.balance).toHaveLength(6000);
      expect(String(data.balance[0]?.fields.Notes)).toMatch(/^round \d+ y+$/);
      expect(readdirSync(dataDir)).toEqual(['lists.json']);
    }
  }, 120_000);
});
