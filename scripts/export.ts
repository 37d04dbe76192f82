/**
 * `npm run export -- <file.xlsx|file.csv> [--list balance|meetings|errands|forum|sections|actions] [--env dev]`: writes the lists
 * in the import layout, for the forum's minutes and archive (and to edit and import again), from
 * the SharePoint site or, when no tenant is configured, the local store.
 */
import { parseArgs } from 'node:util';
import { runExport, writeExport } from '../src/import';
import { FORUM_LIST_NAMES, LIST_NAMES, type ListName } from '../src/ports/list-source';
import { commandOutcome, processIo, storeContext, type CommandIo } from './lib/cli';

/** Runs the command with `argv` (after `--`) in `env`; returns the exit code: 0 written, 1 a failure. */
export function exportCli(argv: string[], io: CommandIo = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return commandOutcome(io, async () => {
    const { values: args, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { list: { type: 'string' }, env: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    const file = positionals[0];
    if (args.help || !file) {
      io.out(
        `Usage: npm run export -- <file.xlsx|file.csv> [--list ${LIST_NAMES.join('|')}] [--env <name>]\n\n` +
          'XLSX: one sheet per list. CSV: one file per list (<name>.balance.csv, <name>.meetings.csv, <name>.errands.csv, ...); ' +
          "text that would start a formula gets a leading ' (taken off again by npm run import). " +
          "Without --list, every list the site has (a list of the forum's year that is not provisioned yet is left out). " +
          'Without tenant settings it reads the local store (DATA_DIR).',
      );
      return file ? 0 : 1;
    }
    if (args.list && !(LIST_NAMES as readonly string[]).includes(args.list))
      throw new Error(`--list must be one of ${LIST_NAMES.map((name) => `"${name}"`).join(', ')}`);
    if (!/\.(xlsx|csv)$/i.test(file)) throw new Error(`${file}: export writes .xlsx or .csv files`);
    const context = storeContext('npm run export', args.env, env);
    io.out(`Exporting from ${context.store.description}`);
    const lists: ListName[] = args.list ? [args.list as ListName] : [...LIST_NAMES];
    const { tables, warnings } = await runExport(context.store, lists, { optional: args.list ? [] : FORUM_LIST_NAMES });
    const files = await writeExport(file, tables);
    for (const table of tables) io.out(`${context.store.listName(table.list)}: ${table.items.length} item(s)`);
    for (const list of lists.filter((name) => !tables.some((table) => table.list === name))) {
      io.out(`${context.store.listName(list)}: not on the site (run npm run provision); left out`);
    }
    for (const warning of warnings) io.out(`  ! ${context.store.listName(warning.list)}: ${warning.message}`);
    io.out(`Wrote ${files.join(', ')}`);
    if (context.traffic) io.out(`Graph: ${context.traffic.requests} requests, ${context.traffic.bytes} bytes.`);
    return 0;
  });
}

if (require.main === module) void exportCli(process.argv.slice(2)).then((code) => process.exit(code));
