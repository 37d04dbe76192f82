/**
 * Creates the balance list and the meetings list on the forum's site, or brings them up to date,
 * from the one schema (`schema.ts`): columns, types, choices, required, indexed, unique.
 *
 * Safe to run again: a second run finds everything in place and changes nothing. It only adds
 * (lists, columns, choices, indexes); a column that exists with another type is reported and left
 * as it is, never dropped or retyped, because that would lose the forum's data.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { SharePointOptions } from '../config';
import { SourceError } from '../errors';
import type { Logger } from '../logger';
import { LIST_NAMES, type ListName } from '../ports/list-source';
import { toSourceError } from './graph-errors';
import { checkColumn, columnDefinition, type GraphColumn } from './provision-columns';
import { findList, resolveSiteId, type ListRef } from './provision-site';
import { LISTS } from '../lists/schema';

export interface ProvisionListResult {
  list: ListName;
  displayName: string;
  id: string;
  webUrl: string;
  /** True when the list did not exist and was created. */
  created: boolean;
  columnsCreated: string[];
  columnsUpdated: Array<{ name: string; changes: string[] }>;
  /** Columns that exist with another type than the schema's; left untouched. */
  conflicts: Array<{ name: string; expected: string; actual: string }>;
  /** Columns already as the schema wants them. */
  unchanged: number;
}

export interface ProvisionResult {
  siteId: string;
  lists: ProvisionListResult[];
  /** False when nothing had to be created or changed. */
  changed: boolean;
}

export interface ProvisionDeps {
  logger: Logger;
  /** One line per step, for the person running the command. */
  progress?: (line: string) => void;
}

/** Graph's answer to a 403 names the permission; provisioning needs more than the app's everyday write access. */
function permissionError(error: unknown, target: string): SourceError {
  const failure = toSourceError(error, { target, write: true });
  if (failure.status !== 403) return failure;
  return new SourceError(
    'forbidden',
    `Access to ${target} was denied while creating lists or columns. The app needs the Microsoft Graph application ` +
      `permission Sites.Selected (admin-consented) and the "manage" role on the forum's site while provisioning ` +
      `(infra/grant-site-access.ps1 -Role manage); set it back to "write" afterwards.`,
    403,
    { cause: error },
  );
}

async function listColumns(client: Client, siteId: string, list: ListRef): Promise<GraphColumn[]> {
  try {
    const page = (await client.api(`/sites/${siteId}/lists/${list.id}/columns`).get()) as { value: GraphColumn[] };
    return page.value;
  } catch (error) {
    throw toSourceError(error, { target: `the columns of the list "${list.displayName}"` });
  }
}

async function provisionList(client: Client, siteId: string, list: ListName, configuredName: string, deps: ProvisionDeps): Promise<ProvisionListResult> {
  const log = deps.logger.child({ module: 'provision' });
  const say = deps.progress ?? (() => undefined);
  const definition = LISTS[list];
  let ref = await findList(client, siteId, configuredName);
  const result: ProvisionListResult = {
    list,
    displayName: configuredName,
    id: '',
    webUrl: '',
    created: false,
    columnsCreated: [],
    columnsUpdated: [],
    conflicts: [],
    unchanged: 0,
  };

  if (!ref) {
    say(`List "${configuredName}": not found, creating it with ${definition.columns.length} columns`);
    try {
      ref = (await client.api(`/sites/${siteId}/lists`).post({
        displayName: configuredName,
        description: definition.description,
        list: { template: 'genericList' },
        // Title comes with every generic list; it is brought in line below.
        columns: definition.columns.filter((column) => column.name !== 'Title').map(columnDefinition),
      })) as ListRef;
    } catch (error) {
      throw permissionError(error, `the site (creating the list "${configuredName}")`);
    }
    result.created = true;
    result.columnsCreated.push(...definition.columns.filter((column) => column.name !== 'Title').map((column) => column.name));
    log.info({ list, listId: ref.id }, 'list created');
  } else {
    say(`List "${ref.displayName}": found (${ref.id}), checking ${definition.columns.length} columns`);
  }
  result.id = ref.id;
  result.displayName = ref.displayName;
  result.webUrl = ref.webUrl;

  const existing = new Map((await listColumns(client, siteId, ref)).map((column) => [column.name, column]));
  for (const column of definition.columns) {
    const found = existing.get(column.name);
    if (!found) {
      try {
        await client.api(`/sites/${siteId}/lists/${ref.id}/columns`).post(columnDefinition(column));
      } catch (error) {
        throw permissionError(error, `the list "${ref.displayName}" (adding the column ${column.name})`);
      }
      result.columnsCreated.push(column.name);
      say(`  + ${column.name} (${column.displayName}, ${column.type}) created`);
      continue;
    }
    const check = checkColumn(column, found);
    if (check.kind === 'same') {
      if (!result.created || column.name === 'Title') result.unchanged += 1;
    } else if (check.kind === 'conflict') {
      result.conflicts.push({ name: column.name, expected: check.expected, actual: check.actual });
      say(`  ! ${column.name} (${found.displayName}) is ${check.actual} on the site, the schema wants ${check.expected}: left as it is`);
      log.warn({ list, column: column.name, expected: check.expected, actual: check.actual }, 'column type differs from the schema');
    } else {
      try {
        await client.api(`/sites/${siteId}/lists/${ref.id}/columns/${found.id}`).patch(check.patch);
      } catch (error) {
        throw permissionError(error, `the list "${ref.displayName}" (updating the column ${column.name})`);
      }
      result.columnsUpdated.push({ name: column.name, changes: check.changes });
      say(`  ~ ${column.name} updated: ${check.changes.join(', ')}`);
    }
  }
  return result;
}

/**
 * Creates or updates the configured lists (all five, or those in `only`). Throws `SourceError` when
 * the site cannot be reached or the app lacks permission; column type conflicts are reported in
 * the result, not thrown.
 */
export async function provisionLists(
  client: Client,
  options: SharePointOptions,
  deps: ProvisionDeps,
  only: readonly ListName[] = LIST_NAMES,
): Promise<ProvisionResult> {
  const say = deps.progress ?? (() => undefined);
  const siteId = await resolveSiteId(client, options);
  say(`Site ${options.siteUrl ?? options.siteId ?? ''} (${siteId})`);
  const lists: ProvisionListResult[] = [];
  for (const list of only) lists.push(await provisionList(client, siteId, list, options.lists[list], deps));
  const changed = lists.some((list) => list.created || list.columnsCreated.length > 0 || list.columnsUpdated.length > 0);
  return { siteId, lists, changed };
}
