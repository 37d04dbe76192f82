/** The SharePoint site as a `ListStore`: the lists found by name, read and written through Graph. */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { SharePointOptions } from '../config';
import type { ListName } from '../ports/list-source';
import { findList, resolveSiteId } from '../sharepoint/provision-site';
import { applyPlan } from './apply';
import { readAllItems } from './graph-items';
import { byId, type ListStore } from './list-store';
import { AppError } from '../errors';

/** The site `options` names, through `client` (built once by the command's wiring). */
export function graphStore(client: Client, options: SharePointOptions): ListStore {
  let site: Promise<string> | null = null;
  const ids = new Map<ListName, Promise<string | null>>();
  const siteId = () => (site ??= resolveSiteId(client, options));
  const listId = (list: ListName): Promise<string | null> => {
    let id = ids.get(list);
    if (id === undefined) {
      id = siteId().then(async (resolved) => (await findList(client, resolved, options.lists[list]))?.id ?? null);
      ids.set(list, id);
    }
    return id;
  };
  return {
    description: `the SharePoint site ${options.siteUrl ?? options.siteId ?? ''}`,
    listName: (list) => options.lists[list],
    async items(list) {
      const id = await listId(list);
      if (id === null) return null;
      return (await readAllItems(client, await siteId(), id, list)).sort(byId);
    },
    async write(plan, run) {
      const id = await listId(plan.list);
      if (id === null) throw new AppError('not-found', `The list "${options.lists[plan.list]}" does not exist on the site: run \`npm run provision\` first.`);
      return applyPlan(client, await siteId(), id, plan, run);
    },
  };
}
