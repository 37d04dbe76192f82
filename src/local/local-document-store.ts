/**
 * The local store's folder for the app's documents: `<DATA_DIR>/dokument/<year>/<file>`. As in
 * SharePoint, the app's own file is replaced by the new one, but a file someone changed after the
 * app wrote it (its size or modification time differ from what the app recorded) is left alone and
 * the new one saved beside it. The record is `.balanslistan.json` in each year's folder.
 * `find` says whether a file is there; it has no web address (the bot's cards in local mode link
 * the app's own `/api/…docx` addresses instead).
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stockholmClockOf } from '../domain/dates';
import type { Logger } from '../logger';
import { besideName, type DocumentStore, type FoundDocument, type SavedDocument } from '../ports/document-store';
import { writeFileAtomic } from './atomic-write';

const RECORD = '.balanslistan.json';

type Written = Record<string, { size: number; mtimeMs: number }>;

async function sizeAndTime(path: string): Promise<{ size: number; mtimeMs: number } | null> {
  try {
    const info = await stat(path);
    return { size: info.size, mtimeMs: Math.round(info.mtimeMs) };
  } catch {
    return null;
  }
}

export class LocalDocumentStore implements DocumentStore {
  readonly kind = 'local' as const;
  /** Absolute path of the documents folder. */
  readonly root: string;
  private readonly log: Logger;
  private readonly now: () => Date;

  constructor(options: { dataDir: string; now?: () => Date }, deps: { logger: Logger }) {
    this.root = join(resolve(options.dataDir), 'dokument');
    this.now = options.now ?? (() => new Date());
    this.log = deps.logger.child({ module: 'local-document-store' });
  }

  private async written(folder: string): Promise<Written> {
    try {
      return JSON.parse(await readFile(join(this.root, folder, RECORD), 'utf8')) as Written;
    } catch {
      return {};
    }
  }

  async find(folder: string, fileName: string): Promise<FoundDocument | null> {
    try {
      const info = await stat(join(this.root, folder, fileName));
      return info.isFile() ? { name: fileName, webUrl: null } : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async save(folder: string, fileName: string, bytes: Uint8Array): Promise<SavedDocument> {
    const dir = join(this.root, folder);
    await mkdir(dir, { recursive: true });
    const record = await this.written(folder);
    const current = await sizeAndTime(join(dir, fileName));
    const known = record[fileName];
    const ours = current !== null && known !== undefined && known.size === current.size && known.mtimeMs === current.mtimeMs;
    let name = fileName;
    let outcome: SavedDocument['outcome'] = current === null ? 'created' : 'new-version';
    if (current !== null && !ours) {
      const clock = stockholmClockOf(this.now());
      const stamp = `${clock.date} ${clock.time.replace(':', '.')}`;
      for (let attempt = 0; ; attempt += 1) {
        name = besideName(fileName, stamp, attempt);
        if ((await sizeAndTime(join(dir, name))) === null) break;
      }
      outcome = 'saved-beside';
    }
    const path = join(dir, name);
    await writeFileAtomic(path, bytes);
    const after = await sizeAndTime(path);
    if (after) record[name] = after;
    await writeFileAtomic(join(dir, RECORD), `${JSON.stringify(record, null, 2)}\n`);
    this.log.info({ path, outcome }, 'document saved in the local store');
    return { name, location: path, webUrl: null, outcome, editedBy: null };
  }
}
