/**
 * What the commands that write a document (`npm run follow-up`, `npm run meeting-doc`) share:
 * the output flags (`--format`, `--out`, `--lang`, `--verbose`, `--help`), their checks and
 * messages, where the document goes (a file, or stdout but never a Word file to a terminal),
 * and how the command runs as a program.
 */
import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import pino from 'pino';
import type { Config } from '../../src/config';
import { AppError } from '../../src/errors';
import { createLogger, type Logger } from '../../src/logger';
import type { ListSource } from '../../src/ports/list-source';
import type { Language } from '../../src/vocabulary';
import { loadCliConfig } from './config';

export type DocumentFormat = 'docx' | 'html' | 'md';

const FORMATS: Record<string, DocumentFormat> = { docx: 'docx', html: 'html', htm: 'html', md: 'md', markdown: 'md' };

/** How a document command talks to the world; tests pass their own. */
export interface DocumentCliIo {
  /** Text for the person at the terminal (stdout). */
  out(text: string): void;
  /** Warnings and errors (stderr). */
  err(text: string): void;
  /** The document's bytes when it goes to stdout. */
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

/** The output flags as given. */
export interface DocumentOptions {
  format: DocumentFormat;
  /** A file path, '-' for stdout, or null for the default place of the format. */
  out: string | null;
  language: Language;
  verbose: boolean;
}

/** The help text's lines for the output flags; `wordFile` is where a Word file goes without `--out`. */
export function outputFlagsUsage(wordFile: string): string {
  return `  --format docx|html|md   Word (standard), HTML eller Markdown; utan flaggan avgör
                          filändelsen i --out (default: from --out's extension, else docx)
  --out FIL               Skriv till FIL. Utan --out skrivs Markdown och HTML till stdout
                          och Word till ${wordFile}; --out - skickar
                          Word-filen till stdout (not to a terminal)
  --lang sv|en            Språket, svenska (standard) eller engelska (language)
  --verbose               Visa loggarna (show the logs on stderr)
  --help                  Den här texten (this text)`;
}

/** A wrong argument: the message names the problem, in Swedish with the English in brackets. */
export const usage = (message: string): AppError => new AppError('usage', message);

type OwnOptions = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses `argv` with the command's own options beside the output flags. Returns 'help', or the
 * command's values (strings, undefined when absent) and the checked output flags. Throws
 * `usage(...)` for a stray argument or a bad output flag.
 */
export function parseDocumentArgs(argv: string[], own: OwnOptions): 'help' | { values: Record<string, string | undefined>; options: DocumentOptions } {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      ...own,
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
  const given = values as Record<string, string | boolean | undefined>;
  const text = (name: string): string | undefined => (typeof given[name] === 'string' ? given[name] : undefined);
  const out = text('out');
  const formatFlag = text('format');
  if (out === '') throw usage('--out saknar filnamn (--out needs a file name)');
  let format: DocumentFormat | undefined;
  if (formatFlag !== undefined) {
    format = FORMATS[formatFlag.toLowerCase()];
    if (format === undefined) throw usage(`--format ska vara docx, html eller md, inte "${formatFlag}" (--format must be docx, html or md)`);
  } else if (out !== undefined && out !== '-') {
    format = FORMATS[extname(out).slice(1).toLowerCase()];
  }
  const lang = text('lang') ?? 'sv';
  if (lang !== 'sv' && lang !== 'en') throw usage(`--lang ska vara sv eller en, inte "${lang}" (--lang must be sv or en)`);
  const ownValues = Object.fromEntries(Object.keys(own).map((name) => [name, text(name)]));
  return { values: ownValues, options: { format: format ?? 'docx', out: out ?? null, language: lang, verbose: values.verbose === true } };
}

/** The message for an argument error: ours as written, node's parser's first sentence otherwise. */
export function argumentErrorMessage(error: unknown): string {
  const raw = (error as { message?: unknown } | null)?.message;
  const text = typeof raw === 'string' ? raw : String(error);
  if (error instanceof AppError) return text;
  // node:util parseArgs says e.g. "Option '--year <value>' argument missing": keep the first sentence.
  return `Felaktiga argument (bad arguments): ${text.replace(/\. To specify[\s\S]*$/, '.')}`;
}

/** Whether the document goes to stdout: `--out -`, or no `--out` for a text format. */
export function goesToStdout(options: DocumentOptions): boolean {
  return options.out === '-' || (options.out === null && options.format !== 'docx');
}

/** Refuses a Word file on a terminal (exit 2) with a hint naming `exampleFile`; true when refused. */
export function refusesTerminal(options: DocumentOptions, io: DocumentCliIo, exampleFile: string): boolean {
  if (!(goesToStdout(options) && options.format === 'docx' && io.stdoutIsTerminal)) return false;
  io.err(
    `Word-filen skrivs inte till terminalen: ange --out ${exampleFile}, eller styr om utdata med > (a Word file is not written to a terminal: use --out FILE or redirect stdout).\n`,
  );
  return true;
}

/** Writes `body` to `file` (relative to `io.cwd`); false, with the reason on stderr, when it could not. */
export async function writeDocumentFile(io: DocumentCliIo, file: string, body: Buffer | string): Promise<boolean> {
  try {
    await writeFile(io.cwd === undefined ? file : resolve(io.cwd, file), body);
    return true;
  } catch (error) {
    io.err(`Filen kunde inte skrivas (could not write the file) ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return false;
  }
}

/** What a document command has once its arguments and configuration are checked. */
export interface DocumentCliStart<Args> {
  args: Args;
  config: Config;
  logger: Logger;
  /** The command's own logger (`module`). */
  log: Logger;
}

/**
 * The start every document command shares: parse (printing the usage for `--help` or with the
 * problem), refuse a Word file on a terminal, read the configuration, make the loggers (stderr;
 * warnings only unless `--verbose`). Returns the exit code when the command is already done.
 */
export function startDocumentCli<Args extends DocumentOptions>(
  argv: string[],
  io: DocumentCliIo,
  command: { parse(argv: string[]): Args | 'help'; usage: string; exampleFile: string; module: string },
): number | DocumentCliStart<Args> {
  let args: Args;
  try {
    const parsed = command.parse(argv);
    if (parsed === 'help') {
      io.out(`${command.usage}\n`);
      return 0;
    }
    args = parsed;
  } catch (error) {
    io.err(`${argumentErrorMessage(error)}\n\n${command.usage}\n`);
    return 2;
  }
  if (refusesTerminal(args, io, command.exampleFile)) return 2;
  const config = loadCliConfig(io.env, io.err);
  if (config === null) return 2;
  const logger = createLogger(args.verbose ? config.logLevel : 'warn', pino.destination(2));
  return { args, config, logger, log: logger.child({ module: command.module }) };
}

/** Runs a document command as the program: the process's streams, its exit code, one line if it fails. */
export function runAsProgram(run: (argv: string[], io: DocumentCliIo) => Promise<number>): void {
  run(process.argv.slice(2), {
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
