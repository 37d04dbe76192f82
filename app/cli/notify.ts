/**
 * `npm run notify -- [--dry-run] [--date YYYY-MM-DD] [--digest] [--json] [--team <id>] [--verbose]`
 *
 * Runs the notifier once, as the schedule would: reads the list (local or SharePoint, from the
 * configuration), works out what is due, and posts it to each team's channel exactly once.
 * `--dry-run` previews instead: it prints the cards that would be posted on the date as text
 * (and as JSON with `--json`), and posts and records nothing.
 *
 * Exit codes: 0 done; 1 the list or the state could not be read; 2 bad arguments or configuration;
 * 3 some cards could not be delivered (see the report).
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { appUrlFor, tabUrlFor } from '../../bot';
import { createMessenger } from '../../bot/adapter';
import type { Messenger } from '../../bot/contracts';
import { TemplateCardRenderer } from '../../bot/cards';
import { createNotifier } from '../../bot/notifier';
import type { NotifyReport } from '../../bot/notifier';
import { createStateStore } from '../../bot/state';
import { StateStoreTeamRegistry } from '../../bot/teams';
import type { Config } from '../../src/config';
import { parseCalendarDate, stockholmClockOf, stockholmInstant } from '../../src/domain/dates';
import { AppError, SourceError } from '../../src/errors';
import { createLogger, type Logger } from '../../src/logger';
import type { Clock } from '../../src/ports/clock';
import { firstRunOn } from '../../bot/scheduler';
import { formatReport } from '../../bot/cli/format-report';
import { clockFor } from '../clock';
import { loadCliConfig } from './config';
import { createSnapshots } from '../snapshots';
import { createDocumentStore, createGraph, createListSource, createPeopleDirectory, libraryForCards } from '../sources';

export const USAGE = `Användning (usage): npm run notify -- [flaggor]

  --dry-run            Visa korten som skulle postas, posta och spara inget (preview only)
  --date YYYY-MM-DD    Kör för detta datum i stället för i dag, med tyst tid och helg
                       bedömda vid schemats första körning den dagen
                       (run for this date, quiet time judged at that day's first scheduled run)
  --digest             Veckoöversikten i stället för påminnelserna (the weekly digest)
  --json               Skriv även kortens JSON (also print each card's JSON)
  --team <id>          Bara detta team (only this team)
  --verbose            Visa loggarna (show the logs on stderr)
  --help               Den här texten (this text)

Exempel (example): npm run notify -- --dry-run --date 2022-12-01`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The environment to configure from; default the process's own (read by src/config.ts). */
  env?: NodeJS.ProcessEnv;
  /** Replaces the Bot Connector messenger (tests). */
  messenger?: Messenger;
}

interface Args {
  dryRun: boolean;
  date: string | undefined;
  digest: boolean;
  json: boolean;
  team: string | undefined;
  verbose: boolean;
  help: boolean;
}

function parse(argv: string[]): Args {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      'dry-run': { type: 'boolean', default: false },
      date: { type: 'string' },
      digest: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      team: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new AppError('usage', `Okänt argument (unknown argument): ${positionals.join(' ')}`);
  if (values.date !== undefined && parseCalendarDate(values.date) === null) {
    throw new AppError('usage', `--date ska vara ett datum som 2022-12-01, inte "${values.date}" (--date must be a date, YYYY-MM-DD)`);
  }
  if (values.digest && values.team !== undefined) throw new AppError('usage', '--team går inte med --digest (--team cannot be combined with --digest)');
  return {
    dryRun: values['dry-run'] === true,
    date: values.date,
    digest: values.digest === true,
    json: values.json === true,
    team: values.team,
    verbose: values.verbose === true,
    help: values.help === true,
  };
}

function usageMessage(error: unknown): string {
  const raw = (error as { message?: unknown } | null)?.message;
  const message = typeof raw === 'string' ? raw : String(error);
  if (error instanceof AppError) return message;
  // node:util parseArgs says e.g. "Unknown option '--dryrun'. To specify a positional…": keep the first sentence.
  return `Felaktiga argument (bad arguments): ${message.replace(/\. To specify[\s\S]*$/, '.')}`;
}

/** A stand-in for dry runs, which never post. */
const noMessenger: Messenger = {
  postCard: async () => ({ ok: false, kind: 'failed', status: 0, message: 'dry run: nothing is posted' }),
};

function connectorMessenger(config: Config, logger: Logger): Messenger {
  return createMessenger({ bot: config.bot, logger, authorityHost: config.graph?.authorityHost });
}

