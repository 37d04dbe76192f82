/**
 * Finds the forum's site and its two lists in Graph, once: the site from SHAREPOINT_SITE_URL
 * (`GET /sites/{hostname}:/{path}`) or SHAREPOINT_SITE_ID, each list by id (GUID) or by display
 * name (`$filter=displayName eq '…'`). The ids are cached; `forget()` drops them (after a 404).
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { SharePointOptions } from '../config';
import { SourceError } from '../errors';
import type { Logger } from '../logger';
import type { ListName } from '../ports/list-source';
import { batchGet } from './graph-batch';
import { toSourceError } from './graph-errors';

export interface ResolvedList {
  id: string;
  displayName: string;
  webUrl: string;
}

export interface ResolvedSite {
  id: string;
  webUrl: string;
  lists: Record<ListName, ResolvedList>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIST_SETTING: Record<ListName, string> = { balance: 'SHAREPOINT_BALANCE_LIST', meetings: 'SHAREPOINT_MEETINGS_LIST' };

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

/** The Graph path that finds a list by id or display name (OData quotes doubled). */
export function listLookupPath(siteId: string, list: string): string {
  const select = '$select=id,displayName,webUrl';
  if (GUID.test(list)) return `/sites/${siteId}/lists/${list}?${select}`;
  const filter = encodeURIComponent(`displayName eq '${list.replace(/'/g, "''")}'`);
  return `/sites/${siteId}/lists?$filter=${filter}&${select}`;
}

export class SiteResolver {
  private resolved: ResolvedSite | null = null;
  private pending: Promise<ResolvedSite> | null = null;
  private readonly log: Logger;

  constructor(
    private readonly client: Client,
    private readonly options: SharePointOptions,
    deps: { logger: Logger },
  ) {
    this.log = deps.logger.child({ module: 'sharepoint-site' });
  }

  /** What the configuration names as the site, for messages. */
  describeSite(): string {
    return this.options.siteUrl ? `the site ${this.options.siteUrl}` : `the site with id ${this.options.siteId ?? '(none)'}`;
  }

  describeList(list: ListName): string {
    return `the list "${this.resolved?.lists[list].displayName ?? this.options.lists[list]}"`;
  }

  /** The site and its lists; looked up on the first call, then cached. */
  resolve(): Promise<ResolvedSite> {
    if (this.resolved) return Promise.resolve(this.resolved);
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
    const site = await this.lookUpSite();
    const names: ListName[] = ['balance', 'meetings'];
    const bodies = await batchGet(
      this.client,
      names.map((name) => ({
        path: listLookupPath(site.id, this.options.lists[name]),
        context: { target: `the list "${this.options.lists[name]}" (${LIST_SETTING[name]}) on ${this.describeSite()}` },
      })),
    );
    const lists = {} as Record<ListName, ResolvedList>;
    names.forEach((name, index) => {
      lists[name] = this.pickList(name, bodies[index]);
    });
    this.resolved = { id: site.id, webUrl: site.webUrl, lists };
    this.log.info({ siteId: site.id, lists: Object.fromEntries(names.map((name) => [name, lists[name].id])) }, 'SharePoint site and lists found');
    return this.resolved;
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
        throw new SourceError('not-found', `${mapped.message} Check ${setting}: it must name an existing SharePoint site the app has been granted access to.`, 404, { cause: error });
      }
      throw mapped;
    }
  }

  private pickList(name: ListName, body: unknown): ResolvedList {
    const configured = this.options.lists[name];
    const candidates = GUID.test(configured) ? [body] : ((body as { value?: unknown[] }).value ?? []);
    const [first, ...rest] = candidates as Array<{ id?: string; displayName?: string; webUrl?: string }>;
    if (!first?.id) {
      throw new SourceError(
        'not-found',
        `The list "${configured}" was not found on ${this.describeSite()}. Check ${LIST_SETTING[name]} (the list's display name or id), or create the lists with "npm run provision".`,
        404,
      );
    }
    if (rest.length > 0) this.log.warn({ list: configured, ids: candidates.map((candidate) => (candidate as { id?: string }).id) }, 'Several lists have this display name; using the first. Configure the list id to choose.');
    return { id: first.id, displayName: first.displayName ?? configured, webUrl: first.webUrl ?? '' };
  }
}
