/**
 * A loopback fake of Microsoft Graph (the SharePoint list endpoints) and of the Entra ID token
 * endpoint, answering with the real response shapes. Tests and benchmarks point
 * `GRAPH_BASE_URL` at `baseUrl` and `AZURE_AUTHORITY_HOST` at `authorityHost`.
 *
 * - lists seeded from `{ id, fields }` items (the shape of `data/balanslista-2022.json`);
 *   date-only columns stored as Stockholm dates and returned as UTC instants, like SharePoint;
 * - items with eTags that change on every write, paging with `$top`/`$skiptoken`, delta rounds
 *   with `@odata.deltaLink`, deletions, optional duplicates, 410 when tokens expire;
 * - PATCH of fields with `If-Match` (412 on a stale eTag), POST and DELETE of items, `$batch`;
 * - the token endpoint (client credentials with secret or certificate, on-behalf-of with a hook);
 * - the site's user list ("User Information List", a system list listed with `$select=system`): a
 *   person by lookup id with `Title`, `Name` (the login claim), `EMail`, `UserName`, `ContentType`;
 * - change notifications on lists (`subscriptions`: create with validation, renew, delete, expiry,
 *   a notification on every change, lifecycle events on request; fake-graph/subscriptions.ts);
 * - a request log with bytes, fault injection (429 with Retry-After, 503, 504, any status,
 *   connection drops), and `route()` for other tests to add endpoints.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { BALANCE_LIST, LISTS, MEETINGS_LIST } from '../../src/lists/schema';
import { FORUM_LIST_NAMES, LIST_NAMES, type ListName } from '../../src/ports/list-source';
import { schemaColumns, type ColumnJson } from './fake-graph/columns';
import { fakeDrive, type FakeDrive } from './fake-graph/drive';
import { errors, graphError } from './fake-graph/errors';
import { graphRoutes, type Route } from './fake-graph/graph-routes';
import type { FederatedTrust } from './federated-trust';
import { FakeIdentity, type OnBehalfOfHook, type RefusalCode } from './fake-graph/identity';
import { FakeStore, type FakeListOptions, type StoredItem, type StoredList } from './fake-graph/store';
import { FakeSubscriptions } from './fake-graph/subscriptions';
import type { FakeHandler, FakeReply, FakeRequest, Principal } from './fake-graph/types';

export type { FakeHandler, FakeReply, FakeRequest, Principal } from './fake-graph/types';
export type { OnBehalfOfDecision, OnBehalfOfHook, RefusalCode } from './fake-graph/identity';
export type { FakeListOptions } from './fake-graph/store';
export type { Delivery, FakeSubscription, FakeSubscriptions } from './fake-graph/subscriptions';
export { stockholmMidnightAsUtc } from './fake-graph/dates';

export const FAKE_TENANT_ID = '8c2f4e1a-3b5d-4f6e-9a7b-1c2d3e4f5a6b';
export const FAKE_CLIENT_ID = '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a';
export const FAKE_CLIENT_SECRET = 'fake-client-secret-value';
export const FAKE_SITE_URL = 'https://contoso.sharepoint.com/sites/svom';

export interface FakeGraphOptions {
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** PEM certificate (public part) accepted for certificate credentials. */
  certificatePem?: string;
  /** Federated identity credentials on the app registration (a managed identity's tokens as client assertions). */
  federated?: FederatedTrust[];
  /** Access token lifetime in seconds (default 3599). */
  tokenLifetimeSeconds?: number;
  /** Create the lists of `src/lists/schema.ts` (default true). */
  withLists?: boolean;
  /**
   * With `withLists`, also create the forum's year's lists (ärenden, forum, sections); false
   * makes a site provisioned before they existed (default true).
   */
  withForumLists?: boolean;
  /**
   * Schema columns the lists made with `withLists` lack, e.g. `{ meetings: ['MeetingKey', …] }`:
   * a site whose lists predate those columns.
   */
  withoutColumns?: Partial<Record<ListName, string[]>>;
  /** The application permissions (roles) in the app's tokens (default `['Sites.Selected']`). */
  appRoles?: string[];
  /** Page size when no `$top` is given (default 200, like SharePoint). */
  defaultPageSize?: number;
  /** Largest page returned whatever `$top` asks (default 5000). */
  maxPageSize?: number;
  /** Decides on-behalf-of exchanges; default: a JWT assertion's `upn`/`preferred_username` is the user. */
  onBehalfOf?: OnBehalfOfHook;
  /** The fake's clock for timestamps and token lifetimes (default: the system clock). */
  now?: () => Date;
}

