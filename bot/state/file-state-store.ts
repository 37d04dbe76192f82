/**
 * The local state store: one JSON file per key under `<dir>/state/`.
 *
 * Writes go through `writeFileAtomic` (the one used by the local list store: temporary file,
 * flush, rename, flush of the directory), so a reader or a crash never sees half a record, and
 * the temporary files of crashed writers are removed on the next start. Conditional writes hold a per-key lock file created with O_EXCL, which is
 * exclusive across processes on one machine: two notifiers on the same data directory cannot
 * both claim a reminder. A lock left by a crashed process is broken after `staleLockMs`.
 * The etag is a hash of the file's bytes; each write stores a fresh revision tag, so the etag
 * changes with every write.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../src/errors';
import { removeStaleTempFilesIn, writeFileAtomic } from '../../src/local/atomic-write';
import type { Logger } from '../../src/logger';
import type { StateStore, StoredValue } from '../../src/ports/state-store';
import { assertKey, encodeSegment } from './keys';

export interface FileStateStoreOptions {
  /** The data directory; records go to `<dir>/state/`. */
  dir: string;
  /** How long to wait for another writer's lock before giving up. */
  lockTimeoutMs?: number;
  /** A lock older than this is taken to be left by a crashed process. */
  staleLockMs?: number;
}

interface FileRecord {
  key: string;
  /** A fresh random tag per write, so the etag changes with every write, even of equal values. */
  rev: string;
  value: unknown;
}

/** File names longer than this are replaced by a hash (most file systems stop at 255 bytes). */
const MAX_NAME = 200;
const SUFFIX = '.json';

function fileNameOf(key: string): string {
  const encoded = key.split('/').map(encodeSegment).join('%2F');
  if (encoded.length <= MAX_NAME) return encoded + SUFFIX;
  return `~${createHash('sha256').update(key).digest('hex')}${SUFFIX}`;
}

function etagOf(bytes: Buffer | string): string {
  return `"${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}"`;
}

function isErrno(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === code;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class FileStateStore implements StateStore {
  readonly root: string;
  private readonly lockTimeoutMs: number;
  private readonly staleLockMs: number;
  private ready: Promise<void> | null = null;
  private readonly log: Logger;

  constructor(options: FileStateStoreOptions, deps: { logger: Logger }) {
    this.root = join(options.dir, 'state');
    this.lockTimeoutMs = options.lockTimeoutMs ?? 10_000;
    this.staleLockMs = options.staleLockMs ?? 30_000;
    this.log = deps.logger.child({ module: 'state-file' });
  }

  async get<T>(key: string): Promise<StoredValue<T> | null> {
    assertKey(key);
    await this.ensureDir();
    const read = await this.readRaw(this.pathOf(key));
    if (!read) return null;
    return { value: (JSON.parse(read.text) as FileRecord).value as T, etag: read.etag };
  }

  async put<T>(key: string, value: T, condition?: { ifMatch: string } | { ifNoneMatch: true }): Promise<string | null> {
    assertKey(key);
    await this.ensureDir();
    const path = this.pathOf(key);
    const text = JSON.stringify({ key, rev: randomBytes(6).toString('hex'), value } satisfies FileRecord);
    return this.withLock(path, async () => {
      if (condition) {
        const current = await this.readRaw(path);
        if ('ifNoneMatch' in condition && current) return null;
        if ('ifMatch' in condition && current?.etag !== condition.ifMatch) return null;
      }
      await writeFileAtomic(path, text);
      return etagOf(text);
    });
  }

  async delete(key: string): Promise<void> {
    assertKey(key);
    await this.ensureDir();
    const path = this.pathOf(key);
    await this.withLock(path, async () => {
      await unlink(path).catch((error: unknown) => {
        if (!isErrno(error, 'ENOENT')) throw error;
      });
    });
  }

  async list(prefix: string): Promise<string[]> {
    await this.ensureDir();
    const keys: string[] = [];
    for (const name of await readdir(this.root)) {
      if (!name.endsWith(SUFFIX)) continue;
      let key: string;
      if (name.startsWith('~')) {
        const read = await this.readRaw(join(this.root, name));
        if (!read) continue;
        key = (JSON.parse(read.text) as FileRecord).key;
      } else {
        key = decodeURIComponent(name.slice(0, -SUFFIX.length));
      }
      if (key.startsWith(prefix)) keys.push(key);
    }
    return keys;
  }

  private pathOf(key: string): string {
    return join(this.root, fileNameOf(key));
  }

  private ensureDir(): Promise<void> {
    this.ready ??= mkdir(this.root, { recursive: true }).then(() => this.removeLeftovers());
    return this.ready;
  }

  /**
   * What crashed processes left: temporary files of unfinished writes (their writer is gone) and
   * moved-aside stale locks old enough not to be in use. None of them is ever read.
   */
  private async removeLeftovers(): Promise<void> {
    const temps = await removeStaleTempFilesIn(this.root);
    if (temps.length > 0) this.log.info({ files: temps }, 'removed temporary files of writes that crashed');
    const cutoff = Date.now() - 60 * 60_000;
    for (const name of await readdir(this.root)) {
      if (!name.endsWith('.stale')) continue;
      const path = join(this.root, name);
      const info = await stat(path).catch(() => null);
      if (info && info.mtimeMs < cutoff) await unlink(path).catch(() => undefined);
    }
  }

  private async readRaw(path: string): Promise<{ text: string; etag: string } | null> {
    try {
      const bytes = await readFile(path);
      return { text: bytes.toString('utf8'), etag: etagOf(bytes) };
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return null;
      throw error;
    }
  }

  /** Runs `work` holding `<path>.lock`, created exclusively (O_EXCL), so one writer at a time per key. */
  private async withLock<R>(path: string, work: () => Promise<R>): Promise<R> {
    const lock = `${path}.lock`;
    const deadline = Date.now() + this.lockTimeoutMs;
    for (;;) {
      try {
        const handle = await open(lock, 'wx');
        await handle.writeFile(`${process.pid} ${new Date().toISOString()}`);
        await handle.close();
        break;
      } catch (error) {
        if (!isErrno(error, 'EEXIST')) throw error;
      }
      await this.breakIfStale(lock);
      if (Date.now() > deadline) {
        throw new AppError('state-store-busy', `State record is locked by another writer for over ${this.lockTimeoutMs} ms: ${lock}`);
      }
      await pause(2 + Math.random() * 10);
    }
    try {
      return await work();
    } finally {
      await unlink(lock).catch(() => undefined);
    }
  }

  private async breakIfStale(lock: string): Promise<void> {
    try {
      const info = await stat(lock);
      if (Date.now() - info.mtimeMs < this.staleLockMs) return;
      // Rename first: of several processes that find the same stale lock, only one moves it.
      const moved = `${lock}.${randomBytes(4).toString('hex')}.stale`;
      await rename(lock, moved);
      await unlink(moved).catch(() => undefined);
      this.log.warn({ lock }, 'broke a stale state lock left by a stopped process');
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
    }
  }
}
