/**
 * The notifier: on each run it reads the list (one incremental read), works out what is due on
 * the Stockholm date, and posts each due reminder to each team's chosen channel exactly once,
 * through the ledger. Quiet hours and weekends defer posts to the next run outside them.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { CardContext, CardRenderer, DeliveryResult, Messenger, TeamRegistry, TeamTarget } from '../contracts';
import type { BotOptions } from '../../src/config';
import { addDays, parseCalendarDate, stockholmDateOf } from '../../src/domain/dates';
import { DEFAULT_DUE_RULES, computeDue } from '../../src/domain/due';
import type { BalanceList, CalendarDate, DueRules } from '../../src/domain/types';
import { AppError } from '../../src/errors';
import type { Logger } from '../../src/logger';
import type { Clock } from '../../src/ports/clock';
import type { StateStore } from '../../src/ports/state-store';
import type { SnapshotProvider } from '../../src/snapshot/types';
import { digestDue, digestEvent, isoWeekKey, reminderEvents, type NotifyEvent } from './events';
import { Ledger } from './ledger';
import { quietReason } from './quiet';
import type { EventReport, Notifier, NotifyReport, Outcome, RunOptions, TeamReport } from './types';

export interface NotifierDeps {
  snapshots: SnapshotProvider;
  registry: TeamRegistry;
  messenger: Messenger;
  cards: CardRenderer;
  store: StateStore;
  clock: Clock;
  logger: Logger;
  options: BotOptions;
  /** Where the cards' "Öppna i balanslistan" leads. */
  tabUrl: string;
  /** Names this instance in ledger claims (default: host, process and a random tag). */
  instanceId?: string;
  /** A claim older than this is taken over (default 10 minutes; longer than any post with retries). */
  leaseMs?: number;
}

type Mode = 'post' | 'dry-run' | 'quiet';

const DEFAULT_LEASE_MS = 10 * 60_000;
const MAX_FAILED_ATTEMPTS = 3;

