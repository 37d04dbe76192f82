/**
 * `Action.Execute` from the cards: choose the reminder channel, mark an agreement's revision as
 * started (written to the list with If-Match), snooze a reminder. Each returns the card that
 * replaces the clicked one; the handler also updates the channel message so everyone sees it.
 * Anything stale or invalid becomes a card that says so, never an error.
 */
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard, Language, TeamTarget } from '../contracts';
import { addDays, daysBetween, stockholmDateOf } from '../../src/domain/dates';
import type { DueExpiry, DueMeeting, Entry } from '../../src/domain/types';
import { SourceError } from '../../src/errors';
import { REVISION_CHOICES } from '../../src/lists/schema';
import { escapeMarkdown, parseActionData, strings, VERBS, type CardNotice, type ExpiryActionData, type MeetingActionData, type ParsedAction } from '../cards';
import type { HandlerDeps } from './deps';
import { cardContext, welcomeCard } from './installation';
import { memberName, teamChannels, teamIdOf } from './teams-context';

const SNOOZE_DAYS = 7;
const REVISION_STARTED = REVISION_CHOICES.find(([, status]) => status === 'started')?.[0] ?? 'Revision påbörjad';

export interface ActionOutcome {
  card: AdaptiveCard;
  /** True when the card on the channel message should be replaced for everyone. */
  updateMessage: boolean;
}

function message(deps: HandlerDeps, language: Language, text: string, style: CardNotice['style'] = 'warning'): ActionOutcome {
  const t = strings(language);
  return { card: deps.cards.message({ title: t.actionResult, text, style }, cardContext(deps, language)), updateMessage: false };
}

function expiryOf(entry: Entry, data: ExpiryActionData, today: string): DueExpiry | null {
  const validTo = entry.agreement?.validity.to ?? null;
  if (!entry.agreement || !validTo) return null;
  return { entry, threshold: data.threshold, reachedOn: addDays(validTo, -data.threshold), validTo, daysLeft: daysBetween(today, validTo) };
}

async function expiryCard(deps: HandlerDeps, language: Language, data: ExpiryActionData, notice: CardNotice, refresh: boolean): Promise<ActionOutcome> {
  const t = strings(language);
  const snapshot = refresh ? await deps.snapshots.refresh() : await deps.snapshots.get();
  const entry = snapshot.list.entries.find((candidate) => candidate.id === data.entryId);
  const due = entry ? expiryOf(entry, data, stockholmDateOf(deps.clock.now())) : null;
  if (!due) return message(deps, language, t.entryGone);
  return { card: deps.cards.expiryNotice(due, cardContext(deps, language, data.eventKey), { notice }), updateMessage: true };
}

async function meetingCard(deps: HandlerDeps, language: Language, data: MeetingActionData, notice: CardNotice): Promise<ActionOutcome> {
  const t = strings(language);
  const snapshot = await deps.snapshots.get();
  const meeting = snapshot.list.meetings.find((candidate) => candidate.id === data.meetingId);
  if (!meeting) return message(deps, language, t.meetingGone);
  const due: DueMeeting = {
    meeting,
    daysUntil: daysBetween(stockholmDateOf(deps.clock.now()), meeting.date),
    reminder: data.reminder,
    followUps: snapshot.list.entries.filter((entry) => entry.nextFollowUp === meeting.date),
  };
  return { card: deps.cards.meetingReminder(due, cardContext(deps, language, data.eventKey), { notice }), updateMessage: true };
}

/** After a channel is chosen, what is already due goes out now rather than at the next scheduled run. */
export function postDueSoon(deps: HandlerDeps, teamId: string): void {
  if (!deps.postDueNow) return;
  // Not awaited: the member's click is answered at once; the ledger keeps every reminder to one post.
  setImmediate(() => {
    deps.postDueNow?.(teamId).catch((error: unknown) => {
      deps.logger.child({ module: 'bot-actions' }).warn({ teamId, err: error instanceof Error ? error.message : String(error) }, 'posting what is due after the channel choice failed');
    });
  });
}

