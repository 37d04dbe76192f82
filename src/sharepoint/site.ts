/**
 * Finds the forum's site and its lists in Graph, once: the site from SHAREPOINT_SITE_URL
 * (`GET /sites/{hostname}:/{path}`) or SHAREPOINT_SITE_ID, each list by id (GUID) or by display
 * name (`$filter=displayName eq '…'`), all lists in one `$batch`, each with its columns
 * (`$expand=columns`), so the app selects only columns the site has. The ids and columns are
 * cached; `forget()` drops them (after a 404).
 *
 * The balance list and the meetings list must exist. The forum's year's lists (ärenden, forum
 * profile, sections, actions) may not exist yet on a site provisioned before them: they are then reported
 * as missing (in the log when that changes) and everything else works as before. While some lists
 * or schema columns are missing, the lists are looked up again every `MISSING_LIST_RECHECK_MS`, so
 * what is provisioned while the app runs is picked up without a restart.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { SharePointOptions } from '../config';
import { SourceError } from '../errors';
import type { Logger } from '../logger';
import { FORUM_LIST_NAMES, LIST_NAMES, type CoreListName, type ForumListName, type ListName } from '../ports/list-source';
import { batchGetSettled, type Settled } from './graph-batch';
import { toSourceError } from './graph-errors';
import { COLUMNS_EXPAND, missingColumns } from './list-columns';
import type { GraphColumn } from './provision-columns';

export interface ResolvedList {
  id: string;
  displayName: string;
  webUrl: string;
  /**
   * The list's columns as the site has them, read with the look-up; null when Graph did not
   * send them (the app then selects every schema column, as before it read them).
   */
  columns: GraphColumn[] | null;
}

/** What the look-up found for one list: the list, none (not on the site), or why it could not tell. */
export type ListLookup = { list: ListName; found: ResolvedList } | { list: ListName; found: null } | { list: ListName; error: SourceError };

/** Every list's look-up, for `npm run doctor`: nothing is thrown for a list that is missing or denied. */
export interface SiteInspection {
  id: string;
  webUrl: string;
  lists: ListLookup[];
}

export interface ResolvedSite {
  id: string;
  webUrl: string;
  /** The lists found; the forum's year's lists only when they exist. */
  lists: Record<CoreListName, ResolvedList> & Partial<Record<ForumListName, ResolvedList>>;
  /** The forum's year's lists that do not exist on the site (not provisioned yet). */
  missing: ForumListName[];
}

/** How often a site with missing lists is looked at again (one `$batch` request each time). */
export const MISSING_LIST_RECHECK_MS = 10 * 60 * 1000;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The setting that names each list (for messages that say what to change). */
export const LIST_SETTING: Record<ListName, string> = {
  balance: 'SHAREPOINT_BALANCE_LIST',
  meetings: 'SHAREPOINT_MEETINGS_LIST',
  errands: 'SHAREPOINT_ERRANDS_LIST',
  forum: 'SHAREPOINT_FORUM_LIST',
  sections: 'SHAREPOINT_SECTIONS_LIST',
  actions: 'SHAREPOINT_ACTIONS_LIST',
};

const isForumList = (name: ListName): name is ForumListName => (FORUM_LIST_NAMES as readonly string[]).includes(name);

/** `https://contoso.sharepoint.com/sites/svom` → `/sites/contoso.sharepoint.com:/sites/svom`. */
export function sitePathFromUrl(siteUrl: string): string {
  const url = new URL(siteUrl);
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '') return `/sites/${url.hostname}`;
  const encoded = path
    .split('/')
    .map((segment) => encodeURIComponent(decodeURIComponent(segment)))
    .join('/');
  return `/sites/${url.hostname}:${encoded}`;
}

/**
 * The Graph path that finds a list by id or display name (OData quotes doubled), with its columns
 * (`withColumns`, the default), so the app learns which columns exist in the same request.
 */