/**
 * The instant quiet hours and weekends are judged at, and a line saying so. Without `--date` it
 * is now (on the app's clock, the demo clock when TODAY is set). With `--date` it is that day's
 * first scheduled run, as the schedule would have posted then; a day the schedule skips is
 * judged at the current time of day.
 */
function quietTiming(args: Args, config: Config, clock: Clock): { at: Date | undefined; line: string } {
  const override = 'Posta ändå med QUIET_HOURS=off och/eller QUIET_WEEKENDS=off (to post anyway, set QUIET_HOURS=off and/or QUIET_WEEKENDS=off).';
  if (args.date === undefined) {
    const now = stockholmClockOf(clock.now());
    return { at: undefined, line: `Tyst tid och helg bedöms nu, ${now.date} kl. ${now.time} (quiet hours and weekends judged now). ${override}` };
  }
  const schedules: Array<[string, string]> = [['NOTIFY_SCHEDULE', config.bot.notifySchedule]];
  if (args.digest && config.bot.digestSchedule) schedules.unshift(['DIGEST_SCHEDULE', config.bot.digestSchedule]);
  for (const [name, pattern] of schedules) {
    const at = firstRunOn(pattern, args.date);
    if (at) {
      const time = stockholmClockOf(at).time;
      return {
        at,
        line: `Tyst tid och helg bedöms för ${args.date} kl. ${time}, schemats första körning den dagen (${name}="${pattern}") (quiet hours and weekends judged at ${time} on ${args.date}, the first scheduled run that day). ${override}`,
      };
    }
  }
  const time = stockholmClockOf(clock.now()).time;
  return {
    at: stockholmInstant(args.date, time),
    line: `Schemat kör inte ${args.date}; tyst tid och helg bedöms för den dagen kl. ${time}, tiden nu (the schedule does not run that day; judged at the time now). ${override}`,
  };
}

/** Runs the command; returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let args: Args;
  try {
    args = parse(argv);
  } catch (error) {
    io.err(`${usageMessage(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }

  const config = loadCliConfig(io.env, io.err);
  if (config === null) return 2;

  const logger = createLogger(args.verbose ? config.logLevel : 'warn', pino.destination(2));
  const clock = clockFor(config);
  const graph = createGraph(config, { logger, clock });
  const source = createListSource(config, { logger, clock, graph });
  const snapshots = createSnapshots(config, { source, clock, logger });
  const timing = quietTiming(args, config, clock);
  try {
    const store = await createStateStore(config.stateStore, { logger });
    const messenger = args.dryRun ? noMessenger : (io.messenger ?? connectorMessenger(config, logger));
    const notifier = createNotifier({
      snapshots,
      registry: new StateStoreTeamRegistry(store, clock),
      messenger,
      cards: new TemplateCardRenderer(),
      store,
      clock,
      logger,
      options: config.bot,
      // The same links the running server puts on its cards (PORT, HOST, PUBLIC_URL, TEAMS_APP_ID).
      tabUrl: tabUrlFor(config),
      appUrl: appUrlFor(config),
      wordNeedsSignIn: config.tabAuth !== null,
      meetingWithinDays: config.meetingWithinDays,
      people: createPeopleDirectory(config, { logger, clock, graph }),
      documents: libraryForCards(createDocumentStore(config, { logger, clock, graph })),
    });
    const report: NotifyReport = args.digest
      ? await notifier.digest({ date: args.date, dryRun: args.dryRun, at: timing.at })
      : await notifier.run({ date: args.date, dryRun: args.dryRun, teamId: args.team, at: timing.at });
    io.out(formatReport(report, { json: args.json, source: config.mode, team: args.team ?? null, quietTiming: timing.line, demoDate: config.today }));
    const undelivered = (report.counts.failed ?? 0) + (report.counts['failed-retryable'] ?? 0);
    return undelivered > 0 ? 3 : 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof SourceError) {
      io.err(`Balanslistan kunde inte läsas (the balance list could not be read): ${message}\nInget postades (nothing was posted).\n`);
    } else if (error instanceof AppError && error.code === 'config') {
      io.err(`Konfigurationen är felaktig (configuration error): ${message}\n`);
      return 2;
    } else if (error instanceof AppError && error.code.startsWith('state-store')) {
      io.err(`Botens tillstånd kunde inte läsas (the bot state could not be read): ${message}\n`);
    } else {
      io.err(`Körningen misslyckades (the run failed): ${message}\n`);
    }
    return 1;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`Körningen misslyckades (the run failed): ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
