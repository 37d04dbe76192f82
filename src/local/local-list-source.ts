/**
 * The embedded list store of local mode: every list in one JSON file, `<dataDir>/lists.json`,
 * in the SharePoint list schema, so the same field mapping reads it as it reads SharePoint.
 *
 * - First start (no file yet): copies the seed in and adds example meetings for the coming year.
 * - `read()` re-reads the file and says `changed: false` when its bytes are the same as last time.
 * - A file a person broke by hand is never overwritten: reads and writes throw `local-invalid`
 *   (file, line, column) and the server keeps serving its last good snapshot.
 * - `update()` checks the eTag, then replaces the file atomically.
 * - `watch()` follows the data directory, so edits made in any editor (including those that
 *   replace the file by renaming a new one over it) are picked up.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SourceError } from '../errors';
import type { Logger } from '../logger';
import { systemClock, type Clock } from '../ports/clock';
import type { Entry } from '../domain/types';
import { FORUM_LIST_NAMES, type ListData, type ListItem, type ListName, type ListSource, type ListUrls, type SourceRead } from '../ports/list-source';
import { mapEntry } from '../lists/mapping';
import { LISTS } from '../lists/schema';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write';
import { watchFileInDirectory } from './directory-watch';
import { changedItem, checkETag, resolveItem, storedLists, type Resolved } from './item-versions';
import { formatListFile, LIST_NAMES, parseListFile } from './list-file';
import { readSeed, seededLists } from './seed';

export const LIST_FILE_NAME = 'lists.json';

export interface LocalListSourceOptions {
  /** Directory of the store; created when missing. */
  dataDir: string;
  /** The seed copied in on first start (`data/balanslista-2022.json`). */
  seedFile: string;
  /** Dates the example meetings and stamps modifications. */
  clock?: Clock;
  /** Quiet time after the last file event before watchers are told; default 100 ms. */
  watchDebounceMs?: number;
}

interface Loaded {
  text: string;
  hash: string;
  mtime: string;
}

const FILE_WHAT = 'The local list file';
/** Tries of a write whose file keeps changing under it (a person saving at the same moment). */
const MAX_WRITE_ATTEMPTS = 3;

/** Creates and updates for `writeItems`: the new items' fields, and each update's item, eTag and fields. */
export interface LocalWrites {
  creates: Array<Record<string, unknown>>;
  updates: Array<{ itemId: string; ifMatch: string; fields: Record<string, unknown> }>;
}

/** The file changed between reading it and replacing it. */
class FileChangedError extends Error {}

function hashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

export class LocalListSource implements ListSource {
  readonly kind = 'local' as const;
  /** Absolute path of `lists.json`. */
  readonly file: string;
  private readonly dataDir: string;
  private readonly seedFile: string;
  private readonly fileUrl: string;
  private readonly clock: Clock;
  private readonly debounceMs: number;
  private readonly log: Logger;
  /** The file as the last successful read saw it. */
  private last: { hash: string; data: ListData } | null = null;
  /** Serialises seeding and writes within this process. */
  private queue: Promise<unknown> = Promise.resolve();
  private cleaned = false;

  constructor(options: LocalListSourceOptions, deps: { logger: Logger }) {
    this.dataDir = resolve(options.dataDir);
    this.file = join(this.dataDir, LIST_FILE_NAME);
    this.seedFile = resolve(options.seedFile);
    this.fileUrl = pathToFileURL(this.file).href;
    this.clock = options.clock ?? systemClock;
    this.debounceMs = options.watchDebounceMs ?? 100;
    this.log = deps.logger.child({ module: 'local-list-source' });
  }

  async read(): Promise<SourceRead> {
    const loaded = await this.load(true);
    if (this.last && this.last.hash === loaded.hash) return { data: this.last.data, changed: false };
    const lists = parseListFile(loaded.text, this.file, FILE_WHAT);
    const data: ListData = { balance: [], meetings: [] };
    for (const list of LIST_NAMES) {
      const stored = lists[list];
      // A list the file does not have (an older file) reads as absent: sections then fall back
      // to the 2022 list's five, and there are no ärenden; it is no problem to report.
      if (stored !== undefined) data[list] = stored.map((item) => this.toListItem(list, resolveItem(item, loaded.mtime)));
    }
    const first = this.last === null;
    this.last = { hash: loaded.hash, data };
    const counts = Object.fromEntries(LIST_NAMES.map((list) => [list, data[list]?.length ?? null]));
    this.log.debug({ file: this.file, ...counts }, first ? 'local lists loaded' : 'local lists changed');
    return { data, changed: true };
  }

