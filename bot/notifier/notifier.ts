/**
 * The notifier: on each run it reads the list (one incremental read), works out what is due on
 * the Stockholm date, and posts each due reminder to each team's chosen channel exactly once,
 * through the ledger. Quiet hours and weekends defer posts to the next run outside them.
 *
 * The steps live beside it: run-context (start and finish a run), team-reports (which teams,
 * and their part of the report), process-team and deliver-event (post or preview each card).
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { TeamTarget } from '../contracts';
import { addDays, stockholmDateOf } from '../../src/domain/dates';
import type { CalendarDate } from '../../src/domain/types';
import { AppError } from '../../src/errors';
import type { NotifierCore, NotifierDeps } from './deps';
import { digestActions, digestDue, digestEvent, isoWeekKey, reminderEvents } from './events';
import { actionEvents } from './actions';
import { followUpEvents, type WordLink } from './follow-up';
import { outcomeEvents } from './meeting-outcome';
import { Ledger } from './ledger';
import { processTeam } from './process-team';
import { dueRules, finishRun, startRun } from './run-context';
import { teamReport, teamsFor } from './team-reports';
import type { DigestOptions, Notifier, NotifyReport, RunOptions } from './types';

export type { NotifierDeps } from './deps';

const DEFAULT_LEASE_MS = 10 * 60_000;
const MAX_FAILED_ATTEMPTS = 3;

export function createNotifier(deps: NotifierDeps): Notifier {
  const owner = deps.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const core: NotifierCore = {
    deps,
    log: deps.logger.child({ module: 'notifier' }),
    ledger: new Ledger(
      deps.store,
      { owner, leaseMs: deps.leaseMs ?? DEFAULT_LEASE_MS, maxFailedAttempts: MAX_FAILED_ATTEMPTS },
      { clock: deps.clock, logger: deps.logger },
    ),
    previews: new WeakSet<TeamTarget>(),
  };
  const rules = dueRules(deps);
  const word: WordLink = { appUrl: deps.appUrl ?? null, tabUrl: deps.tabUrl, needsSignIn: deps.wordNeedsSignIn === true };

  /** A digest deferred by quiet hours or a busy connector earlier this week, waiting for this run. */
  async function pendingDigest(team: TeamTarget, today: CalendarDate): Promise<boolean> {
    if (deps.options.digestSchedule === null || core.previews.has(team)) return false;
    const record = await core.ledger.read(team.teamId, `digest/${isoWeekKey(today)}`);
    return record !== null && record.state === 'released';
  }

  return {
    async run(opts: RunOptions = {}): Promise<NotifyReport> {
      const run = await startRun(core, rules, opts);
      const events = [
        ...reminderEvents(run.due, run.view),
        ...outcomeEvents(run.forum, run.today, word),
        ...actionEvents(run.forum, run.today, deps.options.actionReminderDays),
        ...followUpEvents(run.forum, run.today, { readyDate: deps.options.followUpReadyDate, word }),
      ];
      const { ready, reports } = await teamsFor(core, opts.teamId, run.dryRun);
      for (const team of ready) {
        const teamEvents = (await pendingDigest(team, run.today))
          ? [...events, digestEvent(digestDue(run.due), digestActions(run.forum.actions, run.today))]
          : events;
        reports.push(await processTeam(core, team, teamEvents, run.today, run.mode));
      }
      return finishRun(core, 'reminders', run, reports);
    },

    async digest(opts: DigestOptions = {}): Promise<NotifyReport> {
      const run = await startRun(core, rules, opts);
      const due = digestDue(run.due);
      const actions = digestActions(run.forum.actions, run.today);
      const event = digestEvent(due, actions);
      const empty = due.meetings.length === 0 && due.expiries.length === 0 && actions.length === 0;
      const { ready, reports } = await teamsFor(core, undefined, run.dryRun);
      for (const team of ready) {
        if (empty) {
          const summary = event.summary(team.language);
          reports.push(
            teamReport(core, team, [
              { key: event.key, kind: event.kind, outcome: 'skipped-nothing-due', summary, detail: 'no meetings, agreements or open actions to mention' },
            ]),
          );
          continue;
        }
        const report = await processTeam(core, team, [event], run.today, run.mode);
        if (run.mode === 'quiet' && report.events[0]?.outcome === 'deferred-quiet-hours') {
          await core.ledger.defer(team.teamId, event.key, event.kind, `quiet time (${run.quiet}) at ${run.quietAt}`);
        }
        reports.push(report);
      }
      return finishRun(core, 'digest', run, reports);
    },

    async snooze(teamId: string, eventKey: string, days: number): Promise<'snoozed' | 'unknown-event'> {
      if (!Number.isInteger(days) || days < 1 || days > 365) {
        throw new AppError('invalid-snooze', `Snooze days must be a whole number from 1 to 365, not ${days}`);
      }
      const until = addDays(stockholmDateOf(deps.clock.now()), days);
      const done = await core.ledger.snooze(teamId, eventKey, until);
      core.log.info({ teamId, key: eventKey, until, done }, done ? 'snoozed' : 'snooze for an unknown event');
      return done ? 'snoozed' : 'unknown-event';
    },
  };
}
