/**
 * `npm run import -- <file> [--apply] [--list balance|meetings|errands|forum|sections|actions] [--env dev]`: loads the seed JSON,
 * a CSV or an XLSX file (README: import layout) into the SharePoint lists. Dry run by default.
 */
import { parseArgs } from 'node:util';
import { readImportFile, runImport } from '../src/import';
import { LIST_NAMES, type ListName } from '../src/ports/list-source';
import { runCommand, tenantContext } from './lib/cli';

runCommand(async () => {
  const { values: args, positionals } = parseArgs({
    allowPositionals: true,
    options: { apply: { type: 'boolean', default: false }, list: { type: 'string' }, env: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const file = positionals[0];
  if (args.help || !file) {
    console.log(
      `Usage: npm run import -- <file.json|file.csv|file.xlsx> [--apply] [--list ${LIST_NAMES.join('|')}] [--env <name>]\n\n` +
        'Shows what would be created and updated; --apply writes it. Rows are matched on Nyckel (balance), Mötesnyckel or else Rubrik + Datum (meetings), ' +
        'Ärendenyckel (errands), Avsnittsnyckel (sections), Uppdragsnyckel (actions) and Namn (forum).',
    );
    return file ? 0 : 1;
  }
  if (args.list && !(LIST_NAMES as readonly string[]).includes(args.list))
    throw new Error(`--list must be one of ${LIST_NAMES.map((name) => `"${name}"`).join(', ')}`);
  const tables = await readImportFile(file, args.list as ListName | undefined);
  const context = tenantContext('npm run import', args.env);
  const reports = await runImport(context.client, context.sharePoint, tables, {
    apply: args.apply === true,
    logger: context.logger,
    progress: (line) => console.log(line),
  });

  let problems = 0;
  for (const { table, plan, problems: rows, applied } of reports) {
    console.log(`\n${table.source} → list "${context.sharePoint.lists[table.list]}": ${table.rows.length} row(s) read`);
    if (table.ignoredHeaders.length > 0) console.log(`  Ignored columns (not in the layout): ${table.ignoredHeaders.join(', ')}`);
    for (const create of plan.creates) console.log(`  + create  row ${create.rowNumber}: ${create.key}`);
    for (const update of plan.updates) console.log(`  ~ update  row ${update.rowNumber}: ${update.key} (${Object.keys(update.values).join(', ')})`);
    for (const skipped of plan.notWritten)
      console.log(
        `  ! row ${skipped.rowNumber}: ${skipped.key}: ${skipped.column} differs but the import cannot write link or person columns; set it in SharePoint`,
      );
    console.log(
      `  ${plan.creates.length} to create, ${plan.updates.length} to update, ${plan.unchanged} unchanged${applied ? ` (written in ${applied.batches} batch(es), verified)` : ''}`,
    );
    for (const problem of rows) console.log(`  x row ${problem.rowNumber ?? '-'}${problem.column ? `, ${problem.column}` : ''}: ${problem.reason}`);
    problems += rows.length;
  }
  console.log(`\nGraph: ${context.traffic.requests} requests, ${context.traffic.bytes} bytes.`);
  if (problems > 0) {
    console.log(`${problems} row problem(s): nothing was written. Fix the file and run again.`);
    return 1;
  }
  const changes = reports.reduce((sum, report) => sum + report.plan.creates.length + report.plan.updates.length, 0);
  if (!args.apply)
    console.log(changes === 0 ? 'Nothing to do: the lists already match the file.' : 'Dry run: nothing written. Run again with --apply to write it.');
  else console.log(changes === 0 ? 'Nothing to do: the lists already match the file.' : 'Imported.');
  return 0;
});
