/**
 * An in-memory list source for tests of what sits above the port (snapshot, server, bot):
 * items in the SharePoint schema, a switch that makes reads fail, and a read counter.
 */
import { SourceError } from '../../src/errors';
import type { Entry } from '../../src/domain/types';
import { mapEntry } from '../../src/lists/mapping';
import type { ListData, ListItem, ListName, ListSource, ListUrls, SourceRead } from '../../src/ports/list-source';

export class MemoryListSource implements ListSource {
  readonly kind = 'local' as const;
  reads = 0;
  /** `getEntry` calls (single-item reads that bypass any cached copy). */
  entryReads = 0;
  /** When set, the next reads throw this error. */
  failure: SourceError | null = null;
  private data: ListData;
  private dirty = true;
  private gate: Promise<void> | null = null;
  private version = 1;
  private readonly listeners = new Set<() => void>();

  constructor(data: ListData = { balance: [], meetings: [] }) {
    this.data = structuredClone(data);
  }

  /** Reads wait until the function returned is called: a slow store, to test what overlaps a read. */
  pauseReads(): () => void {
    let release = (): void => undefined;
    this.gate = new Promise<void>((resolve) => {
      release = () => {
        this.gate = null;
        resolve();
      };
    });
    return release;
  }

  async read(): Promise<SourceRead> {
    this.reads += 1;
    if (this.gate) await this.gate;
    if (this.failure) throw this.failure;
    const changed = this.dirty;
    this.dirty = false;
    return { data: structuredClone(this.data), changed };
  }

  listUrls(): ListUrls {
    return { balance: 'memory://balance', meetings: 'memory://meetings' };
  }

  watch(onChange: () => void): () => void {
    this.listeners.add(onChange);
    return () => this.listeners.delete(onChange);
  }

  async update(list: ListName, itemId: string, fields: Record<string, unknown>, ifMatch: string): Promise<ListItem> {
    const item = this.data[list]?.find((candidate) => candidate.id === itemId);
    if (!item) throw new SourceError('not-found', `Item ${itemId} not found in ${list}`, 404);
    if (item.eTag !== ifMatch) throw new SourceError('conflict', `Item ${itemId} was changed by someone else`, 412);
    this.write(list, itemId, fields);
    return structuredClone(item);
  }

  /**
   * Changes an item in the store without telling anyone: what happens when a person edits the
   * list and the app has not read it since.
   */
  editUnseen(list: ListName, itemId: string, fields: Record<string, unknown>): void {
    this.write(list, itemId, fields);
  }

  async getEntry(id: string): Promise<Entry | null> {
    this.entryReads += 1;
    if (this.failure) throw this.failure;
    const item = this.data.balance.find((candidate) => candidate.id === id);
    return item ? mapEntry(structuredClone(item)) : null;
  }

  /** Changes an item as a person editing the list would, and tells watchers. */
  edit(list: ListName, itemId: string, fields: Record<string, unknown>): void {
    this.write(list, itemId, fields);
    for (const listener of this.listeners) listener();
  }

  /** Adds an item as a person would. */
  add(list: ListName, item: Omit<ListItem, 'eTag'>): void {
    (this.data[list] ??= []).push({ ...structuredClone(item), eTag: `"${item.id},1"` });
    this.dirty = true;
  }

  private write(list: ListName, itemId: string, fields: Record<string, unknown>): void {
    const item = this.data[list]?.find((candidate) => candidate.id === itemId);
    if (!item) throw new Error(`no item ${itemId} in ${list}`);
    this.version += 1;
    item.fields = { ...item.fields, ...fields };
    item.eTag = `"${itemId},${this.version}"`;
    this.dirty = true;
  }
}

/** A balance-list item in the SharePoint schema, for tests. */
export function balanceItem(id: string, fields: Record<string, unknown>): ListItem {
  return {
    id,
    eTag: `"${id},1"`,
    webUrl: `https://contoso.sharepoint.com/sites/svom/Lists/Balanslista/DispForm.aspx?ID=${id}`,
    lastModifiedDateTime: '2022-01-10T08:00:00Z',
    fields,
  };
}
