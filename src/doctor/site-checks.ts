/**
 * The forum's site as the app reaches it through Graph: the site, the app's grant on it, and each
 * list of the schema (found, its columns as the app reads them, a delta query that answers). The
 * lists are found with the look-up the app itself makes (`SiteResolver.inspect`), so a list the
 * schema gains is checked without a change here.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphError } from '@microsoft/microsoft-graph-client';
import type { SharePointOptions } from '../config';
import { SourceError } from '../errors';
import type { Logger } from '../logger';
import { LISTS } from '../lists/schema';
import type { ListName } from '../ports/list-source';
import { batchGetSettled } from '../sharepoint/graph-batch';
import { compareColumns, type ColumnDifference } from '../sharepoint/list-columns';
import { LIST_SETTING, SiteResolver, type ListLookup, type ResolvedList } from '../sharepoint/site';
import { ok, problem, skipped, warning, type CheckResult } from './check';

export interface SiteCheckOptions {
  /** The app (client) id whose grant is looked for. */
  clientId: string;
  /** Whether card actions write to the balance list (the bot is configured): then write access is needed. */
  needsWrite: boolean;
  /** `--env <name>` of the doctor's command line, for the fix commands it prints. */
  envName: string | null;
}

const provisionCommand = (envName: string | null) => `npm run provision${envName ? ` -- --env ${envName}` : ''}`;

function siteFix(options: SharePointOptions, clientId: string): string {
  return (
    `Grant the app the site: pwsh infra/grant-site-access.ps1 -SiteUrl ${options.siteUrl ?? '<site url>'} -ClientId ${clientId} -Role write ` +
    '(a SharePoint Administrator), and check Entra admin centre → App registrations → the app → API permissions shows Sites.Selected (Application) as granted.'
  );
}

/** Every check of the site and its lists, in order; the lists are skipped when the site cannot be read. */
export async function checkSite(client: Client, sharePoint: SharePointOptions, options: SiteCheckOptions, deps: { logger: Logger }): Promise<CheckResult[]> {
  const resolver = new SiteResolver(client, sharePoint, deps);
  let inspection: Awaited<ReturnType<SiteResolver['inspect']>>;
  try {
    inspection = await resolver.inspect();
  } catch (error) {
    const failure = error instanceof SourceError ? error : new SourceError('graph-error', String(error), null, { cause: error });
    const setting = sharePoint.siteUrl ? 'SHAREPOINT_SITE_URL' : 'SHAREPOINT_SITE_ID';
    const line =
      failure.status === 403
        ? problem('site', `Access to ${resolver.describeSite()} was denied (403): the app has no grant on the site.`, siteFix(sharePoint, options.clientId))
        : failure.status === 404
          ? problem(
              'site',
              `${resolver.describeSite()} was not found (404).`,
              `Check ${setting}: it must name the forum's existing site (open it in a browser and copy its address).`,
            )
          : problem(
              'site',
              `${resolver.describeSite()} could not be read: ${failure.message}`,
              'Run the doctor again; if it persists, check the Graph service health (Microsoft 365 admin centre → Health).',
            );
    return [
      line,
      skipped('site-grant', 'Not checked: the site could not be read.'),
      ...Object.keys(LISTS).map((list) => skipped(`list:${list}`, 'Not checked: the site could not be read.')),
    ];
  }
  const results: CheckResult[] = [ok('site', `${resolver.describeSite()} found (${inspection.id}).`)];
  results.push(await checkGrant(client, inspection.id, inspection.lists, sharePoint, options));
  const deltas = await deltaAnswers(client, inspection.id, inspection.lists);
  for (const lookup of inspection.lists) results.push(listLine(lookup, sharePoint, options, deltas.get(lookup.list) ?? null));
  return results;
}

/** `items/delta?token=latest` of every list found, in one `$batch`: null when it answered, else why not. */
async function deltaAnswers(client: Client, siteId: string, lookups: ListLookup[]): Promise<Map<ListName, string | null>> {
  const found = lookups.filter((lookup): lookup is { list: ListName; found: ResolvedList } => 'found' in lookup && lookup.found !== null);
  const settled = await batchGetSettled(
    client,
    found.map((lookup) => ({
      path: `/sites/${siteId}/lists/${lookup.found.id}/items/delta?token=latest`,
      context: { target: `the list "${lookup.found.displayName}"` },
    })),
  );
  return new Map(
    found.map((lookup, index) => {
      const result = settled[index];
      const answered = result?.ok === true && typeof (result.body as Record<string, unknown> | null)?.['@odata.deltaLink'] === 'string';
      return [lookup.list, answered ? null : result?.ok === false ? result.error.message : 'the answer had no @odata.deltaLink'];
    }),
  );
}

