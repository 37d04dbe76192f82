/**
 * `npm run follow-up -- --year YYYY [--format docx|html|md] [--out FILE] [--lang sv|en]`
 *
 * Writes the forum's annual report ("Uppföljning") for one year from the configured lists (the
 * local store, or SharePoint through the one Graph pipeline), the same report the tab downloads.
 * Data-quality problems are printed as warnings on stderr; they never stop the report.
 *
 * Where it goes: `--out FILE` (its extension picks the format when `--format` is not given);
 * without it Markdown and HTML go to stdout and the Word file to `uppfoljning-svom-YYYY.docx` in
 * the working directory. `--out -` sends the Word file to stdout, unless stdout is a terminal.
 *
 * Exit codes: 0 written; 1 the lists could not be read or the file not written; 2 bad arguments
 * or configuration.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FollowUpProblem } from '../../src/domain/errands';
import { buildForumYear, type FollowUpYear } from '../../src/domain/forum-year';
import { FIRST_REPORT_YEAR, LAST_REPORT_YEAR, parseReportYear } from '../../src/domain/report-year';
import { SourceError } from '../../src/errors';
import { mapForumData } from '../../src/lists/forum-year-mapping';
import { LISTS } from '../../src/lists/schema';
import { renderFollowUpDocx, renderFollowUpHtml, renderFollowUpMarkdown } from '../../src/report';
import type { Language } from '../../src/vocabulary';
import { followUpDocxFileName } from '../../src/snapshot/follow-up-view';
import type { Config } from '../../src/config';
import { clockFor } from '../clock';
import {
  goesToStdout,
  outputFlagsUsage,
  parseDocumentArgs,
  startDocumentCli,
  runAsProgram,
  usage,
  writeDocumentFile,
  type DocumentCliIo,
  type DocumentFormat,
  type DocumentOptions,
} from './document-cli';
import { createListSource } from '../sources';

export const USAGE = `Användning (usage): npm run follow-up -- --year ÅÅÅÅ [flaggor]

  --year ÅÅÅÅ             Året som ska följas upp, ${FIRST_REPORT_YEAR}–${LAST_REPORT_YEAR} (the year to report)
${outputFlagsUsage('uppfoljning-svom-ÅÅÅÅ.docx')}

Exempel (example): npm run follow-up -- --year 2017 --format docx --out uppfoljning-2017.docx`;

const DEFAULT_SEED_FILE = 'data/balanslista-2022.json';

export type FollowUpCliIo = DocumentCliIo;

interface Args extends DocumentOptions {
  year: number;
}

/** The parsed arguments, or 'help'. Throws `AppError('usage')` with a message naming the problem. */
function parse(argv: string[]): Args | 'help' {
  const parsed = parseDocumentArgs(argv, { year: { type: 'string' } });
  if (parsed === 'help') return 'help';
  const given = parsed.values.year;
  if (given === undefined) throw usage('--year saknas: ange året som ska följas upp, t.ex. --year 2017 (--year is required)');
  const year = parseReportYear(given);
  if (year === null) {
    throw usage(
      `--year ska vara ett år med fyra siffror mellan ${FIRST_REPORT_YEAR} och ${LAST_REPORT_YEAR}, inte "${given}" (--year must be a year ${FIRST_REPORT_YEAR}-${LAST_REPORT_YEAR})`,
    );
  }
  return { year, ...parsed.options };
}

/** One data-quality problem as a warning line a secretary can act on: which list, item and column. */
export function formatWarning(problem: FollowUpProblem): string {
  const item = [problem.title ? `"${problem.title}"` : null, problem.itemId ? `(id ${problem.itemId})` : null].filter(Boolean).join(' ');
  const where = [LISTS[problem.list].displayName, item, problem.field].filter(Boolean).join(', ');
  return `Varning (warning): ${where}: ${problem.message}`;
}

function summary(model: FollowUpYear): string {
  const meetings = Object.values(model.meetings).flat().length;
  const problems = model.problems.length;
  return `${meetings} ${meetings === 1 ? 'möte' : 'möten'}, ${model.errands.length} ${model.errands.length === 1 ? 'ärende' : 'ärenden'}, ${problems} ${problems === 1 ? 'varning' : 'varningar'}`;
}

async function render(model: FollowUpYear, format: DocumentFormat, language: Language): Promise<Buffer | string> {
  if (format === 'docx') return renderFollowUpDocx(model, language);
  return format === 'html' ? renderFollowUpHtml(model, language) : renderFollowUpMarkdown(model, language);
}

/** A note when SEED_FILE is set but cannot apply: the local store exists already and is read instead. */
export function seedNote(config: Config): string | null {
  if (config.mode !== 'local' || config.seedFile === DEFAULT_SEED_FILE || !existsSync(join(config.dataDir, 'lists.json'))) return null;
  return (
    `Obs (note): ${join(config.dataDir, 'lists.json')} finns redan och läses; SEED_FILE=${config.seedFile} används bara när den skapas. ` +
    `Välj en ny katalog för en annan datamängd, t.ex. DATA_DIR=.data-2017 (SEED_FILE only seeds a new store; use another DATA_DIR).\n`
  );
}

/** Runs the command; returns the exit code. */
export async function runFollowUpCli(argv: string[], io: FollowUpCliIo): Promise<number> {
  const start = startDocumentCli(argv, io, { parse, usage: USAGE, exampleFile: 'uppfoljning.docx', module: 'follow-up-cli' });
  if (typeof start === 'number') return start;
  const { args, config, logger, log } = start;
  const note = io.source ? null : seedNote(config);
  if (note) io.err(note);
  let model: FollowUpYear;
  try {
    const source = io.source ?? createListSource(config, { logger, clock: clockFor(config) });
    const { data } = await source.read();
    model = buildForumYear(mapForumData(data), args.year, { expiringWithinDays: config.expiringWithinDays });
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    io.err(`Listorna kunde inte läsas (the lists could not be read): ${error.message}\nIngen rapport skrevs (no report was written).\n`);
    return 1;
  }
  for (const problem of model.problems) io.err(`${formatWarning(problem)}\n`);

  const body = await render(model, args.format, args.language);
  const counts = summary(model);
  if (goesToStdout(args)) {
    io.write(body);
    log.info({ year: args.year, format: args.format, language: args.language }, 'follow-up report written to stdout');
    io.err(`Uppföljning ${args.year} (${args.format}): ${counts}.\n`);
    return 0;
  }
  const file = args.out ?? followUpDocxFileName(args.year);
  if (!(await writeDocumentFile(io, file, body))) return 1;
  log.info({ year: args.year, format: args.format, language: args.language, file }, 'follow-up report written');
  io.out(`Skrev (wrote) ${file}: uppföljning ${args.year}, ${counts}.\n`);
  return 0;
}

if (require.main === module) runAsProgram(runFollowUpCli);