export function listLookupPath(siteId: string, list: string, withColumns = true): string {
  const select = `$select=id,displayName,webUrl${withColumns ? `&$expand=${COLUMNS_EXPAND}` : ''}`;
  if (GUID.test(list)) return `/sites/${siteId}/lists/${list}?${select}`;
  const filter = encodeURIComponent(`displayName eq '${list.replace(/'/g, "''")}'`);
  return `/sites/${siteId}/lists?$filter=${filter}&${select}`;
}

export class SiteResolver {
  private resolved: ResolvedSite | null = null;
  private resolvedAt = 0;
  /** The missing lists as last logged, so the warning is given once, not on every look-up. */
  private reportedMissing = '';
  private pending: Promise<ResolvedSite> | null = null;
  private readonly log: Logger;
  private readonly now: () => number;

  constructor(
    private readonly client: Client,
    private readonly options: SharePointOptions,
    deps: { logger: Logger; now?: () => number },
  ) {
    this.log = deps.logger.child({ module: 'sharepoint-site' });
    this.now = deps.now ?? Date.now;
  }

  /** What the configuration names as the site, for messages. */
  describeSite(): string {
    return this.options.siteUrl ? `the site ${this.options.siteUrl}` : `the site with id ${this.options.siteId ?? '(none)'}`;
  }

  describeList(list: ListName): string {
    return `the list "${this.resolved?.lists[list]?.displayName ?? this.options.lists[list]}"`;
  }