function describeDifference(difference: ColumnDifference): string {
  const name = `${difference.column.name} ("${difference.column.displayName}")`;
  if (difference.kind === 'missing') return `${name} is missing`;
  if (difference.kind === 'type') return `${name} is ${difference.actual}, the app reads ${difference.column.type}`;
  const parts = [
    difference.lacking.length > 0 ? `lacks ${difference.lacking.map((text) => `"${text}"`).join(', ')}` : '',
    difference.unknown.length > 0 ? `has ${difference.unknown.map((text) => `"${text}"`).join(', ')}, which the app cannot read` : '',
  ].filter(Boolean);
  return `${name} ${parts.join(' and ')}`;
}

function listLine(lookup: ListLookup, sharePoint: SharePointOptions, options: SiteCheckOptions, delta: string | null): CheckResult {
  const id = `list:${lookup.list}`;
  const configured = sharePoint.lists[lookup.list];
  const setting = LIST_SETTING[lookup.list];
  const provision = provisionCommand(options.envName);
  if ('error' in lookup)
    return problem(
      id,
      `The list "${configured}" could not be read: ${lookup.error.message}`,
      lookup.error.status === 403
        ? `The list has permissions of its own that leave out the app: in SharePoint, List settings → Permissions for this list → Delete unique permissions (inherit from the site), or grant the app through the site (${siteFix(sharePoint, options.clientId)}).`
        : 'Run the doctor again; if it persists, check the list in SharePoint.',
    );
  if (lookup.found === null)
    return problem(
      id,
      `The list "${configured}" (${setting}) was not found on the site.`,
      `Create it with ${provision} (needs the manage role on the site while it runs, step 3 of docs/deployment.md), or set ${setting} to the display name or id of the list you use.`,
    );
  const list = lookup.found;
  const fixes: string[] = [];
  const found: string[] = [];
  if (list.columns === null) found.push('its columns were not reported by Graph, so they were not compared');
  else {
    const differences = compareColumns(lookup.list, list.columns);
    if (differences.length > 0) found.push(differences.map(describeDifference).join('; '));
    if (differences.some((difference) => difference.kind === 'missing' || (difference.kind === 'choices' && difference.lacking.length > 0)))
      fixes.push(`${provision} adds the missing columns and choices (never drops or retypes one; needs the manage role while it runs)`);
    if (differences.some((difference) => difference.kind === 'type'))
      fixes.push(
        'a column of another type: in SharePoint, List settings → the column → rename it (keep its data), then run provision to create the column the app reads and copy the values over',
      );
    if (differences.some((difference) => difference.kind === 'choices' && difference.unknown.length > 0))
      fixes.push(
        'choices the app cannot read: in SharePoint, List settings → the column → change them to the values in docs/lists.md, and edit the items that use them',
      );
  }
  if (delta !== null) {
    found.push(`its delta query did not answer (${delta})`);
    fixes.push('check that the list is a generic list the app can read (not a library), and run the doctor again');
  }
  const where = `The list "${list.displayName}"`;
  if (found.length === 0) return ok(id, `${where}: found, every column the app reads present with its type and choices, delta query answers.`);
  if (fixes.length === 0)
    return warning(id, `${where}: ${found.join('; ')}.`, 'Nothing to do unless the tab shows missing values; run npm run doctor after a Graph update.');
  return problem(id, `${where}: ${found.join('; ')}.`, `${fixes.join('; ')}.`);
}

