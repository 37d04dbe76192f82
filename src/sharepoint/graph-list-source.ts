/**
 * The lists read from SharePoint through Graph: the balance list, the meetings, and the forum's
 * year's ärenden, forum profile and sections (those three only where they exist on the site).
 *
 * First read: a delta round per list with `$expand=fields($select=<schema columns>)`, following
 * `@odata.nextLink` to the `@odata.deltaLink` (the initial delta round is the full list, and ends
 * with the link for later rounds, so no separate full read is needed). Later reads: the stored
 * delta links. Every list's request of each step goes out together in one `$batch`, so a refresh
 * with nothing changed costs one HTTP request. Changes (fields, eTag, webUrl) and deletions are
 * applied in order, so an item that appears twice in a round ends as its last occurrence.
 * 410 Gone (the token expired) restarts that list with a full round. Nothing is kept from a read
 * that fails part-way: the next read starts from the last complete state.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { SharePointOptions } from '../config';
import { SourceError } from '../errors';
import type { Logger } from '../logger';
import type { Entry } from '../domain/types';
import { LIST_NAMES, type ListData, type ListItem, type ListName, type ListSource, type ListUrls, type SourceRead } from '../ports/list-source';
import { pathBelowBase } from './graph-client';
import { batchGetSettled } from './graph-batch';
import { toSourceError } from './graph-errors';
import { mapEntry } from '../lists/mapping';
import { missingColumns, presentFields } from './list-columns';
import { SiteResolver, type ResolvedList, type ResolvedSite } from './site';

/** Items per delta page (Graph may return fewer; paging follows its links either way). */
export const DEFAULT_PAGE_SIZE = 1000;

interface RawItem {
  id?: string | number;
  eTag?: string;
  '@odata.etag'?: string;
  webUrl?: string;
  lastModifiedDateTime?: string;
  fields?: Record<string, unknown>;
  deleted?: unknown;
  '@removed'?: unknown;
}

interface DeltaPage {
  value?: RawItem[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

interface ListState {
  items: Map<string, ListItem>;
  deltaLink: string | null;
}

/** A round in progress for one list. */
interface Round {
  list: ListName;
  full: boolean;
  next: string;
  /** Items seen in this round, in order (a full round: the whole list). */
  seen: RawItem[];
  deltaLink: string | null;
  resynced: boolean;
}

/** Column values without OData annotations (`@odata.etag`, `X@odata.type`). */
function plainFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !name.includes('@')));
}

function toListItem(raw: RawItem): ListItem {
  const fields = raw.fields ?? {};
  return {
    id: String(raw.id),
    eTag: raw.eTag ?? raw['@odata.etag'] ?? (typeof fields['@odata.etag'] === 'string' ? fields['@odata.etag'] : ''),
    webUrl: raw.webUrl ?? '',
    lastModifiedDateTime: raw.lastModifiedDateTime ?? null,
    fields: plainFields(fields),
  };
}

/** A list of the site; a list that does not exist there is `not-found`, as Graph would say. */
function listOf(site: ResolvedSite, list: ListName): ResolvedList {
  const found = site.lists[list];
  if (!found) throw new SourceError('not-found', `The ${list} list does not exist on the site; create it with "npm run provision"`, 404);
  return found;
}

const isDeleted = (raw: RawItem) => raw.deleted !== undefined || raw['@removed'] !== undefined;
const byNumericId = (a: ListItem, b: ListItem) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id);

