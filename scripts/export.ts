/**
 * `npm run export -- <file.xlsx|file.csv> [--list balance|meetings|errands|forum|sections|actions] [--env dev]`: writes the lists
 * in the import layout, for the forum's minutes and archive (and to edit and import again).
 */
import { parseArgs } from 'node:util';
import { runExport, writeExport } from '../src/import';
import { FORUM_LIST_NAMES, LIST_NAMES, type ListName } from '../src/ports/list-source';
import { runCommand, tenantContext } from './lib/cli';

runCommand(async () => {
  const { values: args, positionals } = parseArgs({
    allowPositionals: true,
    options: { list: { type: 'string' }, env: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const file = positionals[0];
  if (args.help || !file) {
    console.log(
      `Usage: npm run export -- <file.xlsx|file.csv> [--list ${LIST_NAMES.join('|')}] [--env <name>]\n\n` +
        'XLSX: one sheet per list. CSV: one file per list (<name>.balance.csv, <name>.meetings.csv, <name>.errands.csv, ...). ' +
        "Without --list, every list the site has (a list of the forum's year that is not provisioned yet is left out).",
    );
    return file ? 0 : 1;
  }
  if (args.list && !(LIST_NAMES as readonly string[]).includes(args.list))
    throw new Error(`--list must be one of ${LIST_NAMES.map((name) => `"${name}"`).join(', ')}`);
  if (!/\.(xlsx|csv)$/i.test(file)) throw new Error(`${file}: export writes .xlsx or .csv files`);
  const context = tenantContext('npm run export', args.env);
  const lists: ListName[] = args.list ? [args.list as ListName] : [...LIST_NAMES];
  const tables = await runExport(context.client, context.sharePoint, lists, { optional: args.list ? [] : FORUM_LIST_NAMES });
  const files = await writeExport(file, tables);
  for (const table of tables) console.log(`${context.sharePoint.lists[table.list]}: ${table.items.length} item(s)`);
  for (const list of lists.filter((name) => !tables.some((table) => table.list === name))) {
    console.log(`${context.sharePoint.lists[list]}: not on the site (run npm run provision); left out`);
  }
  console.log(`Wrote ${files.join(', ')}`);
  console.log(`Graph: ${context.traffic.requests} requests, ${context.traffic.bytes} bytes.`);
  return 0;
});
