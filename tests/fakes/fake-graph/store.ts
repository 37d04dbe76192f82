/**
 * The fake's SharePoint site: lists with items, eTags that change on every write, a change log
 * for delta queries, and the serialisation of items in Graph's listItem shape.
 */
import { randomUUID } from 'node:crypto';
import type { ColumnJson } from './columns';
import { DATE_ONLY, graphInstant, stockholmMidnightAsUtc } from './dates';

export interface FakeSite {
  id: string;
  hostname: string;
  /** Server-relative path, e.g. `/sites/svom`. */
  path: string;
  webUrl: string;
  displayName: string;
}

export interface StoredItem {
  id: string;
  guid: string;
  version: number;
  /** Column values as the site stores them; date-only columns as `YYYY-MM-DD`. */
  fields: Record<string, unknown>;
  createdDateTime: string;
  lastModifiedDateTime: string;
  deleted: boolean;
  seq: number;
}

export interface FakeListOptions {
  displayName: string;
  /** URL name (`/Lists/<name>`); derived from the display name when absent. */
  name?: string;
  id?: string;
  description?: string;
  /** Columns the list knows; PATCH rejects others. Absent: any column is accepted. */
  columns?: string[];
  /** Columns stored as date only (returned as UTC instants of Stockholm midnight). */
  dateOnlyColumns?: string[];
  /** Columns stored as date and time. */
  dateTimeColumns?: string[];
  /** The columns' definitions, as `…/columns` and `$expand=columns` report them; absent: not reported. */
  columnDefinitions?: ColumnJson[];
  /**
   * Person columns (one person). Stored as `<Name>LookupId`, the id in the site's user list;
   * returned as that, plus `<Name>` with the display name when `$select` names the column.
   */
  personColumns?: string[];
}

/** A person in the site's user list (the hidden "User Information List"). */
export interface SiteUser {
  lookupId: string;
  displayName: string;
  email: string;
  /** Entra object id, as `lastModifiedBy` names people. */
  id: string;
  /** The user principal name in the login-name claim (`i:0#.f|membership|<upn>`); the e-mail unless given; null: no claim (a guest or a group). */
  upn?: string | null;
  /** A person, or a group a person column may also name (no address, not mentionable). */
  kind?: 'person' | 'group';
}

/** The id of the site's user list ("User Information List", `_catalogs/users`). */
export const USER_LIST_ID = '0b5f6a33-7c1d-4e2a-9f80-2d4c6e8a1b3c';

export interface StoredList {
  id: string;
  name: string;
  displayName: string;
  description: string;
  createdDateTime: string;
  webUrl: string;
  columns: Set<string> | null;
  /** The columns' definitions (live: the admin routes change them); null when the list reports none. */
  columnDefs: ColumnJson[] | null;
  dateOnly: Set<string>;
  dateTime: Set<string>;
  person: Set<string>;
  items: Map<string, StoredItem>;
  nextId: number;
  /** The latest change number; every add, update and delete takes the next one. */
  seq: number;
  /** Every change, with the item as it was right after it (delta with duplicates replays these). */
  log: Array<{ seq: number; item: StoredItem }>;
  /** Delta tokens carry the epoch they were issued in; a new epoch makes old tokens answer 410. */
  epoch: number;
}

const SYSTEM_USER = { user: { email: 'sekretariat@contoso.onmicrosoft.com', id: '5f3c7a2e-2a6b-4c43-9d3e-0a8d1b2c3d4e', displayName: 'SVOM sekretariat' } };

export class FakeStore {
  readonly lists = new Map<string, StoredList>();
  /** The site's user list by lookup id; 11 is the secretariat (AuthorLookupId of every item). */
  readonly users = new Map<string, SiteUser>([['11', { lookupId: '11', ...SYSTEM_USER.user }]]);
  private nextUserId = 12;
  constructor(
    readonly site: FakeSite,
    private readonly now: () => Date,
  ) {}

  addList(options: FakeListOptions): StoredList {
    const name = options.name ?? options.displayName.replace(/[^A-Za-z0-9]/g, '');
    const list: StoredList = {
      id: options.id ?? randomUUID(),
      name,
      displayName: options.displayName,
      description: options.description ?? '',
      createdDateTime: graphInstant(this.now().getTime()),
      webUrl: `${this.site.webUrl}/Lists/${name}`,
      columns: options.columns ? new Set(['Title', ...options.columns, ...(options.personColumns ?? []).map((column) => `${column}LookupId`)]) : null,
      columnDefs: options.columnDefinitions ?? null,
      dateOnly: new Set(options.dateOnlyColumns ?? []),
      dateTime: new Set(options.dateTimeColumns ?? []),
      person: new Set(options.personColumns ?? []),
      items: new Map(),
      nextId: 1,
      seq: 0,
      log: [],
      epoch: 1,
    };
    this.lists.set(list.id, list);
    return list;
  }

