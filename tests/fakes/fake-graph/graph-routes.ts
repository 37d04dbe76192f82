/**
 * The Graph endpoints the app uses on a SharePoint site: the site by path or id, lists by id,
 * title or `$filter=displayName eq '…'`, items with `$expand=fields($select=…)` and `$top` paging,
 * delta (initial round, `token=latest`, change rounds, 410 when a token has expired), and item
 * create, read, update (`If-Match`) and delete.
 */
import { errors } from './errors';
import { USER_LIST_ID, type FakeStore, type StoredItem, type StoredList } from './store';
import type { FakeReply, FakeRequest } from './types';

export interface GraphRouteOptions {
  /** Page size when a request gives no `$top` (SharePoint's is 200). */
  defaultPageSize: number;
  /** Largest page the fake returns whatever `$top` asks for. */
  maxPageSize: number;
  /** When true, a change round lists every change of an item (older states first), not just the last. */
  deltaDuplicates: () => boolean;
  /** Access the app has on the site. */
  access: () => 'write' | 'read' | 'none';
  /** The app's client id (its grant on the site is listed under /permissions). */
  clientId: string;
  /** Users the site does not share the lists with (on-behalf-of callers). */
  deniedUsers: Set<string>;
  /** `user\u0000list display name`: users one list is not shared with. */
  deniedOnList: Set<string>;
}

export type Route = { method: string; pattern: RegExp; names: string[]; handler: (request: FakeRequest) => FakeReply | Promise<FakeReply> };

interface DeltaToken {
  /** i: initial enumeration page, c: change round page, d: a delta link (changes after `since`). */
  k: 'i' | 'c' | 'd';
  e: number;
  since: number;
  upto: number;
  skip: number;
}

const encodeToken = (token: DeltaToken) => Buffer.from(JSON.stringify(token)).toString('base64url');
function decodeToken(text: string): DeltaToken | null {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as DeltaToken;
    return typeof token.k === 'string' && typeof token.e === 'number' ? token : null;
  } catch {
    return null;
  }
}

/** `fields($select=Title,EntryKey)` → { fields: true, select: [...] }. */
function parseExpand(expand: string | null): { fields: boolean; select: string[] | null } {
  if (!expand) return { fields: false, select: null };
  const match = /(?:^|,)\s*fields\s*(?:\(\s*\$select\s*=\s*([^)]*)\))?/i.exec(expand);
  if (!match) return { fields: false, select: null };
  const select = match[1]
    ? match[1]
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean)
    : null;
  return { fields: true, select };
}

/** `columns($select=name,choice)` in a list's `$expand` → { select: [...] }; null when columns are not expanded. */
function parseColumnsExpand(expand: string | null): { select: string[] | null } | null {
  const match = expand ? /(?:^|,)\s*columns\s*(?:\(\s*\$select\s*=\s*([^)]*)\))?/i.exec(expand) : null;
  if (!match) return null;
  return {
    select: match[1]
      ? match[1]
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean)
      : null,
  };
}

