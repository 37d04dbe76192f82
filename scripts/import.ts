/**
 * `npm run import -- <file> [--apply] [--list balance|meetings|errands|forum|sections|actions] [--env dev]`: loads the seed JSON,
 * a CSV or an XLSX file (docs/deployment.md: import layout) into the SharePoint lists, or into the
 * local store when no tenant is configured. Dry run by default.
 */
import { parseArgs } from 'node:util';
import { readImportFile, runImport } from '../src/import';
import { LIST_NAMES, type ListName } from '../src/ports/list-source';
import { commandOutcome, processIo, storeContext, type CommandIo } from './lib/cli';

/** Runs the command with `argv` (after `--`) in `env`; returns the exit code: 0 done, 1 row problems or a failure. */
export function importCli(argv: string[], io: CommandIo = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return commandOutcome(io, async () => {
    const { values: args, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { apply: { type: 'boolean', default: false }, list: { type: 'string' }, env: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    const file = positionals[0];
    if (args.help || !file) {
      io.out(
        `Usage: npm run import -- <file.json|file.csv|file.xlsx> [--apply] [--list ${LIST_NAMES.join('|')}] [--env <name>]\n\n` +
          'Shows what would be created and updated; --apply writes it. Rows are matched on Nyckel (balance), Mötesnyckel or else Rubrik + Datum (meetings), ' +
          'Ärendenyckel (errands), Avsnittsnyckel (sections), Uppdragsnyckel (actions) and Namn (forum). Without tenant settings it works on the local store (DATA_DIR).',
      );
      return file ? 0 : 1;
    }
    if (args.list && !(LIST_NAMES as readonly string[]).includes(args.list))
      throw new Error(`--list must be one of ${LIST_NAMES.map((name) => `"${name}"`).join(', ')}`);
    const tables = await readImportFile(file, args.list as ListName | undefined);
    const context = storeContext('npm run import', args.env, env);
    io.out(`Importing into ${context.store.description}`);
    const reports = await runImport(context.store, tables, {
      apply: args.apply === true,
      logger: context.logger,
      progress: (line) => io.out(line),
    });

    let problems = 0;
    for (const { table, plan, problems: rows, applied } of reports) {
      io.out(`\n${table.source} → list "${context.store.listName(table.list)}": ${table.rows.length} row(s) read`);
      if (table.ignoredHeaders.length > 0) io.out(`  Ignored columns (not in the layout): ${table.ignoredHeaders.join(', ')}`);
      for (const create of plan.creates) io.out(`  + create  row ${create.rowNumber}: ${create.key}`);
      for (const update of plan.updates) io.out(`  ~ update  row ${update.rowNumber}: ${update.key} (${Object.keys(update.values).join(', ')})`);
      for (const skipped of plan.notWritten)
        io.out(
          `  ! row ${skipped.rowNumber}: ${skipped.key}: ${skipped.column} differs but the import cannot write link or person columns; set it in SharePoint`,
        );
      const how = applied === null ? '' : applied.batches === null ? ' (written, verified)' : ` (written in ${applied.batches} batch(es), verified)`;
      io.out(`  ${plan.creates.length} to create, ${plan.updates.length} to update, ${plan.unchanged} unchanged${how}`);
      for (const problem of rows) io.out(`  x row ${problem.rowNumber ?? '-'}${problem.column ? `, ${problem.column}` : ''}: ${problem.reason}`);
      problems += rows.length;
    }
    if (context.traffic) io.out(`\nGraph: ${context.traffic.requests} requests, ${context.traffic.bytes} bytes.`);
    if (problems > 0) {
      io.out(`${problems} row problem(s): nothing was written. Fix the file and run again.`);
      return 1;
    }
    const changes = reports.reduce((sum, report) => sum + report.plan.creates.length + report.plan.updates.length, 0);
    if (changes === 0) io.out('Nothing to do: the lists already match the file.');
    else io.out(args.apply ? 'Imported.' : 'Dry run: nothing written. Run again with --apply to write it.');
    return 0;
  });
}

if (require.main === module) void importCli(process.argv.slice(2)).then((code) => process.exit(code));