/** A team for dry runs when no team has installed the bot yet. */
function previewTeam(options: BotOptions): TeamTarget {
  const now = new Date(0).toISOString();
  return {
    teamId: 'preview',
    tenantId: '',
    serviceUrl: '',
    channelId: 'preview',
    channelName: null,
    conversationReference: {},
    language: options.defaultLanguage,
    active: true,
    installedAt: now,
    updatedAt: now,
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createNotifier(deps: NotifierDeps): Notifier {
  const log = deps.logger.child({ module: 'notifier' });
  const owner = deps.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const ledger = new Ledger(
    deps.store,
    { owner, leaseMs: deps.leaseMs ?? DEFAULT_LEASE_MS, maxFailedAttempts: MAX_FAILED_ATTEMPTS },
    { clock: deps.clock, logger: deps.logger },
  );
  const previews = new WeakSet<TeamTarget>();
  const rules: DueRules = {
    meetingWithinDays: Math.max(DEFAULT_DUE_RULES.meetingWithinDays, ...deps.options.meetingReminderDays),
    meetingReminderDays: deps.options.meetingReminderDays,
    expiryThresholds: deps.options.expiryThresholds,
    expiredWithinDays: deps.options.expiredWithinDays,
  };

  function dateOf(text: string | undefined): CalendarDate {
    if (text === undefined) return stockholmDateOf(deps.clock.now());
    const date = parseCalendarDate(text);
    if (!date) throw new AppError('invalid-date', `"${text}" is not a date: write it as YYYY-MM-DD, e.g. 2022-12-01`);
    return date;
  }

  async function readList(): Promise<{ list: BalanceList; stale: boolean }> {
    // One incremental read per run (a single delta request when nothing changed).
    const snapshot = await deps.snapshots.refresh();
    if (snapshot.view.stale) log.warn({ staleSince: snapshot.view.staleSince }, 'the list could not be read; using the last good copy');
    return { list: snapshot.list, stale: snapshot.view.stale };
  }

  /** The teams to post to, with the ones that cannot receive posts reported as such. */
  async function teamsFor(teamId: string | undefined, dryRun: boolean): Promise<{ ready: TeamTarget[]; reports: TeamReport[] }> {
    const all = (await deps.registry.list()).filter((team) => teamId === undefined || team.teamId === teamId);
    const ready: TeamTarget[] = [];
    const reports: TeamReport[] = [];
    for (const team of all) {
      const status = !team.active ? 'inactive' : team.channelId === null ? 'no-channel' : 'ready';
      if (status === 'ready') ready.push(team);
      else reports.push({ teamId: team.teamId, channelName: team.channelName, language: team.language, status, events: [] });
    }
    if (dryRun && ready.length === 0 && teamId === undefined) {
      const team = previewTeam(deps.options);
      previews.add(team);
      ready.push(team);
    }
    return { ready, reports };
  }

  function isPreview(team: TeamTarget): boolean {
    return previews.has(team);
  }

  async function post(team: TeamTarget, event: NotifyEvent, today: CalendarDate): Promise<{ report: EventReport; result: DeliveryResult | null }> {
    const summary = event.summary(team.language);
    const report = (outcome: Outcome, detail: string | null = null): EventReport => ({ key: event.key, kind: event.kind, outcome, summary, detail });
    const context: CardContext = { language: team.language, tabUrl: deps.tabUrl, today, eventKey: event.key };
    // Render before claiming: a card that cannot be made must not leave a claim behind.
    const card = event.render(deps.cards, context);
    const claim = await ledger.claim(team.teamId, event.key, event.kind, today);
    if ('action' in claim) return { report: report(claim.outcome, claim.detail), result: null };
    let result: DeliveryResult;
    try {
      result = await deps.messenger.postCard(team, card, summary);
    } catch (error) {
      result = { ok: false, kind: 'retryable', status: 0, message: `delivery threw: ${errorText(error)}` };
    }
    await ledger.settle(claim, result, today);
    if (result.ok) {
      log.info({ teamId: team.teamId, key: event.key, activityId: result.activityId }, 'posted');
      return { report: report('posted'), result };
    }
    const outcome: Outcome = result.kind === 'gone' ? 'team-gone' : result.kind === 'retryable' ? 'failed-retryable' : 'failed';
    log[result.kind === 'failed' ? 'error' : 'warn']({ teamId: team.teamId, key: event.key, status: result.status, error: result.message }, `delivery ${outcome}`);
    return { report: report(outcome, `${result.status}: ${result.message}`), result };
  }

  async function preview(team: TeamTarget, event: NotifyEvent, today: CalendarDate, mode: Mode): Promise<EventReport> {
    const summary = event.summary(team.language);
    const verdict = isPreview(team) ? null : await ledger.inspect(team.teamId, event.key, today);
    if (verdict?.action === 'skip') return { key: event.key, kind: event.kind, outcome: verdict.outcome, summary, detail: verdict.detail };
    if (mode === 'quiet') return { key: event.key, kind: event.kind, outcome: 'deferred-quiet-hours', summary, detail: null };
    const card = event.render(deps.cards, { language: team.language, tabUrl: deps.tabUrl, today, eventKey: null });
    return { key: event.key, kind: event.kind, outcome: 'would-post', summary, detail: null, card };
  }

  /** Processes one team's events in order; stops for the team when the connector says it is gone or unavailable. */
  async function processTeam(team: TeamTarget, events: NotifyEvent[], today: CalendarDate, mode: Mode): Promise<TeamReport> {
    const reports: EventReport[] = [];
    let halt: { outcome: Outcome; detail: string } | null = null;
    for (const event of events) {
      if (halt) {
        reports.push({ key: event.key, kind: event.kind, outcome: halt.outcome, summary: event.summary(team.language), detail: halt.detail });
        continue;
      }
      try {
        if (mode !== 'post') {
          reports.push(await preview(team, event, today, mode));
          continue;
        }
        const { report, result } = await post(team, event, today);
        reports.push(report);
        if (result && !result.ok && result.kind === 'gone') {
          await deps.registry.markInactive(team.teamId, result.message);
          halt = { outcome: 'team-gone', detail: 'not attempted: the bot is no longer in the team' };
        } else if (result && !result.ok && result.kind === 'retryable') {
          halt = { outcome: 'failed-retryable', detail: 'not attempted this run: the connector was unavailable' };
        }
      } catch (error) {
        // A card that cannot be made, or a ledger that cannot be written: report, and go on with the next event.
        log.error({ teamId: team.teamId, key: event.key, err: errorText(error) }, 'could not process event');
        reports.push({ key: event.key, kind: event.kind, outcome: 'failed', summary: event.summary(team.language), detail: errorText(error) });
      }
    }
    return {
      teamId: isPreview(team) ? null : team.teamId,
      channelName: team.channelName,
      language: team.language,
      status: isPreview(team) ? 'preview' : 'ready',
      events: reports,
    };
  }

  function finish(partial: Omit<NotifyReport, 'finishedAt' | 'counts'>): NotifyReport {
    const counts: Partial<Record<Outcome, number>> = {};
    for (const team of partial.teams) for (const event of team.events) counts[event.outcome] = (counts[event.outcome] ?? 0) + 1;
    const report: NotifyReport = { ...partial, finishedAt: deps.clock.now().toISOString(), counts };
    log.info({ kind: report.kind, date: report.date, dryRun: report.dryRun, quiet: report.quiet, teams: report.teams.length, counts }, 'notifier run finished');
    return report;
  }

  /** A digest deferred by quiet hours or a busy connector earlier this week, waiting for this run. */
  async function pendingDigest(team: TeamTarget, today: CalendarDate): Promise<boolean> {
    if (deps.options.digestSchedule === null || isPreview(team)) return false;
    const record = await ledger.read(team.teamId, `digest/${isoWeekKey(today)}`);
    return record !== null && record.state === 'released';
  }

  return {
    async run(opts: RunOptions = {}): Promise<NotifyReport> {
      const startedAt = deps.clock.now().toISOString();
      const today = dateOf(opts.date);
      const dryRun = opts.dryRun === true;
      const { list, stale } = await readList();
      const due = computeDue(list, today, rules);
      const events = reminderEvents(due);
      const quiet = quietReason(deps.clock.now(), deps.options);
      const mode: Mode = dryRun ? 'dry-run' : quiet ? 'quiet' : 'post';
      const { ready, reports } = await teamsFor(opts.teamId, dryRun);
      for (const team of ready) {
        const teamEvents = (await pendingDigest(team, today)) ? [...events, digestEvent(digestDue(due))] : events;
        reports.push(await processTeam(team, teamEvents, today, mode));
      }
      return finish({ kind: 'reminders', date: today, dryRun, startedAt, quiet, stale, teams: reports });
    },

    async digest(opts: { date?: string; dryRun?: boolean } = {}): Promise<NotifyReport> {
      const startedAt = deps.clock.now().toISOString();
      const today = dateOf(opts.date);
      const dryRun = opts.dryRun === true;
      const { list, stale } = await readList();
      const due = digestDue(computeDue(list, today, rules));
      const event = digestEvent(due);
      const empty = due.meetings.length === 0 && due.expiries.length === 0;
      const quiet = quietReason(deps.clock.now(), deps.options);
      const mode: Mode = dryRun ? 'dry-run' : quiet ? 'quiet' : 'post';
      const { ready, reports } = await teamsFor(undefined, dryRun);
      for (const team of ready) {
        if (empty) {
          reports.push({
            teamId: isPreview(team) ? null : team.teamId,
            channelName: team.channelName,
            language: team.language,
            status: isPreview(team) ? 'preview' : 'ready',
            events: [{ key: event.key, kind: event.kind, outcome: 'skipped-nothing-due', summary: event.summary(team.language), detail: 'no meetings or agreements to mention' }],
          });
          continue;
        }
        const report = await processTeam(team, [event], today, mode);
        if (mode === 'quiet' && report.events[0]?.outcome === 'deferred-quiet-hours') {
          await ledger.defer(team.teamId, event.key, event.kind, `quiet time (${quiet}) at ${deps.clock.now().toISOString()}`);
        }
        reports.push(report);
      }
      return finish({ kind: 'digest', date: today, dryRun, startedAt, quiet, stale, teams: reports });
    },

    async snooze(teamId: string, eventKey: string, days: number): Promise<'snoozed' | 'unknown-event'> {
      if (!Number.isInteger(days) || days < 1 || days > 365) {
        throw new AppError('invalid-snooze', `Snooze days must be a whole number from 1 to 365, not ${days}`);
      }
      const until = addDays(stockholmDateOf(deps.clock.now()), days);
      const done = await ledger.snooze(teamId, eventKey, until);
      log.info({ teamId, key: eventKey, until, done }, done ? 'snoozed' : 'snooze for an unknown event');
      return done ? 'snoozed' : 'unknown-event';
    },
  };
}
