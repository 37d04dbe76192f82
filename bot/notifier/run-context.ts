/**
 * What a reminder run and a digest run both start with (the date, one read of the list, what is
 * due, whether it is quiet time) and how both end (the counted, logged report).
 */
import { parseCalendarDate, stockholmDateOf } from '../../src/domain/dates';
import { DEFAULT_DUE_RULES, computeDue } from '../../src/domain/due';
import type { CalendarDate, Due, DueRules } from '../../src/domain/types';
import type { ForumData } from '../../src/domain/errands';
import { AppError } from '../../src/errors';
import type { BalanceListView } from '../../src/view-model';
import type { Mode, NotifierCore, NotifierDeps } from './deps';
import { quietReason } from './quiet';
import type { NotifyReport, Outcome } from './types';

export interface RunContext {
  startedAt: string;
  today: CalendarDate;
  dryRun: boolean;
  stale: boolean;
  due: Due;
  /** The view read for this run: the ärenden and the lists' addresses. */
  view: BalanceListView;
  /** The forum's year data read for this run. */
  forum: ForumData;
  quiet: NotifyReport['quiet'];
  /** The instant quiet hours and weekends were judged at (ISO). */
  quietAt: string;
  mode: Mode;
}

/** The due rules from the settings; the meeting horizon always reaches the earliest reminder. */
export function dueRules(deps: NotifierDeps): DueRules {
  return {
    meetingWithinDays: Math.max(deps.meetingWithinDays ?? DEFAULT_DUE_RULES.meetingWithinDays, ...deps.options.meetingReminderDays),
    meetingReminderDays: deps.options.meetingReminderDays,
    expiryThresholds: deps.options.expiryThresholds,
    expiredWithinDays: deps.options.expiredWithinDays,
  };
}

function dateOf(core: NotifierCore, text: string | undefined): CalendarDate {
  if (text === undefined) return stockholmDateOf(core.deps.clock.now());
  const date = parseCalendarDate(text);
  if (!date) throw new AppError('invalid-date', `"${text}" is not a date: write it as YYYY-MM-DD, e.g. 2022-12-01`);
  return date;
}

/** Starts a run for `opts.date` (default today), judging quiet time at `opts.at` (default now). */
export async function startRun(core: NotifierCore, rules: DueRules, opts: { date?: string; dryRun?: boolean; at?: Date }): Promise<RunContext> {
  const { deps, log } = core;
  const startedAt = deps.clock.now().toISOString();
  const today = dateOf(core, opts.date);
  const dryRun = opts.dryRun === true;
  // One incremental read per run (a single delta request when nothing changed).
  const snapshot = await deps.snapshots.refresh();
  if (snapshot.view.stale) log.warn({ staleSince: snapshot.view.staleSince }, 'the list could not be read; using the last good copy');
  const due = computeDue(snapshot.list, today, rules);
  const at = opts.at ?? deps.clock.now();
  const quiet = quietReason(at, deps.options);
  const mode: Mode = dryRun ? 'dry-run' : quiet ? 'quiet' : 'post';
  return { startedAt, today, dryRun, stale: snapshot.view.stale, due, view: snapshot.view, forum: snapshot.forum, quiet, quietAt: at.toISOString(), mode };
}

/** Counts the outcomes, stamps the end, and logs one line for the run. */
export function finishRun(core: NotifierCore, kind: NotifyReport['kind'], run: RunContext, teams: NotifyReport['teams']): NotifyReport {
  const counts: Partial<Record<Outcome, number>> = {};
  for (const team of teams) for (const event of team.events) counts[event.outcome] = (counts[event.outcome] ?? 0) + 1;
  const report: NotifyReport = {
    kind,
    date: run.today,
    dryRun: run.dryRun,
    startedAt: run.startedAt,
    finishedAt: core.deps.clock.now().toISOString(),
    quiet: run.quiet,
    quietAt: run.quietAt,
    stale: run.stale,
    teams,
    counts,
  };
  core.log.info(
    { kind: report.kind, date: report.date, dryRun: report.dryRun, quiet: report.quiet, teams: report.teams.length, counts },
    'notifier run finished',
  );
  return report;
}
