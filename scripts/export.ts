/**
 * `npm run export -- <file.xlsx|file.csv> [--list balance|meetings] [--env dev]`: writes the lists
 * in the import layout, for the forum's minutes and archive (and to edit and import again).
 */
import { parseArgs } from 'node:util';
import { runExport, writeExport } from '../src/import';
import type { ListName } from '../src/ports/list-source';
import { runCommand, tenantContext } from './lib/cli';

runCommand(async () => {
  const { values: args, positionals } = parseArgs({
    allowPositionals: true,
    options: { list: { type: 'string' }, env: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const file = positionals[0];
  if (args.help || !file) {
    console.log('Usage: npm run export -- <file.xlsx|file.csv> [--list balance|meetings] [--env <name>]\n\nXLSX: one sheet per list. CSV: one file per list (<name>.balance.csv and <name>.meetings.csv for both).');
    return file ? 0 : 1;
  }
  if (args.list && args.list !== 'balance' && args.list !== 'meetings') throw new Error('--list must be "balance" or "meetings"');
  if (!/\.(xlsx|csv)$/i.test(file)) throw new Error(`${file}: export writes .xlsx or .csv files`);
  const context = tenantContext('npm run export', args.env);
  const lists: ListName[] = args.list ? [args.list as ListName] : ['balance', 'meetings'];
  const tables = await runExport(context.client, context.sharePoint, lists);
  const files = await writeExport(file, tables);
  for (const table of tables) console.log(`${context.sharePoint.lists[table.list]}: ${table.items.length} item(s)`);
  console.log(`Wrote ${files.join(', ')}`);
  console.log(`Graph: ${context.traffic.requests} requests, ${context.traffic.bytes} bytes.`);
  return 0;
});