  /** A list by id (GUID, any case) or display name. */
  findList(idOrName: string): StoredList | null {
    const wanted = idOrName.toLowerCase();
    for (const list of this.lists.values()) {
      if (list.id.toLowerCase() === wanted || list.displayName.toLowerCase() === wanted) return list;
    }
    return null;
  }

  /** The person of that name in the site's user list, added when not there yet. */
  ensureUser(displayName: string, email?: string): SiteUser {
    for (const user of this.users.values()) if (user.displayName === displayName) return user;
    const lookupId = String(this.nextUserId++);
    const user: SiteUser = {
      lookupId,
      displayName,
      email: email ?? `${displayName.toLowerCase().replace(/[^a-z]+/g, '.')}@contoso.onmicrosoft.com`,
      id: randomUUID(),
    };
    this.users.set(lookupId, user);
    return user;
  }

  /** A group in the site's user list, as a person column may name one. */
  addGroup(displayName: string): SiteUser {
    const lookupId = String(this.nextUserId++);
    const group: SiteUser = { lookupId, displayName, email: '', id: randomUUID(), upn: null, kind: 'group' };
    this.users.set(lookupId, group);
    return group;
  }

  /** The user list as Graph lists it when `system` is selected: a hidden system list named `users`. */
  userListJson(): Record<string, unknown> {
    return {
      '@odata.etag': `"${USER_LIST_ID},${this.users.size}"`,
      createdDateTime: '2021-03-01T08:00:00Z',
      description: 'All people.',
      eTag: `"${USER_LIST_ID},${this.users.size}"`,
      id: USER_LIST_ID,
      lastModifiedDateTime: graphInstant(this.now().getTime()),
      name: 'users',
      webUrl: `${this.site.webUrl}/_catalogs/users`,
      displayName: 'User Information List',
      parentReference: { siteId: this.site.id },
      list: { contentTypesEnabled: true, hidden: true, template: 'userInformation' },
      system: {},
    };
  }

  /** One entry of the user list as Graph returns it, with `fields` (only `select` when given); null when there is none. */
  userItemJson(lookupId: string, select: string[] | null, baseUrl: string): Record<string, unknown> | null {
    const user = this.users.get(lookupId);
    if (!user) return null;
    const group = user.kind === 'group';
    const upn = user.upn === undefined ? user.email : user.upn;
    const all: Record<string, unknown> = {
      Title: user.displayName,
      Name: group ? `c:0t.c|tenant|${user.id}` : upn ? `i:0#.f|membership|${upn.toLowerCase()}` : user.displayName,
      EMail: user.email,
      UserName: group ? '' : (upn ?? ''),
      ContentType: group ? 'DomainGroup' : 'Person',
      IsSiteAdmin: false,
      Deleted: false,
      id: user.lookupId,
      Modified: '2022-01-10T08:00:00Z',
      Created: '2021-03-01T08:00:00Z',
    };
    const fields = select ? Object.fromEntries(Object.entries(all).filter(([name]) => select.includes(name))) : all;
    const etag = `"${randomUUID()},1"`;
    return {
      '@odata.etag': etag,
      createdDateTime: '2021-03-01T08:00:00Z',
      eTag: etag,
      id: user.lookupId,
      lastModifiedDateTime: '2022-01-10T08:00:00Z',
      webUrl: `${this.site.webUrl}/_catalogs/users/${user.lookupId}_.000`,
      createdBy: SYSTEM_USER,
      lastModifiedBy: SYSTEM_USER,
      parentReference: { id: randomUUID(), siteId: this.site.id },
      contentType: { id: group ? '0x010C00' : '0x010A00', name: String(all.ContentType) },
      'fields@odata.context': `${baseUrl}/$metadata#sites('${this.site.id}')/lists('${USER_LIST_ID}')/items('${user.lookupId}')/fields/$entity`,
      fields: { '@odata.etag': etag, ...fields },
    };
  }