export function graphRoutes(store: FakeStore, baseUrl: () => string, options: GraphRouteOptions): Route[] {
  const routes: Route[] = [];
  const add = (method: string, pattern: string, handler: Route['handler']) => {
    const names: string[] = [];
    const source = pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    routes.push({ method, pattern: new RegExp(`^${source}$`), names, handler });
  };

  const siteMatches = (site: string) => {
    const wanted = decodeURIComponent(site).toLowerCase();
    return wanted === store.site.id.toLowerCase() || wanted === store.site.hostname.toLowerCase();
  };

  /** Checks the caller and finds the list, or answers the error. */
  const resolve = (request: FakeRequest, write: boolean): { list: StoredList } | { reply: FakeReply } => {
    const principal = request.principal;
    if (principal?.kind === 'user' && options.deniedUsers.has(principal.name)) return { reply: errors.accessDenied() };
    const access = options.access();
    if (access === 'none' || (write && access !== 'write')) return { reply: errors.accessDenied() };
    if (!siteMatches(request.params.site ?? '')) return { reply: errors.siteNotFound() };
    const list = store.findList(decodeURIComponent(request.params.list ?? ''));
    if (!list) return { reply: errors.listNotFound() };
    if (principal?.kind === 'user' && options.deniedOnList.has(`${principal.name}\u0000${list.displayName}`)) return { reply: errors.accessDenied() };
    return { list };
  };

  const pageSize = (request: FakeRequest) => {
    const top = Number(request.query.get('$top') ?? options.defaultPageSize);
    return Math.max(1, Math.min(Number.isFinite(top) ? top : options.defaultPageSize, options.maxPageSize));
  };

  const collection = (context: string, value: unknown[], links: Record<string, string>): FakeReply => ({
    status: 200,
    body: { '@odata.context': `${baseUrl()}/$metadata#${context}`, ...links, value },
  });

  // The site by server-relative path: /sites/{hostname}:/{path}
  routes.push({
    method: 'GET',
    pattern: /^\/sites\/([^/:]+):(\/.*?):?$/,
    names: ['hostname', 'path'],
    handler: (request) => {
      if (options.access() === 'none') return errors.accessDenied();
      const hostname = (request.params.hostname ?? '').toLowerCase();
      const path = (request.params.path ?? '').replace(/\/+$/, '').toLowerCase();
      if (hostname !== store.site.hostname.toLowerCase() || path !== store.site.path.toLowerCase()) return errors.siteNotFound();
      return { status: 200, body: { '@odata.context': `${baseUrl()}/$metadata#sites/$entity`, ...store.siteJson() } };
    },
  });

  add('GET', '/sites/:site', (request) => {
    if (options.access() === 'none') return errors.accessDenied();
    if (!siteMatches(request.params.site ?? '')) return errors.siteNotFound();
    return { status: 200, body: { '@odata.context': `${baseUrl()}/$metadata#sites/$entity`, ...store.siteJson() } };
  });

  // The site's app grants (Sites.Selected). Listing them needs Sites.FullControl.All, as Graph
  // documents; the list leaves the roles out, one permission read gives them.
  const grantId = 'aTowaS50fG1zLnNwLmV4dHwwZDllOGY3YS02YjVjLTRkM2UtOGYyYS0xYjBjOWQ4ZTdmNmFAOGMyZjRlMWE';
  const grant = (withRoles: boolean) => {
    const identity = { application: { id: options.clientId, displayName: 'Balanslistan' } };
    return {
      id: grantId,
      ...(withRoles ? { roles: [options.access()] } : {}),
      grantedToIdentitiesV2: [identity],
      grantedToIdentities: [identity],
    };
  };
  const mayListGrants = (request: FakeRequest) => request.principal?.kind === 'app' && (request.principal.roles ?? []).includes('Sites.FullControl.All');
  add('GET', '/sites/:site/permissions', (request) => {
    if (!mayListGrants(request)) return errors.accessDenied();
    if (!siteMatches(request.params.site ?? '')) return errors.siteNotFound();
    return collection(`sites('${store.site.id}')/permissions`, options.access() === 'none' ? [] : [grant(false)], {});
  });
  add('GET', '/sites/:site/permissions/:permission', (request) => {
    if (!mayListGrants(request)) return errors.accessDenied();
    if (!siteMatches(request.params.site ?? '') || request.params.permission !== grantId || options.access() === 'none') return errors.itemNotFound();
    return { status: 200, body: { '@odata.context': `${baseUrl()}/$metadata#sites('${store.site.id}')/permissions/$entity`, ...grant(true) } };
  });

  add('GET', '/sites/:site/lists', (request) => {
    if (options.access() === 'none') return errors.accessDenied();
    if (!siteMatches(request.params.site ?? '')) return errors.siteNotFound();
    let lists = [...store.lists.values()];
    const filter = request.query.get('$filter');
    if (filter) {
      const match = /^\s*displayName\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(filter);
      if (!match) return errors.badRequest(`Invalid filter clause: ${filter}`);
      const name = (match[1] ?? '').replace(/''/g, "'");
      lists = lists.filter((list) => list.displayName === name);
    }
    const columns = parseColumnsExpand(request.query.get('$expand')) ?? undefined;
    const select = request.query
      .get('$select')
      ?.split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    let value = lists.map((list) => store.listJson(list, columns));
    // System lists (the user list among them) are listed only when `system` is selected.
    if (select?.includes('system') && !filter) value.push(store.userListJson());
    if (select) value = value.map((list) => Object.fromEntries(Object.entries(list).filter(([name]) => select.includes(name) || name === 'columns')));
    return collection(`sites('${store.site.id}')/lists`, value, {});
  });

  // The site's user list ("User Information List"): one person by the lookup id person columns store.
  routes.push({
    method: 'GET',
    pattern: new RegExp(`^/sites/([^/]+)/lists/(${USER_LIST_ID}|User%20Information%20List)/items/([^/]+)$`, 'i'),
    names: ['site', 'list', 'item'],
    handler: (request) => userItem(request),
  });
  routes.push({
    method: 'GET',
    pattern: new RegExp(`^/sites/([^/]+)/lists/(${USER_LIST_ID}|User%20Information%20List)/items$`, 'i'),
    names: ['site', 'list'],
    handler: (request) => {
      if (options.access() === 'none') return errors.accessDenied();
      if (!siteMatches(request.params.site ?? '')) return errors.siteNotFound();
      const select = parseExpand(request.query.get('$expand')).select;
      const value = [...store.users.keys()].slice(0, pageSize(request)).map((id) => store.userItemJson(id, select, baseUrl()));
      return collection(`sites('${store.site.id}')/lists('${USER_LIST_ID}')/items`, value, {});
    },
  });
  const userItem = (request: FakeRequest): FakeReply => {
    if (options.access() === 'none') return errors.accessDenied();
    if (!siteMatches(request.params.site ?? '')) return errors.siteNotFound();
    const item = store.userItemJson(request.params.item ?? '', parseExpand(request.query.get('$expand')).select, baseUrl());
    if (!item) return errors.itemNotFound();
    return { status: 200, body: { '@odata.context': `${baseUrl()}/$metadata#sites('${store.site.id}')/lists('${USER_LIST_ID}')/items/$entity`, ...item } };
  };

  add('GET', '/sites/:site/lists/:list', (request) => {
    const found = resolve(request, false);
    if ('reply' in found) return found.reply;
    const columns = parseColumnsExpand(request.query.get('$expand')) ?? undefined;
    return {
      status: 200,
      body: { '@odata.context': `${baseUrl()}/$metadata#sites('${store.site.id}')/lists/$entity`, ...store.listJson(found.list, columns) },
    };
  });

  add('GET', '/sites/:site/lists/:list/items', (request) => {
    const found = resolve(request, false);
    if ('reply' in found) return found.reply;
    const { list } = found;
    const expand = parseExpand(request.query.get('$expand'));
    const unknown = store.unknownSelected(found.list, expand.select);
    if (unknown.length > 0) return errors.badRequest(`Column '${unknown[0]}' does not exist. It may have been deleted by another user.`);
    const top = pageSize(request);
    const skiptoken = request.query.get('$skiptoken');
    const afterId = skiptoken ? Number(/p_ID=(\d+)/.exec(Buffer.from(skiptoken, 'base64').toString('utf8'))?.[1] ?? 0) : 0;
    const remaining = store.liveItems(list).filter((item) => Number(item.id) > afterId);
    const page = remaining.slice(0, top);
    const links: Record<string, string> = {};
    if (remaining.length > top) {
      const next = new URLSearchParams(request.query);
      next.set('$skiptoken', Buffer.from(`Paged=TRUE&p_ID=${page[page.length - 1]?.id ?? 0}`).toString('base64'));
      next.set('$top', String(top));
      links['@odata.nextLink'] = `${baseUrl()}${request.path}?${decodeURIComponent(next.toString())}`;
    }
    return collection(
      `sites('${store.site.id}')/lists('${list.id}')/items`,
      page.map((item) => store.itemJson(list, item, expand, baseUrl())),
      links,
    );
  });

  add('GET', '/sites/:site/lists/:list/items/delta', (request) => {
    const found = resolve(request, false);
    if ('reply' in found) return found.reply;
    const { list } = found;
    const expand = parseExpand(request.query.get('$expand'));
    const unknown = store.unknownSelected(found.list, expand.select);
    if (unknown.length > 0) return errors.badRequest(`Column '${unknown[0]}' does not exist. It may have been deleted by another user.`);
    const top = pageSize(request);
    const link = (token: DeltaToken) => {
      const query = new URLSearchParams(request.query);
      query.set('token', encodeToken(token));
      return `${baseUrl()}${request.path}?${decodeURIComponent(query.toString())}`;
    };
    const raw = request.query.get('token');
    if (raw === 'latest')
      return collection(`sites('${store.site.id}')/lists('${list.id}')/items`, [], {
        '@odata.deltaLink': link({ k: 'd', e: list.epoch, since: list.seq, upto: list.seq, skip: 0 }),
      });

    let token: DeltaToken = { k: 'i', e: list.epoch, since: 0, upto: list.seq, skip: 0 };
    if (raw !== null) {
      const decoded = decodeToken(raw);
      if (!decoded) return errors.badRequest('Invalid delta token.');
      if (decoded.e !== list.epoch) {
        const fresh = new URLSearchParams(request.query);
        fresh.delete('token');
        const query = decodeURIComponent(fresh.toString());
        return errors.resync(`${baseUrl()}${request.path}${query ? `?${query}` : ''}`);
      }
      token = decoded.k === 'd' ? { k: 'c', e: list.epoch, since: decoded.since, upto: list.seq, skip: 0 } : decoded;
    }

    let entries: Array<{ item: StoredItem; current: StoredItem }>;
    if (token.k === 'i') {
      entries = store.liveItems(list).map((item) => ({ item, current: item }));
    } else {
      const changes = list.log.filter((entry) => entry.seq > token.since && entry.seq <= token.upto);
      if (options.deltaDuplicates()) {
        entries = changes.map((entry) => ({ item: entry.item, current: entry.item }));
      } else {
        const latest = new Map<string, number>();
        for (const entry of changes) latest.set(entry.item.id, entry.seq);
        entries = changes.filter((entry) => latest.get(entry.item.id) === entry.seq).map((entry) => ({ item: entry.item, current: entry.item }));
      }
    }
    const page = entries.slice(token.skip, token.skip + top);
    const value = page.map(({ item }) => (item.deleted ? store.tombstoneJson(item) : store.itemJson(list, item, expand, baseUrl())));
    const more = entries.length > token.skip + top;
    const links: Record<string, string> = more
      ? { '@odata.nextLink': link({ ...token, skip: token.skip + top }) }
      : { '@odata.deltaLink': link({ k: 'd', e: list.epoch, since: token.upto, upto: token.upto, skip: 0 }) };
    return collection(`sites('${store.site.id}')/lists('${list.id}')/items`, value, links);
  });

  add('GET', '/sites/:site/lists/:list/items/:item', (request) => {
    const found = resolve(request, false);
    if ('reply' in found) return found.reply;
    const item = found.list.items.get(request.params.item ?? '');
    if (!item || item.deleted) return errors.itemNotFound();
    const expand = parseExpand(request.query.get('$expand'));
    const unknown = store.unknownSelected(found.list, expand.select);
    if (unknown.length > 0) return errors.badRequest(`Column '${unknown[0]}' does not exist. It may have been deleted by another user.`);
    return {
      status: 200,
      body: {
        '@odata.context': `${baseUrl()}/$metadata#sites('${store.site.id}')/lists('${found.list.id}')/items/$entity`,
        ...store.itemJson(found.list, item, expand, baseUrl()),
      },
    };
  });

  // A person column is written by its lookup id (`<Name>LookupId`), never by a name.
  const unknownColumns = (list: StoredList, fields: Record<string, unknown>) =>
    Object.keys(fields).filter((name) => !name.includes('@') && (list.person.has(name) || (list.columns !== null && !list.columns.has(name))));

  add('POST', '/sites/:site/lists/:list/items', (request) => {
    const found = resolve(request, true);
    if ('reply' in found) return found.reply;
    const body = request.body as { fields?: Record<string, unknown> } | undefined;
    if (!body?.fields || typeof body.fields !== 'object') return errors.badRequest('The request body must contain fields.');
    const unknown = unknownColumns(found.list, body.fields);
    if (unknown.length > 0) return errors.badRequest(`Field '${unknown[0]}' is not recognized`);
    const item = store.addItem(found.list, body.fields);
    return {
      status: 201,
      body: {
        '@odata.context': `${baseUrl()}/$metadata#sites('${store.site.id}')/lists('${found.list.id}')/items/$entity`,
        ...store.itemJson(found.list, item, { fields: true, select: null }, baseUrl()),
      },
    };
  });

  add('PATCH', '/sites/:site/lists/:list/items/:item/fields', (request) => {
    const found = resolve(request, true);
    if ('reply' in found) return found.reply;
    const item = found.list.items.get(request.params.item ?? '');
    if (!item || item.deleted) return errors.itemNotFound();
    const ifMatch = request.headers['if-match'];
    const sent = Array.isArray(ifMatch) ? ifMatch[0] : ifMatch;
    const current = store.eTag(item);
    const normalize = (tag: string) => tag.replace(/^W\//, '').replace(/["{}]/g, '').toLowerCase();
    if (sent && sent !== '*' && normalize(sent) !== normalize(current)) return errors.preconditionFailed(sent, current);
    const fields = request.body as Record<string, unknown> | undefined;
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return errors.badRequest('The request body must be a fieldValueSet object.');
    const unknown = unknownColumns(found.list, fields);
    if (unknown.length > 0) return errors.badRequest(`Field '${unknown[0]}' is not recognized`);
    store.updateItem(found.list, item, fields);
    return {
      status: 200,
      body: {
        '@odata.context': `${baseUrl()}/$metadata#sites('${store.site.id}')/lists('${found.list.id}')/items('${item.id}')/fields/$entity`,
        ...store.fieldsOf(found.list, item, null),
      },
    };
  });

  add('DELETE', '/sites/:site/lists/:list/items/:item', (request) => {
    const found = resolve(request, true);
    if ('reply' in found) return found.reply;
    const item = found.list.items.get(request.params.item ?? '');
    if (!item || item.deleted) return errors.itemNotFound();
    store.deleteItem(found.list, item);
    return { status: 204 };
  });

  return routes;
}