export interface RequestLogEntry {
  method: string;
  /** Path and query as sent, e.g. `/v1.0/sites/…/items/delta?token=…`. */
  path: string;
  status: number;
  requestBytes: number;
  responseBytes: number;
  /** `graph` for Graph calls (including `$batch`), `identity` for token and discovery calls. */
  kind: 'graph' | 'identity';
}

export interface Fault {
  status: number;
  /** How many requests get it (default 1). */
  count?: number;
  /** `Retry-After` value (seconds or an HTTP date); none when absent. */
  retryAfter?: number | string;
  /** Only requests whose method and path (below `/v1.0`) match; default: any Graph request. */
  match?: RegExp | ((method: string, path: string) => boolean);
  /** Custom error body (default: Graph's body for the status). */
  body?: unknown;
}

export type ListRef = ListName | string;

export interface SeedItem {
  id?: string | number;
  fields: Record<string, unknown>;
}

/** An item as a test sees it: what Graph would return, fields as stored. */
export interface FakeItem {
  id: string;
  eTag: string;
  webUrl: string;
  lastModifiedDateTime: string;
  fields: Record<string, unknown>;
}

/** A request carried inside a `$batch` call: method and path below `/v1.0`, the answer's status and the body sent. */
export interface BatchedRequest {
  method: string;
  path: string;
  status: number;
  body?: unknown;
}

export interface FakeGraph {
  /** Use as GRAPH_BASE_URL: `http://127.0.0.1:PORT/v1.0`. */
  readonly baseUrl: string;
  /** Use as AZURE_AUTHORITY_HOST: `http://127.0.0.1:PORT`. */
  readonly authorityHost: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Use as SHAREPOINT_SITE_URL. */
  readonly siteUrl: string;
  readonly siteId: string;
  /** Every HTTP exchange, in order (bytes are body bytes). */
  readonly requests: RequestLogEntry[];
  /** Requests carried inside `$batch` calls (method and path below `/v1.0`, status). */
  readonly batchedRequests: Array<BatchedRequest>;
  /** Token requests: grant type and whether a token was issued. */
  readonly tokenRequests: ReadonlyArray<{ grantType: string; ok: boolean }>;
  /** Graph requests only (no token or discovery calls). */
  graphRequests(): RequestLogEntry[];
  /** Change-notification subscriptions on the lists, and the notifications sent for them. */
  readonly subscriptions: FakeSubscriptions;
  resetLog(): void;

