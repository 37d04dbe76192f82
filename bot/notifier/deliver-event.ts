/**
 * One event for one team: posted exactly once through the ledger, or previewed.
 */
import type { CardContext, DeliveryResult, TeamTarget } from '../contracts';
import type { CalendarDate } from '../../src/domain/types';
import { cardLookups, needsLookups, type CardLookups } from './card-lookups';
import { errorText, type Mode, type NotifierCore } from './deps';
import type { NotifyEvent } from './events';
import type { EventReport, Outcome } from './types';

/** Claims the event in the ledger, posts its card, and settles the claim with the result. */
export async function postEvent(
  core: NotifierCore,
  team: TeamTarget,
  event: NotifyEvent,
  today: CalendarDate,
): Promise<{ report: EventReport; result: DeliveryResult | null }> {
  const { deps, ledger, log } = core;
  const summary = event.summary(team.language);
  const report = (outcome: Outcome, detail: string | null = null): EventReport => ({ key: event.key, kind: event.kind, outcome, summary, detail });
  let lookups: CardLookups = {};
  if (needsLookups(core, event)) {
    // People and saved files are looked up only for a card that will be posted: not for one the ledger skips.
    const verdict = await ledger.inspect(team.teamId, event.key, today);
    if (verdict.action === 'skip') return { report: report(verdict.outcome, verdict.detail), result: null };
    lookups = await cardLookups(core, event);
  }
  const context: CardContext = { language: team.language, tabUrl: deps.tabUrl, today, eventKey: event.key, ...lookups };
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
  log[result.kind === 'failed' ? 'error' : 'warn'](
    { teamId: team.teamId, key: event.key, status: result.status, error: result.message },
    `delivery ${outcome}`,
  );
  return { report: report(outcome, `${result.status}: ${result.message}`), result };
}

/** What posting would do (dry run), or that it waits for the end of quiet time; records nothing. */
export async function previewEvent(
  core: NotifierCore,
  team: TeamTarget,
  event: NotifyEvent,
  today: CalendarDate,
  mode: Exclude<Mode, 'post'>,
): Promise<EventReport> {
  const summary = event.summary(team.language);
  const verdict = core.previews.has(team) ? null : await core.ledger.inspect(team.teamId, event.key, today);
  if (verdict?.action === 'skip') return { key: event.key, kind: event.kind, outcome: verdict.outcome, summary, detail: verdict.detail };
  if (mode === 'quiet') return { key: event.key, kind: event.kind, outcome: 'deferred-quiet-hours', summary, detail: null };
  const card = event.render(core.deps.cards, { language: team.language, tabUrl: core.deps.tabUrl, today, eventKey: null });
  return { key: event.key, kind: event.kind, outcome: 'would-post', summary, detail: null, card };
}