  /** The site and its lists; looked up on the first call, then cached. */
  resolve(): Promise<ResolvedSite> {
    const incomplete =
      this.resolved !== null &&
      (this.resolved.missing.length > 0 || LIST_NAMES.some((name) => missingColumns(name, this.resolved?.lists[name]?.columns ?? null).length > 0));
    const recheck = incomplete && this.now() - this.resolvedAt >= MISSING_LIST_RECHECK_MS;
    if (this.resolved && !recheck) return Promise.resolve(this.resolved);
    this.pending ??= this.lookUp().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** Drops the cached ids, e.g. after a list was re-created. */
  forget(): void {
    this.resolved = null;
  }

  private async lookUp(): Promise<ResolvedSite> {
    // A look-up again for missing lists keeps the site found before.
    const site = this.resolved ? { id: this.resolved.id, webUrl: this.resolved.webUrl } : await this.lookUpSite();
    const lookups = await this.lookUpLists(site.id);
    const found: Partial<Record<ListName, ResolvedList>> = {};
    const missing: ForumListName[] = [];
    for (const lookup of lookups) {
      if ('error' in lookup) throw lookup.error;
      if (lookup.found !== null) found[lookup.list] = lookup.found;
      else if (isForumList(lookup.list)) missing.push(lookup.list);
      else throw this.notFound(lookup.list);
    }
    const lists = found as ResolvedSite['lists'];
    this.resolved = { id: site.id, webUrl: site.webUrl, lists, missing };
    this.resolvedAt = this.now();
    const missingNow = missing.join();
    if (missingNow === this.reportedMissing) return this.resolved;
    this.reportedMissing = missingNow;
    this.log.info(
      { siteId: site.id, lists: Object.fromEntries(Object.entries(found).map(([name, list]) => [name, list.id])) },
      'SharePoint site and lists found',
    );
    if (missing.length > 0) {
      this.log.warn(
        { missing: missing.map((name) => ({ list: this.options.lists[name], setting: LIST_SETTING[name] })) },
        'Some lists of the forum\'s year do not exist on the site; the balance list and meetings work without them. Create them with "npm run provision".',
      );
    }
    return this.resolved;
  }

  /**
   * The site and every list's look-up, as the app makes it (one `$batch`), without throwing for a
   * list that is missing or denied; throws only when the site itself cannot be read.
   */
  async inspect(): Promise<SiteInspection> {
    const site = await this.lookUpSite();
    return { ...site, lists: await this.lookUpLists(site.id) };
  }

  /** Every list's look-up with its columns, in one `$batch`. */
  private async lookUpLists(siteId: string): Promise<ListLookup[]> {
    const lookUp = (names: readonly ListName[], withColumns: boolean) =>
      batchGetSettled(
        this.client,
        names.map((name) => ({
          path: listLookupPath(siteId, this.options.lists[name], withColumns),
          context: { target: `the list "${this.options.lists[name]}" (${LIST_SETTING[name]}) on ${this.describeSite()}` },
        })),
      );
    const settled = await lookUp(LIST_NAMES, true);
    // Should Graph refuse the columns' $expand, the lists are looked up without them (one more
    // request, only then) and the app selects every schema column, as before it read them.
    const refused = LIST_NAMES.filter((_, index) => {
      const result = settled[index] as Settled;
      return !result.ok && result.error.status === 400;
    });
    if (refused.length > 0) {
      this.log.warn({ lists: refused }, "Graph refused to send the lists' columns with the look-up; reading every schema column instead");
      const again = await lookUp(refused, false);
      refused.forEach((name, index) => {
        settled[LIST_NAMES.indexOf(name)] = again[index] as Settled;
      });
    }
    return LIST_NAMES.map((name, index): ListLookup => {
      const result = settled[index] as Settled;
      // A list given by id answers 404 when it does not exist; by name, an empty result.
      if (!result.ok) return result.error.status === 404 ? { list: name, found: null } : { list: name, error: result.error };
      return { list: name, found: this.pickList(name, result.body) };
    });
  }

  private async lookUpSite(): Promise<{ id: string; webUrl: string }> {
    const path = this.options.siteUrl ? sitePathFromUrl(this.options.siteUrl) : `/sites/${this.options.siteId ?? ''}`;
    const setting = this.options.siteUrl ? 'SHAREPOINT_SITE_URL' : 'SHAREPOINT_SITE_ID';
    try {
      const site = (await this.client.api(path).select(['id', 'webUrl', 'displayName']).get()) as { id?: string; webUrl?: string };
      if (!site.id) throw new SourceError('graph-error', `Graph answered ${path} without a site id`);
      return { id: site.id, webUrl: site.webUrl ?? this.options.siteUrl ?? '' };
    } catch (error) {
      const mapped = toSourceError(error, { target: `${this.describeSite()} (${setting})` });
      if (mapped.code === 'not-found') {
        throw new SourceError(
          'not-found',
          `${mapped.message} Check ${setting}: it must name an existing SharePoint site the app has been granted access to.`,
          404,
          { cause: error },
        );
      }
      throw mapped;
    }
  }

  private notFound(name: ListName): SourceError {
    return new SourceError(
      'not-found',
      `The list "${this.options.lists[name]}" was not found on ${this.describeSite()}. Check ${LIST_SETTING[name]} (the list's display name or id), or create the lists with "npm run provision".`,
      404,
    );
  }

  /** The list in a lookup's answer; null when there is none. */
  private pickList(name: ListName, body: unknown): ResolvedList | null {
    const configured = this.options.lists[name];
    const candidates = GUID.test(configured) ? [body] : ((body as { value?: unknown[] } | null)?.value ?? []);
    const [first, ...rest] = candidates as Array<{ id?: string; displayName?: string; webUrl?: string; columns?: unknown }>;
    if (!first?.id) return null;
    if (rest.length > 0)
      this.log.warn(
        { list: configured, ids: candidates.map((candidate) => (candidate as { id?: string }).id) },
        'Several lists have this display name; using the first. Configure the list id to choose.',
      );
    const columns = Array.isArray(first.columns)
      ? (first.columns.filter((column) => typeof (column as { name?: unknown })?.name === 'string') as GraphColumn[])
      : null;
    return { id: first.id, displayName: first.displayName ?? configured, webUrl: first.webUrl ?? '', columns };
  }
}