  addList(options: FakeListOptions): { id: string; displayName: string; webUrl: string };
  /** The list's column definitions (live: changes show in `…/columns` and `$expand=columns`); null when it reports none. */
  columnDefinitions(list: ListRef): ColumnJson[] | null;
  /** Replaces the list's column definitions (and the names its items accept). */
  setColumnDefinitions(list: ListRef, columns: ColumnJson[]): void;
  /** Removes a column from the list, as if it had never been created. */
  removeColumn(list: ListRef, name: string): void;
  removeList(list: ListRef): void;
  listInfo(list: ListRef): { id: string; displayName: string; webUrl: string };
  seed(list: ListRef, items: SeedItem[]): void;
  /** Seeds the lists from a `{ balance: [...], meetings: [...], errands?: [...], ... }` object. */
  seedAll(data: Partial<Record<ListName, SeedItem[]>>): void;
  addItem(list: ListRef, fields: Record<string, unknown>, id?: string): FakeItem;
  updateItem(list: ListRef, id: string, fields: Record<string, unknown>): FakeItem;
  deleteItem(list: ListRef, id: string): void;
  getItem(list: ListRef, id: string): FakeItem | null;
  itemCount(list: ListRef): number;
  /** The site's document library (default drive): its files, and someone editing one. */
  readonly drive: FakeDrive;
  /**
   * Adds a person to the site's user list (or finds them by name); returns the lookup id person
   * columns store. `upn`: the principal name in their login claim (default: the e-mail; null: none).
   */
  addUser(displayName: string, email?: string, options?: { upn?: string | null }): string;
  /** Adds a group to the site's user list (a person column may name one); returns its lookup id. */
  addGroup(displayName: string): string;
  /** Takes a person off the site's user list: person columns keep the id, Graph gives no name. */
  removeUser(lookupId: string): void;

  /** Makes the list's delta tokens invalid: the next round with one answers 410 resyncRequired. */
  expireDeltaTokens(list?: ListRef): void;
  /** Delta rounds list every change of an item, older states first (Graph may repeat items). */
  setDeltaDuplicates(on: boolean): void;
  /** Queue a fault for the next matching requests. */
  fail(fault: Fault): void;
  /** The next `count` Graph requests answer 429 with `Retry-After: retryAfter`. */
  throttle(count: number, retryAfter?: number | string): void;
  /** The next `count` Graph requests answer 503 (or `status`). */
  unavailable(count: number, status?: 503 | 504, retryAfter?: number): void;
  clearFaults(): void;
  /** While down, every connection is dropped without an answer. */
  down(): void;
  up(): void;
  /** What the app may do on the site: write (default), read only, or nothing (403). */
  setAccess(access: 'write' | 'read' | 'none'): void;
  /** On-behalf-of users who get 403 from the lists. */
  denyUser(user: string): void;
  /** This on-behalf-of user gets 403 from one list only (by display name), as a list with its own permissions. */
  denyUserOnList(user: string, list: string): void;
  allowUser(user: string): void;
  setOnBehalfOf(hook: OnBehalfOfHook): void;
  /** Invalidates every issued access token (Graph answers 401 until a new one is fetched). */
  expireTokens(): void;
  /** The application permissions (roles) in the app's next tokens; `[]`: none, as before admin consent. */
  setAppRoles(roles: string[]): void;
  /** The token endpoint refuses the app's client-credentials requests with this AADSTS code, until `null`. */
  refuseTokens(code: RefusalCode | null): void;

  /**
   * Adds an endpoint under `/v1.0` (checked before the built-in ones). `pattern` is a path with
   * `:name` segments (`/sites/:site/lists/:list/columns`) or a RegExp (groups become `params['1']`…).
   */
  route(method: string, pattern: string | RegExp, handler: FakeHandler): void;
  close(): Promise<void>;
}

