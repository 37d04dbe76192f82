/** Reads every item of a list through Graph, following `@odata.nextLink` to the end. */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { ListItem, ListName } from '../ports/list-source';
import { pathBelowBase } from '../sharepoint/graph-client';
import { toSourceError } from '../sharepoint/graph-errors';
import { selectFields } from '../lists/schema';

interface GraphItem {
  id: string;
  eTag?: string;
  webUrl?: string;
  lastModifiedDateTime?: string;
  fields?: Record<string, unknown>;
}

export async function readAllItems(client: Client, siteId: string, listId: string, list: ListName): Promise<ListItem[]> {
  const items: ListItem[] = [];
  try {
    let page = (await client
      .api(`/sites/${siteId}/lists/${listId}/items`)
      .expand(`fields($select=${selectFields(list).join(',')})`)
      .top(999)
      .get()) as { value: GraphItem[]; '@odata.nextLink'?: string };
    for (;;) {
      for (const item of page.value) {
        items.push({
          id: item.id,
          eTag: item.eTag ?? '',
          webUrl: item.webUrl ?? '',
          lastModifiedDateTime: item.lastModifiedDateTime ?? null,
          fields: item.fields ?? {},
        });
      }
      const next = page['@odata.nextLink'];
      if (!next) break;
      page = (await client.api(pathBelowBase(client, next)).get()) as typeof page;
    }
  } catch (error) {
    throw toSourceError(error, { target: `the items of the ${list} list` });
  }
  return items;
}