  listUrls(): ListUrls {
    const urls: ListUrls = { balance: `${this.fileUrl}#balance`, meetings: `${this.fileUrl}#meetings` };
    // Every list has its place in the file: a list it lacks yet is added by the first write.
    for (const list of FORUM_LIST_NAMES) urls[list] = `${this.fileUrl}#${list}`;
    return urls;
  }

  /** The item as the file holds it now (read from disk, whatever the last `read()` saw). */
  async getEntry(id: string): Promise<Entry | null> {
    const loaded = await this.load(true);
    const stored = parseListFile(loaded.text, this.file, FILE_WHAT);
    const item = stored.balance.find((candidate) => candidate.id === id);
    return item ? mapEntry(this.toListItem('balance', resolveItem(item, loaded.mtime))) : null;
  }

  async update(list: ListName, itemId: string, fields: Record<string, unknown>, ifMatch: string): Promise<ListItem> {
    this.checkColumns(list, fields);
    const [updated] = await this.rewrite(list, `item ${itemId}`, (items) => {
      const index = items.findIndex((item) => item.id === itemId);
      const current = items[index];
      if (!current) throw new SourceError('not-found', `Item ${itemId} is not in the local ${list} list (${this.file}); it may have been deleted`, 404);
      checkETag(list, current, ifMatch);
      const next = changedItem(current, fields, this.clock.now());
      items[index] = next;
      return [next];
    });
    this.log.info({ list, itemId, eTag: updated?.eTag, columns: Object.keys(fields) }, 'local list item updated');
    return updated as ListItem;
  }

  /**
   * Creates and updates items of one list in one replacement of the file: all of them or, when
   * an update's eTag no longer matches (412) or its item is gone (404), none. New items get the
   * next free ids, in order. Returns the created items, then the updated ones.
   */
  async writeItems(list: ListName, changes: LocalWrites): Promise<{ created: ListItem[]; updated: ListItem[] }> {
    for (const fields of changes.creates) this.checkColumns(list, fields);
    for (const update of changes.updates) this.checkColumns(list, update.fields);
    const written = await this.rewrite(list, `${changes.creates.length + changes.updates.length} item(s)`, (items) => {
      const updated = changes.updates.map((update) => {
        const index = items.findIndex((item) => item.id === update.itemId);
        const current = items[index];
        if (!current)
          throw new SourceError('not-found', `Item ${update.itemId} is not in the local ${list} list (${this.file}); it may have been deleted`, 404);
        checkETag(list, current, update.ifMatch);
        const next = changedItem(current, update.fields, this.clock.now());
        items[index] = next;
        return next;
      });
      let nextId = Math.max(0, ...items.map((item) => Number(item.id))) + 1;
      const created = changes.creates.map((fields) => {
        const item = changedItem({ id: String(nextId++), eTag: '', lastModifiedDateTime: null, fields: {}, version: 0 }, fields, this.clock.now());
        items.push(item);
        return item;
      });
      return [...created, ...updated];
    });
    this.log.info({ list, created: changes.creates.length, updated: changes.updates.length }, 'local list items written');
    return { created: written.slice(0, changes.creates.length), updated: written.slice(changes.creates.length) };
  }