function defaultOnBehalfOf(assertion: string): ReturnType<OnBehalfOfHook> {
  const payload = assertion.split('.')[1];
  try {
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const user = claims.upn ?? claims.preferred_username ?? claims.oid;
    if (typeof user === 'string') return { ok: true, user };
  } catch {
    // not a JWT: refused below
  }
  return { ok: false, error: 'invalid_grant', description: 'Assertion is not a valid JSON web token.' };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function compile(pattern: string | RegExp): { pattern: RegExp; names: string[] } {
  if (pattern instanceof RegExp) return { pattern, names: [] };
  const names: string[] = [];
  const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z]+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${source}$`), names };
}

export async function startFakeGraph(options: FakeGraphOptions = {}): Promise<FakeGraph> {
  const now = options.now ?? (() => new Date());
  const tenantId = options.tenantId ?? FAKE_TENANT_ID;
  const clientId = options.clientId ?? FAKE_CLIENT_ID;
  const clientSecret = options.clientSecret ?? FAKE_CLIENT_SECRET;
  const site = new URL(FAKE_SITE_URL);
  const store = new FakeStore(
    {
      id: `${site.hostname},3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b,6c7d8e9f-0a1b-4c2d-9e3f-4a5b6c7d8e9f`,
      hostname: site.hostname,
      path: site.pathname,
      webUrl: FAKE_SITE_URL,
      displayName: 'SVOM',
    },
    now,
  );
  const identity = new FakeIdentity({
    tenantId,
    clientId,
    clientSecret,
    certificatePem: options.certificatePem ?? null,
    federated: options.federated ?? [],
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3599,
    onBehalfOf: options.onBehalfOf ?? defaultOnBehalfOf,
    now,
    appRoles: options.appRoles ?? ['Sites.Selected'],
  });

  const keyed = new Map<string, string>();
  const URL_NAMES: Record<ListName, string> = {
    balance: 'Balanslista',
    meetings: 'Moten',
    errands: 'Arenden',
    forum: 'Forum',
    sections: 'Avsnitt',
    actions: 'Uppdrag',
  };
  const addSchemaList = (key: ListName) => {
    const definition = LISTS[key];
    const left = new Set(options.withoutColumns?.[key] ?? []);
    const columns = definition.columns.filter((column) => !left.has(column.name));
    const list = store.addList({
      displayName: definition.displayName,
      description: definition.description,
      name: URL_NAMES[key],
      columns: columns.map((column) => column.name),
      dateOnlyColumns: columns.filter((column) => column.type === 'dateOnly').map((column) => column.name),
      dateTimeColumns: columns.filter((column) => column.type === 'dateTime').map((column) => column.name),
      columnDefinitions: schemaColumns(columns),
      personColumns: columns.filter((column) => column.type === 'person').map((column) => column.name),
    });
    keyed.set(key, list.id);
  };
  if (options.withLists !== false) {
    addSchemaList('balance');
    addSchemaList('meetings');
    if (options.withForumLists !== false) for (const key of FORUM_LIST_NAMES) addSchemaList(key);
  }
  const listOf = (ref: ListRef): StoredList => {
    const list = store.findList(keyed.get(ref) ?? ref);
    if (!list) throw new Error(`The fake Graph has no list "${ref}"`);
    return list;
  };

  let baseUrl = '';
  let origin = '';
  let access: 'write' | 'read' | 'none' = 'write';
  let deltaDuplicates = false;
  let isDown = false;
  const deniedUsers = new Set<string>();
  const deniedOnList = new Set<string>();
  const faults: Array<Required<Pick<Fault, 'status' | 'count'>> & Fault> = [];
  const requests: RequestLogEntry[] = [];
  const batchedRequests: BatchedRequest[] = [];
  const custom: Route[] = [];
  const drive = fakeDrive({ siteWebUrl: FAKE_SITE_URL, siteId: store.site.id, clientId, now });
  const driveRoutes: Route[] = drive.routes.map((route) => ({
    ...route,
    names: [],
    // A read-only grant on the site reads the library but cannot write to it.
    handler: (request: FakeRequest) => (access === 'none' || (route.method !== 'GET' && access !== 'write') ? errors.accessDenied() : route.handler(request)),
  }));
  const subscriptions = new FakeSubscriptions({ store, now, tenantId, applicationId: clientId });
  const builtIn = graphRoutes(store, () => baseUrl, {
    defaultPageSize: options.defaultPageSize ?? 200,
    maxPageSize: options.maxPageSize ?? 5000,
    deltaDuplicates: () => deltaDuplicates,
    access: () => access,
    clientId,
    deniedUsers,
    deniedOnList,
  });

  const takeFault = (method: string, path: string): FakeReply | null => {
    const index = faults.findIndex((fault) => {
      if (!fault.match) return true;
      return fault.match instanceof RegExp ? fault.match.test(path) : fault.match(method, path);
    });
    const fault = faults[index];
    if (!fault) return null;
    fault.count -= 1;
    if (fault.count <= 0) faults.splice(index, 1);
    const retryAfter = fault.retryAfter === undefined ? null : String(fault.retryAfter);
    const reply =
      fault.status === 429
        ? errors.throttled(retryAfter)
        : fault.status === 503 || fault.status === 504
          ? errors.unavailable(fault.status, retryAfter)
          : graphError(
              fault.status,
              fault.status === 410 ? 'resyncRequired' : 'generalException',
              `Injected ${fault.status}`,
              retryAfter === null ? {} : { 'Retry-After': retryAfter },
            );
    return fault.body === undefined ? reply : { ...reply, body: fault.body };
  };

  /** Runs one Graph request (top level or inside `$batch`). */
  const dispatch = async (
    request: Omit<FakeRequest, 'params' | 'principal'> & { authorization: string | undefined; principal?: Principal | null },
  ): Promise<FakeReply> => {
    const fault = takeFault(request.method, request.path);
    if (fault) return fault;
    let principal = request.principal ?? null;
    if (!principal) {
      const checked = identity.check(request.authorization);
      if (checked === 'missing') return errors.noToken();
      if (checked === 'invalid') return errors.badToken();
      if (checked === 'expired') return errors.expiredToken();
      principal = checked;
    }
    if (request.method === 'POST' && request.path === '/$batch' && !request.inBatch) return batch(request.body, request.authorization, principal);
    if (principal.kind === 'app' && (principal.roles ?? []).length === 0)
      return graphError(401, 'InvalidAuthenticationToken', 'Either scp or roles claim need to be present in the token.');
    // An app token with application permissions, none of them for sites, reaches no site.
    if (principal.kind === 'app' && request.path.startsWith('/sites') && !(principal.roles ?? []).some((role) => role.startsWith('Sites.')))
      return errors.accessDenied();
    for (const route of [...custom, ...builtIn, ...driveRoutes, ...subscriptions.routes()]) {
      if (route.method !== request.method) continue;
      const match = route.pattern.exec(request.path);
      if (!match) continue;
      const params: Record<string, string> = {};
      match.slice(1).forEach((value, index) => {
        params[route.names[index] ?? String(index + 1)] = value;
      });
      return route.handler({ ...request, params, principal });
    }
    return errors.noRoute(request.method, request.path);
  };

  /** JSON batching: up to 20 requests, each answered on its own (no dependsOn ordering needed here). */
  const batch = async (body: unknown, authorization: string | undefined, principal: Principal): Promise<FakeReply> => {
    const list = (body as { requests?: unknown } | undefined)?.requests;
    if (!Array.isArray(list) || list.length === 0) return errors.badRequest('Invalid batch payload format.');
    if (list.length > 20) return errors.badRequest('The number of requests in the batch exceeds the limit of 20.');
    const responses = [];
    for (const entry of list as Array<{ id: string; method: string; url: string; headers?: Record<string, string>; body?: unknown }>) {
      const url = new URL(entry.url.startsWith('/') ? entry.url : `/${entry.url}`, 'http://batch');
      const headers = Object.fromEntries(Object.entries(entry.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
      const reply = await dispatch({
        method: entry.method.toUpperCase(),
        path: decodeURIComponent(url.pathname),
        query: url.searchParams,
        headers,
        body: entry.body,
        inBatch: true,
        authorization,
        principal,
      });
      batchedRequests.push({ method: entry.method.toUpperCase(), path: `${url.pathname}${url.search}`, status: reply.status, body: entry.body });
      responses.push({
        id: entry.id,
        status: reply.status,
        headers: { 'Content-Type': 'application/json; charset=utf-8', ...(reply.headers ?? {}) },
        ...(reply.body === undefined ? {} : { body: reply.body }),
      });
    }
    return { status: 200, body: { responses } };
  };

  const identityRoute = async (method: string, url: URL, raw: Buffer, host: string): Promise<FakeReply | null> => {
    const path = url.pathname;
    if (method === 'GET' && path === '/common/discovery/instance') return identity.instanceDiscovery(host);
    let match = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    // Entra's documents always name https endpoints (msal checks the issuer's scheme); clients of a
    // loopback fake talk http to the same host and port.
    if (method === 'GET' && match?.[1]) return identity.openIdConfiguration(`https://${host}`, match[1]);
    match = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    if (method === 'POST' && match?.[1]) return identity.token(match[1], new URLSearchParams(raw.toString('utf8')), `https://${host}${path}`);
    return null;
  };

  const send = (response: ServerResponse, reply: FakeReply): number => {
    const payload = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    const headers: Record<string, string> = { ...(reply.headers ?? {}) };
    if (payload && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
    }
    const bytes = Buffer.byteLength(payload);
    headers['Content-Length'] = String(bytes);
    response.writeHead(reply.status, headers);
    response.end(payload);
    return bytes;
  };

  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    void (async () => {
      const raw = await readBody(request);
      if (isDown) {
        request.socket.destroy();
        return;
      }
      const url = new URL(request.url ?? '/', origin);
      const method = (request.method ?? 'GET').toUpperCase();
      let kind: RequestLogEntry['kind'] = 'graph';
      let reply: FakeReply;
      try {
        const identityReply = await identityRoute(method, url, raw, request.headers.host ?? '');
        if (identityReply) {
          kind = 'identity';
          reply = identityReply;
        } else if (url.pathname.startsWith('/v1.0/') || url.pathname === '/v1.0') {
          let body: unknown;
          if (raw.length > 0) {
            try {
              body = JSON.parse(raw.toString('utf8'));
            } catch {
              body = undefined;
            }
          }
          reply = await dispatch({
            method,
            path: decodeURIComponent(url.pathname.slice('/v1.0'.length)),
            query: url.searchParams,
            headers: request.headers,
            body,
            raw,
            inBatch: false,
            authorization: request.headers.authorization,
          });
        } else {
          reply = errors.noRoute(method, url.pathname);
        }
      } catch (error) {
        reply = graphError(500, 'generalException', error instanceof Error ? error.message : String(error));
      }
      const responseBytes = send(response, reply);
      requests.push({ method, path: request.url ?? '/', status: reply.status, requestBytes: raw.length, responseBytes, kind });
    })();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  baseUrl = `${origin}/v1.0`;

  const toFakeItem = (list: StoredList, item: StoredItem): FakeItem => ({
    id: item.id,
    eTag: store.eTag(item),
    webUrl: store.itemWebUrl(list, item),
    lastModifiedDateTime: item.lastModifiedDateTime,
    fields: structuredClone(item.fields),
  });
  const itemOf = (list: StoredList, id: string): StoredItem => {
    const item = list.items.get(id);
    if (!item || item.deleted) throw new Error(`The fake list "${list.displayName}" has no item ${id}`);
    return item;
  };
  const info = (list: StoredList) => ({ id: list.id, displayName: list.displayName, webUrl: list.webUrl });

  return {
    baseUrl,
    authorityHost: origin,
    tenantId,
    clientId,
    clientSecret,
    siteUrl: FAKE_SITE_URL,
    siteId: store.site.id,
    requests,
    batchedRequests,
    tokenRequests: identity.tokenRequests,
    graphRequests: () => requests.filter((entry) => entry.kind === 'graph'),
    subscriptions,
    resetLog: () => {
      requests.length = 0;
      batchedRequests.length = 0;
      identity.tokenRequests.length = 0;
    },
    addList: (listOptions) => info(store.addList(listOptions)),
    columnDefinitions: (ref) => listOf(ref).columnDefs,
    setColumnDefinitions: (ref, columns) => {
      const list = listOf(ref);
      list.columnDefs = columns;
      list.columns = new Set(columns.map((column) => column.name));
    },
    removeColumn: (ref, name) => {
      const list = listOf(ref);
      list.columnDefs = list.columnDefs?.filter((column) => column.name !== name) ?? null;
      list.columns?.delete(name);
    },
    removeList: (ref) => {
      const list = listOf(ref);
      store.lists.delete(list.id);
      for (const [key, id] of keyed) if (id === list.id) keyed.delete(key);
    },
    listInfo: (ref) => info(listOf(ref)),
    seed: (ref, items) => {
      const list = listOf(ref);
      for (const item of items) store.addItem(list, item.fields, item.id === undefined ? undefined : String(item.id));
    },
    seedAll: (data) => {
      for (const key of LIST_NAMES) {
        for (const item of data[key] ?? []) store.addItem(listOf(key), item.fields, item.id === undefined ? undefined : String(item.id));
      }
    },
    addItem: (ref, fields, id) => {
      const list = listOf(ref);
      return toFakeItem(list, store.addItem(list, fields, id));
    },
    updateItem: (ref, id, fields) => {
      const list = listOf(ref);
      return toFakeItem(list, store.updateItem(list, itemOf(list, id), fields));
    },
    deleteItem: (ref, id) => {
      const list = listOf(ref);
      store.deleteItem(list, itemOf(list, id));
    },
    getItem: (ref, id) => {
      const list = listOf(ref);
      const item = list.items.get(id);
      return item && !item.deleted ? toFakeItem(list, item) : null;
    },
    itemCount: (ref) => store.liveItems(listOf(ref)).length,
    drive,
    addUser: (displayName, email, userOptions) => {
      const user = store.ensureUser(displayName, email);
      if (userOptions && 'upn' in userOptions) user.upn = userOptions.upn;
      return user.lookupId;
    },
    addGroup: (displayName) => store.addGroup(displayName).lookupId,
    removeUser: (lookupId) => store.removeUser(lookupId),
    expireDeltaTokens: (ref) => {
      for (const list of ref === undefined ? store.lists.values() : [listOf(ref)]) list.epoch += 1;
    },
    setDeltaDuplicates: (on) => {
      deltaDuplicates = on;
    },
    fail: (fault) => {
      faults.push({ ...fault, count: fault.count ?? 1 });
    },
    throttle: (count, retryAfter = 0) => {
      faults.push({ status: 429, count, retryAfter });
    },
    unavailable: (count, status = 503, retryAfter) => {
      faults.push({ status, count, ...(retryAfter === undefined ? {} : { retryAfter }) });
    },
    clearFaults: () => {
      faults.length = 0;
    },
    down: () => {
      isDown = true;
      for (const socket of sockets) socket.destroy();
    },
    up: () => {
      isDown = false;
    },
    setAccess: (value) => {
      access = value;
    },
    denyUser: (user) => {
      deniedUsers.add(user);
    },
    denyUserOnList: (user, list) => {
      deniedOnList.add(`${user}\u0000${list}`);
    },
    allowUser: (user) => {
      deniedUsers.delete(user);
      for (const key of [...deniedOnList]) if (key.startsWith(`${user}\u0000`)) deniedOnList.delete(key);
    },
    setOnBehalfOf: (hook) => identity.setOnBehalfOf(hook),
    expireTokens: () => identity.expireTokens(),
    setAppRoles: (roles) => identity.setAppRoles(roles),
    refuseTokens: (code) => identity.refuse(code),
    route: (method, pattern, handler) => {
      const compiled = compile(pattern);
      custom.unshift({ method: method.toUpperCase(), ...compiled, handler });
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The schema's default list display names, for tests that configure the app. */
export const FAKE_LIST_NAMES: Record<ListName, string> = {
  balance: BALANCE_LIST.displayName,
  meetings: MEETINGS_LIST.displayName,
  errands: LISTS.errands.displayName,
  forum: LISTS.forum.displayName,
  sections: LISTS.sections.displayName,
  actions: LISTS.actions.displayName,
};