  /** Removes a person from the site's user list (gone from the organisation): items keep the id only. */
  removeUser(lookupId: string): void {
    this.users.delete(lookupId);
  }

  /** Person columns given by name (a test's convenience) become the lookup id SharePoint stores. */
  private storedFields(list: StoredList, fields: Record<string, unknown>): Record<string, unknown> {
    const stored = structuredClone(fields);
    for (const column of list.person) {
      const name = stored[column];
      if (typeof name === 'string') stored[`${column}LookupId`] = this.ensureUser(name).lookupId;
      delete stored[column];
    }
    return stored;
  }

  liveItems(list: StoredList): StoredItem[] {
    return [...list.items.values()].filter((item) => !item.deleted).sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** Told of every change of an item (change notifications). */
  onChange: ((list: StoredList) => void) | null = null;

  private record(list: StoredList, item: StoredItem): void {
    list.seq += 1;
    item.seq = list.seq;
    list.log.push({ seq: item.seq, item: structuredClone(item) });
    this.onChange?.(list);
  }

  addItem(list: StoredList, fields: Record<string, unknown>, id?: string): StoredItem {
    const itemId = id ?? String(list.nextId);
    if (list.items.get(itemId)?.deleted === false) throw new Error(`Item ${itemId} already exists in ${list.displayName}`);
    list.nextId = Math.max(list.nextId, Number(itemId) + 1);
    const at = graphInstant(this.now().getTime());
    const item: StoredItem = {
      id: itemId,
      guid: randomUUID(),
      version: 1,
      fields: this.storedFields(list, fields),
      createdDateTime: at,
      lastModifiedDateTime: at,
      deleted: false,
      seq: 0,
    };
    list.items.set(itemId, item);
    this.record(list, item);
    return item;
  }

  updateItem(list: StoredList, item: StoredItem, fields: Record<string, unknown>): StoredItem {
    for (const [name, value] of Object.entries(this.storedFields(list, fields))) {
      if (value === null) delete item.fields[name];
      else item.fields[name] = structuredClone(value);
    }
    item.version += 1;
    item.lastModifiedDateTime = graphInstant(Math.max(this.now().getTime(), Date.parse(item.lastModifiedDateTime) + 1000));
    this.record(list, item);
    return item;
  }

  deleteItem(list: StoredList, item: StoredItem): void {
    item.deleted = true;
    this.record(list, item);
  }

  eTag(item: StoredItem): string {
    return `"${item.guid},${item.version}"`;
  }

  /** A stored value as Graph returns it. */
  private outputValue(list: StoredList, column: string, value: unknown): unknown {
    if (typeof value === 'string' && list.dateOnly.has(column) && DATE_ONLY.test(value)) return stockholmMidnightAsUtc(value);
    if (typeof value === 'string' && (list.dateOnly.has(column) || list.dateTime.has(column))) {
      const parsed = Date.parse(value);
      return Number.isNaN(parsed) ? value : graphInstant(parsed);
    }
    return value;
  }

  /** The `fields` object: the selected columns (all when `select` is null) and `@odata.etag`. */
  fieldsOf(list: StoredList, item: StoredItem, select: string[] | null): Record<string, unknown> {
    const fields: Record<string, unknown> = { '@odata.etag': this.eTag(item) };
    const all: Record<string, unknown> = {
      ...item.fields,
      id: item.id,
      ContentType: 'Item',
      Modified: item.lastModifiedDateTime,
      Created: item.createdDateTime,
      AuthorLookupId: '11',
      EditorLookupId: '11',
      _UIVersionString: `${item.version}.0`,
      Attachments: false,
      Edit: '',
      LinkTitleNoMenu: item.fields.Title ?? '',
      LinkTitle: item.fields.Title ?? '',
      ItemChildCount: '0',
      FolderChildCount: '0',
      _ComplianceFlags: '',
      _ComplianceTag: '',
      _ComplianceTagWrittenTime: '',
      _ComplianceTagUserId: '',
    };
    // A person column: its lookup id always; the display name only when selected, and only while
    // the site still knows the person.
    for (const column of list.person) {
      const lookupId = item.fields[`${column}LookupId`];
      if (typeof lookupId !== 'string') continue;
      if (select === null || select.includes(`${column}LookupId`) || select.includes(column)) fields[`${column}LookupId`] = lookupId;
      const user = this.users.get(lookupId);
      if (select?.includes(column) && user) fields[column] = user.displayName;
    }
    const names = (select ?? Object.keys(all)).filter((name) => ![...list.person].some((column) => name === column || name === `${column}LookupId`));
    for (const name of names) {
      if (!(name in all) || all[name] === undefined) continue;
      const value = this.outputValue(list, name, all[name]);
      if (Array.isArray(value)) fields[`${name}@odata.type`] = 'Collection(Edm.String)';
      fields[name] = value;
    }
    return fields;
  }

  itemWebUrl(list: StoredList, item: StoredItem): string {
    return `${list.webUrl}/${item.id}_.000`;
  }

  /** An item in Graph's listItem shape; `fields` only when expanded. */
  itemJson(list: StoredList, item: StoredItem, expand: { fields: boolean; select: string[] | null }, baseUrl: string): Record<string, unknown> {
    const json: Record<string, unknown> = {
      '@odata.etag': this.eTag(item),
      createdDateTime: item.createdDateTime,
      eTag: this.eTag(item),
      id: item.id,
      lastModifiedDateTime: item.lastModifiedDateTime,
      webUrl: this.itemWebUrl(list, item),
      createdBy: SYSTEM_USER,
      lastModifiedBy: SYSTEM_USER,
      parentReference: { id: list.id, siteId: this.site.id },
      contentType: { id: '0x010054E1C1CB5F0E7F4A8B2B3C4D5E6F7A8B', name: 'Item' },
    };
    if (expand.fields) {
      json['fields@odata.context'] = `${baseUrl}/$metadata#sites('${this.site.id}')/lists('${list.id}')/items('${item.id}')/fields/$entity`;
      json.fields = this.fieldsOf(list, item, expand.select);
    }
    return json;
  }

  /** A deleted item as a delta round reports it. */
  tombstoneJson(item: StoredItem): Record<string, unknown> {
    return {
      id: item.id,
      parentReference: { siteId: this.site.id },
      contentType: { id: '0x010054E1C1CB5F0E7F4A8B2B3C4D5E6F7A8B', name: 'Item' },
      deleted: { state: 'deleted' },
    };
  }

  /** The list's JSON; with `columns` (the names to keep of each definition, or all) the definitions too, as `$expand=columns` sends them. */
  listJson(list: StoredList, columns?: { select: string[] | null }): Record<string, unknown> {
    const expanded =
      columns && list.columnDefs
        ? {
            columns: list.columnDefs.map((definition) =>
              columns.select
                ? Object.fromEntries(Object.entries(definition).filter(([name]) => (columns.select as string[]).includes(name)))
                : structuredClone(definition),
            ),
          }
        : {};
    return {
      '@odata.etag': `"${list.id},${list.seq}"`,
      createdDateTime: list.createdDateTime,
      description: list.description,
      eTag: `"${list.id},${list.seq}"`,
      id: list.id,
      lastModifiedDateTime: graphInstant(this.now().getTime()),
      name: list.name,
      webUrl: list.webUrl,
      displayName: list.displayName,
      createdBy: SYSTEM_USER,
      parentReference: { siteId: this.site.id },
      list: { contentTypesEnabled: false, hidden: false, template: 'genericList' },
      ...expanded,
    };
  }

  /**
   * Selected names a list does not have: the fake refuses them (400) where the list reports its
   * columns, the stricter of the two things Graph might do, so the app must never ask for them.
   */
  unknownSelected(list: StoredList, select: string[] | null): string[] {
    if (!select || !list.columnDefs) return [];
    // A person (or lookup) column may also be selected by its id, `<Name>LookupId`.
    const lookups = list.columnDefs
      .filter((column) => column.personOrGroup !== undefined || column.lookup !== undefined)
      .map((column) => `${column.name}LookupId`);
    const known = new Set([
      ...list.columnDefs.map((column) => column.name),
      ...lookups,
      'id',
      'ContentType',
      'Modified',
      'Created',
      'AuthorLookupId',
      'EditorLookupId',
    ]);
    return select.filter((name) => !known.has(name));
  }

  siteJson(): Record<string, unknown> {
    return {
      createdDateTime: '2019-03-12T08:15:27Z',
      description: 'Sociala vård- och omsorgsgruppen',
      id: this.site.id,
      lastModifiedDateTime: graphInstant(this.now().getTime()),
      name: this.site.path.split('/').pop(),
      webUrl: this.site.webUrl,
      displayName: this.site.displayName,
      root: {},
      siteCollection: { hostname: this.site.hostname },
    };
  }
}