  /**
   * Changes the items of `list` with `change` and replaces the file atomically, after every
   * earlier write of this instance. A person may save the file between our read and our rename:
   * then it starts over from their version (their edit of an item then shows as a conflict, not
   * as lost). Returns the items `change` returns, as list items.
   */
  private async rewrite(list: ListName, what: string, change: (items: Resolved[]) => Resolved[]): Promise<ListItem[]> {
    return this.exclusive(async () => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await this.rewriteOnce(list, change);
        } catch (error) {
          if (!(error instanceof FileChangedError)) throw error;
          if (attempt >= MAX_WRITE_ATTEMPTS) {
            throw new SourceError('local-busy', `The local list file ${this.file} kept changing while ${what} was written; try again`, 503, {
              cause: error,
            });
          }
          this.log.info({ list, attempt }, 'local list file changed during a write; writing again');
        }
      }
    });
  }

  private async rewriteOnce(list: ListName, change: (items: Resolved[]) => Resolved[]): Promise<ListItem[]> {
    const loaded = await this.load(false);
    const stored = parseListFile(loaded.text, this.file, FILE_WHAT);
    const lists: Partial<Record<ListName, Resolved[]>> = {};
    for (const name of LIST_NAMES) lists[name] = stored[name]?.map((item) => resolveItem(item, loaded.mtime));
    // A list the file lacks yet (an older file) is added by its first write.
    const items = (lists[list] ??= []);
    const result = change(items);
    const text = formatListFile(storedLists(lists));
    await writeFileAtomic(this.file, text, {
      beforeCommit: async () => {
        const now = await readFile(this.file).catch(() => null);
        if (!now || hashOf(now) !== loaded.hash) throw new FileChangedError();
      },
    });
    return result.map((item) => this.toListItem(list, item));
  }

  watch(onChange: () => void): () => void {
    mkdirSync(this.dataDir, { recursive: true });
    /** The content this watcher last told about, so that one change is told once. */
    let notified: string | null = null;
    let stopped = false;
    const check = async () => {
      let hash: string;
      try {
        hash = hashOf(await readFile(this.file));
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') this.log.warn({ err: error, file: this.file }, 'local list file could not be read after a change');
        hash = 'missing';
      }
      if (stopped || hash === this.last?.hash || hash === notified) return;
      notified = hash;
      this.log.info({ file: this.file }, 'local list file changed on disk');
      onChange();
    };
    const stop = watchFileInDirectory({
      dir: this.dataDir,
      fileName: LIST_FILE_NAME,
      debounceMs: this.debounceMs,
      logger: this.log,
      onSettled: () => void check(),
    });
    return () => {
      stopped = true;
      stop();
    };
  }

  private toListItem(list: ListName, item: Resolved): ListItem {
    return {
      id: item.id,
      eTag: item.eTag,
      webUrl: `${this.fileUrl}#${list}/${item.id}`,
      lastModifiedDateTime: item.lastModifiedDateTime,
      fields: item.fields,
    };
  }

  private checkColumns(list: ListName, fields: Record<string, unknown>): void {
    const known = new Set(LISTS[list].columns.map((column) => column.name));
    const unknown = Object.keys(fields).filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new SourceError('invalid-field', `The ${list} list has no column ${unknown.map((name) => `"${name}"`).join(', ')}`, 400);
    }
  }

  /** Runs `task` after every earlier seeding or write of this instance has finished. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * The file's bytes, seeding it first when it does not exist. `queue` is false when the caller
   * already holds the write queue (a write), true otherwise.
   */
  private async load(queue: boolean): Promise<Loaded> {
    if (!this.cleaned) {
      this.cleaned = true;
      const removed = await removeStaleTempFiles(this.file);
      if (removed.length > 0) this.log.warn({ dir: this.dataDir, removed }, 'removed temporary files left by an interrupted write');
    }
    try {
      return await this.loadExisting();
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw this.unreadable(error);
    }
    await (queue ? this.exclusive(() => this.seedIfMissing()) : this.seedIfMissing());
    try {
      return await this.loadExisting();
    } catch (error) {
      throw this.unreadable(error);
    }
  }

  private async loadExisting(): Promise<Loaded> {
    const bytes = await readFile(this.file);
    const info = await stat(this.file);
    return { text: bytes.toString('utf8'), hash: hashOf(bytes), mtime: info.mtime.toISOString() };
  }

  private unreadable(error: unknown): SourceError {
    return new SourceError('local-unreadable', `The local list file ${this.file} cannot be read (${errnoCode(error) ?? String(error)})`, null, {
      cause: error,
    });
  }

  private async seedIfMissing(): Promise<void> {
    try {
      await stat(this.file);
      return; // someone seeded it meanwhile
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw this.unreadable(error);
    }
    const seed = await readSeed(this.seedFile, this.file);
    const { lists, examples, today } = seededLists(seed, this.clock.now());
    await mkdir(this.dataDir, { recursive: true });
    await writeFileAtomic(this.file, formatListFile(lists));
    this.log.info(
      { file: this.file, seed: this.seedFile, balance: lists.balance.length, meetings: lists.meetings.length, examples, today },
      'local list store created from the seed',
    );
  }
}
