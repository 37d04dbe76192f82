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
import { writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import type { FollowUpProblem } from '../../src/domain/errands';
import { buildForumYear, type FollowUpYear } from '../../src/domain/forum-year';
import { FIRST_REPORT_YEAR, LAST_REPORT_YEAR, parseReportYear } from '../../src/domain/report-year';
import { AppError, SourceError } from '../../src/errors';
import { mapForumData } from '../../src/lists/forum-year-mapping';
import { LISTS } from '../../src/lists/schema';
import { createLogger } from '../../src/logger';
import type { ListSource } from '../../src/ports/list-source';
import { renderFollowUpDocx, renderFollowUpHtml, renderFollowUpMarkdown } from '../../src/report';
import type { Language } from '../../src/vocabulary';
import { followUpDocxFileName } from '../../src/snapshot/follow-up-view';
import type { Config } from '../../src/config';
import { clockFor } from '../clock';
import { loadCliConfig } from './config';
import { createListSource } from '../sources';

export const USAGE = `Användning (usage): npm run follow-up -- --year ÅÅÅÅ [flaggor]

  --year ÅÅÅÅ             Året som ska följas upp, ${FIRST_REPORT_YEAR}–${LAST_REPORT_YEAR} (the year to report)
  --format docx|html|md   Word (standard), HTML eller Markdown; utan flaggan avgör
                          filändelsen i --out (default: from --out's extension, else docx)
  --out FIL               Skriv till FIL. Utan --out skrivs Markdown och HTML till stdout
                          och Word till uppfoljning-svom-ÅÅÅÅ.docx; --out - skickar
                          Word-filen till stdout (not to a terminal)
  --lang sv|en            Rapportens språk, svenska (standard) eller engelska (report language)
  --verbose               Visa loggarna (show the logs on stderr)
  --help                  Den här texten (this text)

Exempel (example): npm run follow-up -- --year 2017 --format docx --out uppfoljning-2017.docx`;

export type ReportFormat = 'docx' | 'html' | 'md';

const FORMATS: Record<string, ReportFormat> = { docx: 'docx', html: 'html', htm: 'html', md: 'md', markdown: 'md' };
const DEFAULT_SEED_FILE = 'data/balanslista-2022.json';

export interface FollowUpCliIo {
  /** Text for the person at the terminal (stdout). */
  out(text: string): void;
  /** Warnings and errors (stderr). */
  err(text: string): void;
  /** The report's bytes when it goes to stdout. */
  write(bytes: Buffer | string): void;
  /** True when stdout is a terminal, where a Word file would only garble the screen. */
  stdoutIsTerminal: boolean;
  /** The environment to configure from; default the process's own (read by src/config.ts). */
  env?: NodeJS.ProcessEnv;
  /** Where relative paths start; default the process's working directory. */
  cwd?: string;
  /** Replaces the configured list source (tests). */
  source?: ListSource;
}

interface Args {
  year: number;
  format: ReportFormat;
  /** A file path, '-' for stdout, or null for the default place of the format. */
  out: string | null;
  language: Language;
  verbose: boolean;
}

function usage(message: string): AppError {
  return new AppError('usage', message);
}

/** The parsed arguments, or 'help'. Throws `AppError('usage')` with a message naming the problem. */
function parse(argv: string[]): Args | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      year: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help === true) return 'help';
  if (positionals.length > 0) throw usage(`Okänt argument (unknown argument): ${positionals.join(' ')}`);
  if (values.year === undefined) throw usage('--year saknas: ange året som ska följas upp, t.ex. --year 2017 (--year is required)');
  const year = parseReportYear(values.year);
  if (year === null) {
    throw usage(
      `--year ska vara ett år med fyra siffror mellan ${FIRST_REPORT_YEAR} och ${LAST_REPORT_YEAR}, inte "${values.year}" (--year must be a year ${FIRST_REPORT_YEAR}-${LAST_REPORT_YEAR})`,
    );
  }
  if (values.out === '') throw usage('--out saknar filnamn (--out needs a file name)');
  let format: ReportFormat | undefined;
  if (values.format !== undefined) {
    format = FORMATS[values.format.toLowerCase()];
    if (format === undefined) throw usage(`--format ska vara docx, html eller md, inte "${values.format}" (--format must be docx, html or md)`);
  } else if (values.out !== undefined && values.out !== '-') {
    format = FORMATS[extname(values.out).slice(1).toLowerCase()];
  }
  const lang = values.lang ?? 'sv';
  if (lang !== 'sv' && lang !== 'en') throw usage(`--lang ska vara sv eller en, inte "${lang}" (--lang must be sv or en)`);
  return { year, format: format ?? 'docx', out: values.out ?? null, language: lang, verbose: values.verbose === true };
}

function usageMessage(error: unknown): string {
  const raw = (error as { message?: unknown } | null)?.message;
  const message = typeof raw === 'string' ? raw : String(error);
  if (error instanceof AppError) return message;
  // node:util parseArgs says e.g. "Option '--year <value>' argument missing": keep the first sentence.
  return `Felaktiga argument (bad arguments): ${message.replace(/\. To specify[\s\S]*$/, '.')}`;
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

async function render(model: FollowUpYear, format: ReportFormat, language: Language): Promise<Buffer | string> {
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
  let args: Args;
  try {
    const parsed = parse(argv);
    if (parsed === 'help') {
      io.out(`${USAGE}\n`);
      return 0;
    }
    args = parsed;
  } catch (error) {
    io.err(`${usageMessage(error)}\n\n${USAGE}\n`);
    return 2;
  }
  const toStdout = args.out === '-' || (args.out === null && args.format !== 'docx');
  if (toStdout && args.format === 'docx' && io.stdoutIsTerminal) {
    io.err(
      `Word-filen skrivs inte till terminalen: ange --out uppfoljning.docx, eller styr om utdata med > (a Word file is not written to a terminal: use --out FILE or redirect stdout).\n`,
    );
    return 2;
  }

  const config = loadCliConfig(io.env, io.err);
  if (config === null) return 2;

  const logger = createLogger(args.verbose ? config.logLevel : 'warn', pino.destination(2));
  const log = logger.child({ module: 'follow-up-cli' });
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
  if (toStdout) {
    io.write(body);
    log.info({ year: args.year, format: args.format, language: args.language }, 'follow-up report written to stdout');
    io.err(`Uppföljning ${args.year} (${args.format}): ${counts}.\n`);
    return 0;
  }
  const file = args.out ?? followUpDocxFileName(args.year);
  const path = io.cwd === undefined ? file : resolve(io.cwd, file);
  try {
    await writeFile(path, body);
  } catch (error) {
    io.err(`Filen kunde inte skrivas (could not write the file) ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  log.info({ year: args.year, format: args.format, language: args.language, file }, 'follow-up report written');
  io.out(`Skrev (wrote) ${file}: uppföljning ${args.year}, ${counts}.\n`);
  return 0;
}

if (require.main === module) {
  runFollowUpCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    write: (bytes) => process.stdout.write(bytes),
    stdoutIsTerminal: process.stdout.isTTY === true,
  })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`Körningen misslyckades (the run failed): ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
