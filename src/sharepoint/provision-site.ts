/**
 * Finding the forum's site and its lists through Graph, shared by provisioning, import and
 * export (the app's own reader, GraphListSource, keeps its own cached lookups).
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { SharePointOptions } from '../config';
import { toSourceError } from './graph-errors';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ListRef {
  id: string;
  displayName: string;
  webUrl: string;
}

/** The Graph site id of the configured site (`SHAREPOINT_SITE_ID`, or looked up from `SHAREPOINT_SITE_URL`). */
export async function resolveSiteId(client: Client, options: SharePointOptions): Promise<string> {
  if (options.siteId) return options.siteId;
  const url = new URL(options.siteUrl ?? '');
  const path = url.pathname.replace(/\/+$/, '');
  const target = `the site ${options.siteUrl ?? ''}`;
  try {
    const site = (await client
      .api(`/sites/${url.hostname}:${path || '/'}`)
      .select('id')
      .get()) as { id: string };
    return site.id;
  } catch (error) {
    throw toSourceError(error, { target });
  }
}

/** A list by id (GUID) or display name, or null when the site has none. */
export async function findList(client: Client, siteId: string, nameOrId: string): Promise<ListRef | null> {
  const target = `the list "${nameOrId}"`;
  try {
    if (GUID.test(nameOrId)) {
      const list = (await client.api(`/sites/${siteId}/lists/${nameOrId}`).select('id,displayName,webUrl').get()) as ListRef;
      return list;
    }
    const escaped = nameOrId.replace(/'/g, "''");
    const page = (await client.api(`/sites/${siteId}/lists`).filter(`displayName eq '${escaped}'`).select('id,displayName,webUrl').get()) as {
      value: ListRef[];
    };
    return page.value[0] ?? null;
  } catch (error) {
    const failure = toSourceError(error, { target });
    if (failure.status === 404) return null;
    throw failure;
  }
}
