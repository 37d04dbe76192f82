/**
 * Replaces a file so that a reader (or the next start after a crash) sees either the old content
 * or the new one, never a mix: write a temporary file in the same directory, flush it to disk,
 * rename it over the target, then flush the directory so the rename itself is durable.
 *
 * (npm's `write-file-atomic` does the first three steps but not the directory flush, and it
 * takes no streamed content; the whole sequence is short enough to keep here.)
 */
import { readdir, open, rename, stat, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** Content to write: text or bytes, or chunks of them (large files need not be one string). */
export type AtomicContent = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

const TEMP_SUFFIX = '.tmp';

/** The temporary file name used for `target`: `.<name>.<pid>.<random>.tmp` next to it. */
function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

async function* chunksOf(content: AtomicContent): AsyncIterable<string | Uint8Array> {
  if (typeof content === 'string' || content instanceof Uint8Array) yield content;
  else yield* content;
}

async function existingMode(target: string): Promise<number> {
  try {
    return (await stat(target)).mode & 0o777;
  } catch {
    return 0o644;
  }
}

/** Flushes a directory entry (the rename) to disk; not possible on Windows, where rename is already durable enough. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface AtomicWriteOptions {
  /**
   * Runs after the new content is on disk and just before it replaces `target`; throwing
   * aborts the write (e.g. when `target` changed since the caller read it).
   */
  beforeCommit?: () => Promise<void>;
}

/**
 * Writes `content` to `target` atomically (temp file, fsync, rename, fsync of the directory).
 * The file keeps its permission bits. On failure (or when `beforeCommit` throws) the temporary
 * file is removed and `target` is left exactly as it was.
 */
export async function writeFileAtomic(target: string, content: AtomicContent, options: AtomicWriteOptions = {}): Promise<void> {
  const temp = tempPathFor(target);
  const handle = await open(temp, 'wx', await existingMode(target));
  try {
    for await (const chunk of chunksOf(content)) {
      if (typeof chunk === 'string') await handle.writeFile(chunk, 'utf8');
      else await handle.writeFile(chunk);
    }
    await handle.sync();
    await handle.close();
    await options.beforeCommit?.();
    await rename(temp, target);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(target));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The writer's process id in a temporary file name `.<name>.<pid>.<random>.tmp`, or null for any other name. */
function writerOf(name: string): number | null {
  if (!name.startsWith('.') || !name.endsWith(TEMP_SUFFIX)) return null;
  const parts = name.split('.');
  const pid = Number(parts[parts.length - 3]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Removes, in `dir`, the temporary files whose names pass `accept` and whose writer is gone. */
async function removeDeadWritersTemps(dir: string, accept: (name: string) => boolean): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = writerOf(name);
    if (pid === null || !accept(name)) continue;
    if (pid === process.pid || isAlive(pid)) continue;
    await unlink(join(dir, name)).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}

/**
 * Removes temporary files that writers of `target` left behind when they crashed
 * (those whose process is gone). Returns the names removed.
 */
export function removeStaleTempFiles(target: string): Promise<string[]> {
  const prefix = `.${basename(target)}.`;
  return removeDeadWritersTemps(dirname(target), (name) => name.startsWith(prefix));
}

/**
 * Removes every temporary file in `dir` that `writeFileAtomic` left behind for any target when
 * its process crashed (for a store of many files). Returns the names removed.
 */
export function removeStaleTempFilesIn(dir: string): Promise<string[]> {
  return removeDeadWritersTemps(dir, () => true);
}