export class GraphListSource implements ListSource {
  readonly kind = 'sharepoint' as const;
  private readonly site: SiteResolver;
  private readonly log: Logger;
  private readonly pageSize: number;
  private state = Object.fromEntries(LIST_NAMES.map((list) => [list, { items: new Map(), deltaLink: null }])) as Record<ListName, ListState>;
  private urls: ListUrls | null = null;
  /** The site as the last read found it: which lists exist. */
  private present: ListName[] = [];
  private missing: ResolvedSite['missing'] = [];
  /** The `$select` each list's delta link was made with. */
  private selected: Partial<Record<ListName, string>> = {};
  /** Schema columns the lists lack on the site, as the last read found them. */
  private missingColumns: Array<{ list: ListName; column: string }> = [];
  /** One read at a time: a second caller waits for the running read and reads after it. */
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: Client,
    private readonly options: SharePointOptions,
    /** `now` times the look-up again of lists missing on the site (default `Date.now`). */
    deps: { logger: Logger; pageSize?: number; now?: () => number },
  ) {
    this.log = deps.logger.child({ module: 'graph-list-source' });
    this.site = new SiteResolver(client, options, deps);
    this.pageSize = deps.pageSize ?? DEFAULT_PAGE_SIZE;
  }

  listUrls(): ListUrls {
    if (this.urls) return this.urls;
    // Before the first read the lists' addresses are not known; the site is the best link.
    const site = this.options.siteUrl ?? '';
    return { balance: site, meetings: site };
  }

  /** The site's id and the lists it has (ids as Graph knows them), for change subscriptions. */
  async siteLists(): Promise<{ siteId: string; lists: Array<{ name: ListName; id: string }> }> {
    const site = await this.site.resolve();
    const lists = LIST_NAMES.flatMap((name) => {
      const found = site.lists[name];
      return found ? [{ name, id: found.id }] : [];
    });
    return { siteId: site.id, lists };
  }

  read(): Promise<SourceRead> {
    const result = this.running.then(() => this.readOnce());
    this.running = result.catch(() => undefined);
    return result;
  }

  /** The schema's columns the list has on the site: selecting one it lacks is never asked of Graph. */
  private fields(site: ResolvedSite, list: ListName): string {
    return presentFields(list, listOf(site, list).columns).join(',');
  }

  private initialPath(site: ResolvedSite, list: ListName): string {
    return `/sites/${site.id}/lists/${listOf(site, list).id}/items/delta?$expand=fields($select=${this.fields(site, list)})&$top=${this.pageSize}`;
  }

  private async readOnce(): Promise<SourceRead> {
    const site = await this.site.resolve();
    const urls: ListUrls = { balance: site.lists.balance.webUrl, meetings: site.lists.meetings.webUrl };
    for (const list of LIST_NAMES) {
      const found = site.lists[list];
      if (found) urls[list] = found.webUrl;
    }
    this.urls = urls;
    const present = LIST_NAMES.filter((list) => site.lists[list] !== undefined);
    const lacking = present.flatMap((list) => missingColumns(list, listOf(site, list).columns).map((column) => ({ list, column: column.name })));
    // A list or column that appeared or went away since the last read changes what the data holds.
    const layoutChanged = present.join() !== this.present.join() || JSON.stringify(lacking) !== JSON.stringify(this.missingColumns);
    if (layoutChanged && lacking.length > 0)
      this.log.warn(
        { missing: lacking },
        'Some lists lack columns of the schema; those values read as empty. Add them with "npm run provision" (npm run doctor lists them).',
      );
    const rounds: Round[] = present.map((list) => {
      // Columns added on the site since the last read: the items are read again in full, with them.
      const fields = this.fields(site, list);
      const deltaLink = this.selected[list] === fields ? this.state[list].deltaLink : null;
      this.selected[list] = fields;
      return {
        list,
        full: deltaLink === null,
        next: deltaLink ? pathBelowBase(this.client, deltaLink) : this.initialPath(site, list),
        seen: [],
        deltaLink: null,
        resynced: false,
      };
    });

    for (;;) {
      const pending = rounds.filter((round) => round.deltaLink === null);
      if (pending.length === 0) break;
      const pages = await this.fetchPages(pending);
      pending.forEach((round, index) => {
        const page = pages[index];
        if (page === 'resync') {
          this.log.warn({ list: round.list }, 'Delta token expired (410); reading the whole list again');
          Object.assign(round, { full: true, next: this.initialPath(site, round.list), seen: [], resynced: true });
          return;
        }
        round.seen.push(...(page?.value ?? []));
        if (page?.['@odata.deltaLink']) round.deltaLink = page['@odata.deltaLink'];
        else if (page?.['@odata.nextLink']) round.next = pathBelowBase(this.client, page['@odata.nextLink']);
        else
          throw new SourceError(
            'graph-error',
            `Graph answered a delta page of ${this.site.describeList(round.list)} with neither a next link nor a delta link`,
          );
      });
    }

    // Every round is complete: only now does the state change (a failure above keeps the old one).
    const next = { ...this.state };
    let changed = layoutChanged;
    for (const round of rounds) {
      const items = round.full ? new Map<string, ListItem>() : new Map(this.state[round.list].items);
      for (const raw of round.seen) {
        if (raw.id === undefined) continue;
        const fetched = isDeleted(raw) ? null : raw.fields ? toListItem(raw) : await this.fetchItem(site, round.list, String(raw.id));
        if (fetched) items.set(fetched.id, fetched);
        else items.delete(String(raw.id));
      }
      changed ||= round.full || round.seen.length > 0;
      next[round.list] = { items, deltaLink: round.deltaLink };
      this.log.debug({ list: round.list, full: round.full, received: round.seen.length, items: items.size }, 'Delta round complete');
    }
    this.state = next;
    this.present = present;
    this.missing = site.missing;
    this.missingColumns = lacking;
    return { data: this.snapshot(), changed };
  }

  /** One page for each pending round, together; 410 on a round becomes 'resync' (once per round). */
  private async fetchPages(rounds: Round[]): Promise<Array<DeltaPage | 'resync'>> {
    const settled = await batchGetSettled(
      this.client,
      rounds.map((round) => ({ path: round.next, context: { target: this.site.describeList(round.list) } })),
    );
    return settled.map((result, index) => {
      if (result.ok) return result.body as DeltaPage;
      if (result.error.status === 410 && !rounds[index]?.resynced) return 'resync';
      if (result.error.status === 404) this.site.forget();
      throw result.error;
    });
  }

  /** An item that came without its fields: read it alone (null when it is gone meanwhile). */
  private async fetchItem(site: ResolvedSite, list: ListName, id: string): Promise<ListItem | null> {
    const path = `/sites/${site.id}/lists/${listOf(site, list).id}/items/${encodeURIComponent(id)}?$expand=fields($select=${this.fields(site, list)})`;
    try {
      return toListItem((await this.client.api(path).get()) as RawItem);
    } catch (error) {
      const mapped = toSourceError(error, { target: `item ${id} of ${this.site.describeList(list)}` });
      if (mapped.code === 'not-found') return null;
      throw mapped;
    }
  }

  private snapshot(): ListData {
    const items = (list: ListName) => [...this.state[list].items.values()].sort(byNumericId);
    const data: ListData = { balance: items('balance'), meetings: items('meetings') };
    for (const list of this.present) data[list] = items(list);
    if (this.missing.length > 0) data.missing = [...this.missing];
    if (this.missingColumns.length > 0) data.missingColumns = this.missingColumns.map((entry) => ({ ...entry }));
    return data;
  }

  /** The item read from SharePoint now (one GET with its fields), not from the delta state. */
  async getEntry(id: string): Promise<Entry | null> {
    const site = await this.site.resolve();
    const item = await this.fetchItem(site, 'balance', id);
    return item ? mapEntry(item) : null;
  }

  async update(list: ListName, itemId: string, fields: Record<string, unknown>, ifMatch: string): Promise<ListItem> {
    const site = await this.site.resolve();
    const resolved = listOf(site, list);
    const path = `/sites/${site.id}/lists/${resolved.id}/items/${encodeURIComponent(itemId)}/fields`;
    let answer: Record<string, unknown>;
    try {
      answer = (await this.client.api(path).header('If-Match', ifMatch).patch(fields)) as Record<string, unknown>;
    } catch (error) {
      throw toSourceError(error, { target: `item ${itemId} of ${this.site.describeList(list)}`, write: true });
    }
    const known = this.state[list].items.get(itemId);
    const wanted = new Set(presentFields(list, resolved.columns));
    const updated: ListItem = {
      id: itemId,
      eTag: typeof answer['@odata.etag'] === 'string' ? answer['@odata.etag'] : '',
      webUrl: known?.webUrl ?? `${resolved.webUrl}/${itemId}_.000`,
      lastModifiedDateTime: typeof answer.Modified === 'string' ? answer.Modified : null,
      fields: Object.fromEntries(Object.entries(plainFields(answer)).filter(([name]) => wanted.has(name))),
    };
    if (known) this.state[list].items.set(itemId, updated);
    this.log.info({ list, itemId, fields: Object.keys(fields) }, 'List item updated');
    return updated;
  }
}

// The adapter must keep fitting the port.
const _fits: new (...args: ConstructorParameters<typeof GraphListSource>) => ListSource = GraphListSource;
void _fits;