async function chooseChannel(context: TurnContext, deps: HandlerDeps, team: TeamTarget, channelId: string): Promise<ActionOutcome> {
  const t = strings(team.language);
  const channels = await teamChannels(context, team.teamId, t.generalChannel);
  const channel = channels.find((candidate) => candidate.id === channelId);
  if (!channel) {
    return { card: await welcomeCard(context, deps, team, { style: 'attention', text: t.channelNotInTeam }), updateMessage: false };
  }
  const by = await memberName(context);
  const updated = (await deps.registry.update(team.teamId, (current) => (current ? { ...current, channelId: channel.id, channelName: channel.name } : null))) ?? team;
  deps.logger.child({ module: 'bot-actions' }).info({ teamId: team.teamId, channelId: channel.id }, 'reminder channel chosen');
  postDueSoon(deps, team.teamId);
  const card = deps.cards.welcome(
    { channels, chosen: channel, chosenBy: by, notice: { style: 'good', text: t.channelChosen(escapeMarkdown(channel.name)) } },
    cardContext(deps, updated.language),
  );
  return { card, updateMessage: true };
}

async function revisionStarted(context: TurnContext, deps: HandlerDeps, language: Language, data: ExpiryActionData): Promise<ActionOutcome> {
  const t = strings(language);
  const log = deps.logger.child({ module: 'bot-actions' });
  const snapshot = await deps.snapshots.get();
  const entry = snapshot.list.entries.find((candidate) => candidate.id === data.entryId);
  if (!entry?.agreement) return message(deps, language, t.entryGone);
  const current = entry.agreement.revisionStatus;
  if (current === 'started' || current === 'revised') {
    const label = REVISION_CHOICES.find(([, status]) => status === current)?.[0] ?? current;
    return expiryCard(deps, language, data, { style: 'accent', text: t.revisionAlready(label) }, false);
  }
  const by = await memberName(context);
  try {
    // If-Match with the eTag the card was made from: a change since then is not overwritten.
    await deps.source.update(
      'balance',
      entry.id,
      { RevisionStatus: REVISION_STARTED, RevisionUpdatedBy: by, RevisionUpdatedAt: deps.clock.now().toISOString() },
      data.eTag,
    );
  } catch (error) {
    if (error instanceof SourceError && (error.status === 412 || error.code === 'conflict')) {
      log.info({ entryId: entry.id }, 'revision status not written: the item changed since the card was made');
      return expiryCard(deps, language, data, { style: 'warning', text: t.revisionConflict }, true);
    }
    if (error instanceof SourceError && (error.status === 404 || error.code === 'not-found')) return message(deps, language, t.entryGone);
    log.error({ entryId: entry.id, err: (error as Error).message }, 'revision status could not be written');
    return message(deps, language, t.sourceFailed, 'attention');
  }
  log.info({ entryId: entry.id }, 'revision marked as started');
  return expiryCard(deps, language, data, { style: 'good', text: t.revisionDone(escapeMarkdown(by)) }, true);
}

async function snooze(deps: HandlerDeps, team: TeamTarget, data: ExpiryActionData | MeetingActionData): Promise<ActionOutcome> {
  const t = strings(team.language);
  const result = await deps.snoozer.snooze(team.teamId, data.eventKey as string, SNOOZE_DAYS);
  const until = addDays(stockholmDateOf(deps.clock.now()), SNOOZE_DAYS);
  const notice: CardNotice = result === 'snoozed' ? { style: 'good', text: t.snoozed(until) } : { style: 'warning', text: t.eventGone };
  return data.card === 'expiry' ? expiryCard(deps, team.language, data, notice, false) : meetingCard(deps, team.language, data, notice);
}

/** Handles one Action.Execute; returns the card to show. */
export async function handleCardAction(context: TurnContext, deps: HandlerDeps, verb: unknown, data: unknown): Promise<ActionOutcome> {
  const teamId = teamIdOf(context);
  const team = teamId ? await deps.registry.get(teamId) : null;
  const language = team?.language ?? deps.options.defaultLanguage;
  const t = strings(language);
  const action: ParsedAction | null = parseActionData(verb, data);
  if (!action) {
    deps.logger.child({ module: 'bot-actions' }).info({ verb: typeof verb === 'string' ? verb : null }, 'stale or unknown card action');
    return message(deps, language, t.staleAction);
  }
  switch (action.verb) {
    case VERBS.chooseChannel:
      return team ? chooseChannel(context, deps, team, action.data.channelId) : message(deps, language, t.channelOnlyInTeam);
    case VERBS.revisionStarted:
      return revisionStarted(context, deps, language, action.data);
    case VERBS.snooze:
      return team ? snooze(deps, team, action.data) : message(deps, language, t.staleAction);
  }
}