/** The app's role on the site: from the site's app permissions where the token may list them, else by probing a write. */
async function checkGrant(
  client: Client,
  siteId: string,
  lookups: ListLookup[],
  sharePoint: SharePointOptions,
  options: SiteCheckOptions,
): Promise<CheckResult> {
  const id = 'site-grant';
  const listed = await grantFromPermissions(client, siteId, options.clientId);
  if (listed !== null) {
    const roles = listed;
    if (roles.length === 0) return problem(id, `The site's app permissions do not name the app ${options.clientId}.`, siteFix(sharePoint, options.clientId));
    const broader = roles.filter((role) => role === 'manage' || role === 'fullcontrol' || role === 'owner');
    const write = broader.length > 0 || roles.includes('write');
    if (!write && options.needsWrite)
      return problem(
        id,
        `The app has ${roles.join(', ')} on the site (read from its app permissions): the bot's "Revision påbörjad" button needs write.`,
        siteFix(sharePoint, options.clientId),
      );
    if (broader.length > 0)
      return warning(
        id,
        `The app has ${roles.join(', ')} on the site (read from its app permissions): more than it needs to run.`,
        `Lower it to write once provisioning is done: pwsh infra/grant-site-access.ps1 -SiteUrl ${sharePoint.siteUrl ?? '<site url>'} -ClientId ${options.clientId} -Role write.`,
      );
    return ok(id, `The app has ${roles.join(', ')} on the site (read from its app permissions).`);
  }
  // Sites.Selected may not list the site's permissions (Graph documents Sites.FullControl.All for
  // that): reading worked above, so write is probed with a change Graph must refuse either way.
  const balance = lookups.find((lookup) => lookup.list === 'balance');
  const list = balance && 'found' in balance ? balance.found : null;
  if (!list) return skipped(id, 'Read access works; write not checked (the balance list was not found).');
  const probe = await probeWrite(client, siteId, list);
  if (probe === 'write')
    return ok(id, `The app may read and write on the site (a write to "${list.displayName}" with a stale version was refused for that, not for access).`);
  if (probe === 'read')
    return options.needsWrite
      ? problem(
          id,
          `The app may read the site but not write (a test write to "${list.displayName}" was denied): the bot's "Revision påbörjad" button needs write.`,
          siteFix(sharePoint, options.clientId),
        )
      : ok(id, 'The app may read the site (write is not needed without the bot).');
  return skipped(id, `Read access works; write not checked (${probe}).`);
}

/** The roles of the app's grant from `/sites/{id}/permissions`; null when the token may not list them. */
async function grantFromPermissions(client: Client, siteId: string, clientId: string): Promise<string[] | null> {
  try {
    const page = (await client.api(`/sites/${siteId}/permissions`).get()) as {
      value?: Array<{
        id?: string;
        grantedToIdentitiesV2?: Array<{ application?: { id?: string } }>;
        grantedToIdentities?: Array<{ application?: { id?: string } }>;
      }>;
    };
    const mine = (page.value ?? []).find((permission) =>
      [...(permission.grantedToIdentitiesV2 ?? []), ...(permission.grantedToIdentities ?? [])].some((identity) => identity.application?.id === clientId),
    );
    if (!mine?.id) return [];
    // The list leaves the roles out; one permission read gives them.
    const permission = (await client.api(`/sites/${siteId}/permissions/${encodeURIComponent(mine.id)}`).get()) as { roles?: unknown };
    return Array.isArray(permission.roles) ? permission.roles.filter((role): role is string => typeof role === 'string') : [];
  } catch {
    // 403 with Sites.Selected alone (as documented), or anything else: the write is probed instead.
    return null;
  }
}

/**
 * Whether the app may write, without changing anything: an empty update of the list's first item
 * with an If-Match no item has. Allowed to write, Graph answers 412 (the version is stale);
 * otherwise 403. Other answers say why it could not be told.
 */
async function probeWrite(client: Client, siteId: string, list: ResolvedList): Promise<'write' | 'read' | string> {
  let itemId: string | undefined;
  try {
    const first = (await client.api(`/sites/${siteId}/lists/${list.id}/items`).query({ $top: '1', $select: 'id' }).get()) as { value?: Array<{ id?: string }> };
    itemId = first.value?.[0]?.id;
  } catch (error) {
    return `the list's first item could not be read (${error instanceof GraphError ? error.statusCode : String(error)})`;
  }
  if (!itemId) return `"${list.displayName}" has no items to test a write on`;
  try {
    await client
      .api(`/sites/${siteId}/lists/${list.id}/items/${encodeURIComponent(itemId)}/fields`)
      .header('If-Match', '"doctor-probe,0"')
      .patch({});
    return 'an update with a stale version was accepted';
  } catch (error) {
    if (error instanceof GraphError && error.statusCode === 412) return 'write';
    if (error instanceof GraphError && error.statusCode === 403) return 'read';
    return `the test write answered ${error instanceof GraphError ? error.statusCode : String(error)}`;
  }
}
