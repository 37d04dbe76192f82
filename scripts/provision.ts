/**
 * `npm run provision [-- --env dev] [--list balance|meetings|errands|forum|sections|actions]`: creates the SharePoint lists on
 * the configured site, or brings them up to date, from src/lists/schema.ts. Safe to repeat.
 */
import { parseArgs } from 'node:util';
import { LIST_NAMES, type ListName } from '../src/ports/list-source';
import { provisionLists } from '../src/sharepoint/provision';
import { runCommand, tenantContext } from './lib/cli';

runCommand(async () => {
  const { values: args } = parseArgs({
    options: { env: { type: 'string' }, list: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (args.help) {
    console.log(
      `Usage: npm run provision -- [--env <name>] [--list ${LIST_NAMES.join('|')}]\n\n` +
        "Creates or updates the lists on SHAREPOINT_SITE_URL from the schema (the balance list, the meetings, and the forum's year's ärenden, forum profile and sections). " +
        'Never drops or retypes a column.',
    );
    return 0;
  }
  if (args.list && !(LIST_NAMES as readonly string[]).includes(args.list))
    throw new Error(`--list must be one of ${LIST_NAMES.map((name) => `"${name}"`).join(', ')}`);
  const context = tenantContext('npm run provision', args.env);
  const only: readonly ListName[] = args.list ? [args.list as ListName] : LIST_NAMES;
  const result = await provisionLists(context.client, context.sharePoint, { logger: context.logger, progress: (line) => console.log(line) }, only);

  console.log('');
  for (const list of result.lists) {
    const parts = [
      list.created ? 'created' : null,
      list.columnsCreated.length > 0 && !list.created ? `${list.columnsCreated.length} column(s) added` : null,
      list.columnsUpdated.length > 0 ? `${list.columnsUpdated.length} column(s) updated` : null,
      list.conflicts.length > 0 ? `${list.conflicts.length} column(s) of another type left as they are` : null,
    ].filter(Boolean);
    console.log(`${list.displayName}: ${parts.length > 0 ? parts.join(', ') : 'up to date'} (${list.webUrl})`);
  }
  console.log(result.changed ? 'Done.' : 'Nothing to change: the lists already match the schema.');
  console.log(`Graph: ${context.traffic.requests} requests, ${context.traffic.bytes} bytes.`);
  const conflicts = result.lists.flatMap((list) => list.conflicts.map((conflict) => ({ list: list.displayName, ...conflict })));
  if (conflicts.length > 0) {
    console.log('\nColumns whose type differs from the schema (rename or remove them in SharePoint, then run again):');
    for (const conflict of conflicts) console.log(`  ${conflict.list} / ${conflict.name}: is ${conflict.actual}, should be ${conflict.expected}`);
    return 2;
  }
  return 0;
});
