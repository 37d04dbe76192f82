/**
 * `Action.Execute` from the cards: choose the reminder channel, mark an agreement's revision as
 * started (decided from the item read fresh from the list, written with If-Match), snooze a
 * reminder. Each returns the card for the member who pressed (the invoke response) and, only
 * when what everyone sees has changed, the card that replaces the channel message. Personal
 * answers ("Inget ändrat", "Jag påminner igen …") never reach the whole channel.
 * Anything stale or invalid becomes a card that says so, never an error.
 */
import type { AdaptiveCard, Language, TeamTarget } from '../contracts';
import { addDays, daysBetween, stockholmDateOf, stockholmInstant } from '../../src/domain/dates';
import type { DueExpiry, DueMeeting, Entry } from '../../src/domain/types';
import { SourceError } from '../../src/errors';
import { setRevisionStatus } from '../../src/lists/revision-fields';
import {
  actionStrings,
  escapeMarkdown,
  meetingAgenda,
  parseActionData,
  revisionLabel,
  strings,
  VERBS,
  type ActionActionData,
  type CardNotice,
  type ExpiryActionData,
  type MeetingActionData,
  type ParsedAction,
  SNOOZE_DAYS,
} from '../cards';
import type { HandlerDeps } from './deps';
import { cardContext, welcomeCard } from './installation';
import type { InvokeProblem } from './invoke-value';
import { memberName, teamChannels, teamIdOf, type Turn } from './teams-context';

export interface ActionOutcome {
  /** The card the member who pressed sees (the invoke response). */
  personal: AdaptiveCard;
  /** The card that replaces the channel message for everyone; null when nothing shared changed. */
  shared: AdaptiveCard | null;
}

function message(deps: HandlerDeps, language: Language, text: string, style: CardNotice['style'] = 'warning'): ActionOutcome {
  const t = strings(language);
  return { personal: deps.cards.message({ title: t.actionResult, text, style }, cardContext(deps, language)), shared: null };
}

function expiryOf(entry: Entry, data: ExpiryActionData, today: string): DueExpiry | null {
  const validTo = entry.agreement?.validity.to ?? null;
  if (!entry.agreement || !validTo) return null;
  return { entry, threshold: data.threshold, reachedOn: addDays(validTo, -data.threshold), validTo, daysLeft: daysBetween(today, validTo) };
}

/**
 * The expiry card for `entry` as it is now: with `notice` for the member who pressed, and, when
 * `share` holds, without it for the channel message.
 */
function expiryCards(
  deps: HandlerDeps,
  language: Language,
  data: ExpiryActionData,
  entry: Entry,
  notice: CardNotice,
  share: 'shared' | 'personal',
): ActionOutcome {
  const due = expiryOf(entry, data, stockholmDateOf(deps.clock.now()));
  if (!due) return message(deps, language, strings(language).entryGone);
  const context = cardContext(deps, language, data.eventKey);
  return {
    personal: deps.cards.expiryNotice(due, context, { notice }),
    shared: share === 'shared' ? deps.cards.expiryNotice(due, context) : null,
  };
}

/** The expiry card from the app's copy of the list, for answers that change nothing in it. */
async function cachedExpiryCard(deps: HandlerDeps, language: Language, data: ExpiryActionData, notice: CardNotice): Promise<ActionOutcome> {
  const snapshot = await deps.snapshots.get();
  const entry = snapshot.list.entries.find((candidate) => candidate.id === data.entryId);
  return entry ? expiryCards(deps, language, data, entry, notice, 'personal') : message(deps, language, strings(language).entryGone);
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
  const agenda = meetingAgenda(snapshot.view, meeting);
  return { personal: deps.cards.meetingReminder(due, cardContext(deps, language, data.eventKey), { notice, agenda }), shared: null };
}

/** After a channel is chosen, what is already due goes out now rather than at the next scheduled run. */
export function postDueSoon(deps: HandlerDeps, teamId: string): void {
  if (!deps.postDueNow) return;
  // Not awaited: the member's click is answered at once; the ledger keeps every reminder to one post.
  setImmediate(() => {
    deps.postDueNow?.(teamId).catch((error: unknown) => {
      deps.logger
        .child({ module: 'bot-actions' })
        .warn({ teamId, err: error instanceof Error ? error.message : String(error) }, 'posting what is due after the channel choice failed');
    });
  });
}

async function chooseChannel(context: Turn, deps: HandlerDeps, team: TeamTarget, channelId: string): Promise<ActionOutcome> {
  const t = strings(team.language);
  const channels = await teamChannels(context, team.teamId, t.generalChannel);
  const channel = channels.find((candidate) => candidate.id === channelId);
  if (!channel) {
    return { personal: await welcomeCard(context, deps, team, { style: 'attention', text: t.channelNotInTeam }), shared: null };
  }
  const by = await memberName(context, deps.logger.child({ module: 'bot-actions' }));
  const updated =
    (await deps.registry.update(team.teamId, (current) => (current ? { ...current, channelId: channel.id, channelName: channel.name } : null))) ?? team;
  deps.logger.child({ module: 'bot-actions' }).info({ teamId: team.teamId, channelId: channel.id }, 'reminder channel chosen');
  postDueSoon(deps, team.teamId);
  const card = deps.cards.welcome(
    { channels, chosen: channel, chosenBy: by, notice: { style: 'good', text: t.channelChosen(escapeMarkdown(channel.name)) } },
    cardContext(deps, updated.language),
  );
  // The team's channel is shared state: everyone sees which one was chosen, and by whom.
  return { personal: card, shared: card };
}

const isOutcome = (value: Entry | ActionOutcome): value is ActionOutcome => 'personal' in value;

/** The agreement as the list holds it now; a failure to read it becomes the "try again" card. */
async function freshAgreement(deps: HandlerDeps, language: Language, entryId: string): Promise<Entry | ActionOutcome> {
  const t = strings(language);
  const log = deps.logger.child({ module: 'bot-actions' });
  let entry: Entry | null;
  try {
    entry = await deps.source.getEntry(entryId);
  } catch (error) {
    log.error({ entryId, err: (error as Error).message }, 'the agreement could not be read before deciding');
    return message(deps, language, t.sourceFailed, 'attention');
  }
  if (!entry) return message(deps, language, t.entryGone);
  if (!entry.agreement) {
    log.info({ entryId, kind: entry.kind }, 'revision action on an entry that is not an agreement');
    return message(deps, language, t.notAnAgreement);
  }
  return entry;
}

async function revisionStarted(context: Turn, deps: HandlerDeps, language: Language, data: ExpiryActionData): Promise<ActionOutcome> {
  const t = strings(language);
  const log = deps.logger.child({ module: 'bot-actions' });
  // Decided from the item itself, not the app's copy of the list, which may be older.
  const entry = await freshAgreement(deps, language, data.entryId);
  if (isOutcome(entry)) return entry;
  // The channel card shows the item as it was when the card was made (its eTag is in the data).
  const changedSinceCard = entry.eTag !== data.eTag;
  // The app's copy is older than the item too: bring it up to date (a failed read is logged there).
  if (changedSinceCard) await deps.snapshots.refresh().catch(() => undefined);
  const current = entry.agreement?.revisionStatus ?? null;
  if (current === 'started' || current === 'revised') {
    return expiryCards(
      deps,
      language,
      data,
      entry,
      { style: 'accent', text: t.revisionAlready(revisionLabel(current, language)) },
      changedSinceCard ? 'shared' : 'personal',
    );
  }
  if (changedSinceCard) {
    // The member pressed on an older state: show them (and the channel) the current one first.
    log.info({ entryId: entry.id }, 'revision status not written: the item changed since the card was made');
    return expiryCards(deps, language, data, entry, { style: 'warning', text: t.revisionConflict }, 'shared');
  }
  const by = await memberName(context, log);
  let written: Entry;
  try {
    written = await setRevisionStatus(deps.source, entry.id, { status: 'started', by, at: deps.clock.now().toISOString() }, entry.eTag);
  } catch (error) {
    if (error instanceof SourceError && (error.status === 412 || error.code === 'conflict')) {
      log.info({ entryId: entry.id }, 'revision status not written: the item changed between reading and writing it');
      const now = await freshAgreement(deps, language, entry.id);
      return isOutcome(now) ? now : expiryCards(deps, language, data, now, { style: 'warning', text: t.revisionConflict }, 'shared');
    }
    if (error instanceof SourceError && (error.status === 404 || error.code === 'not-found')) return message(deps, language, t.entryGone);
    log.error({ entryId: entry.id, err: (error as Error).message }, 'revision status could not be written');
    return message(deps, language, t.sourceFailed, 'attention');
  }
  log.info({ entryId: entry.id }, 'revision marked as started');
  // The tab and later cards read the app's copy: bring it up to date (a failed read is logged there).
  await deps.snapshots.refresh().catch(() => undefined);
  return expiryCards(deps, language, data, written, { style: 'good', text: t.revisionDone(escapeMarkdown(by)) }, 'shared');
}

async function snooze(deps: HandlerDeps, team: TeamTarget, data: ExpiryActionData | MeetingActionData | ActionActionData): Promise<ActionOutcome> {
  const t = strings(team.language);
  const result = await deps.snoozer.snooze(team.teamId, data.eventKey as string, SNOOZE_DAYS);
  const until = addDays(stockholmDateOf(deps.clock.now()), SNOOZE_DAYS);
  const notice: CardNotice = result === 'snoozed' ? { style: 'good', text: t.snoozed(until) } : { style: 'warning', text: t.eventGone };
  // An action's reminder: the answer is for the member who pressed; the channel's card stays.
  if (data.card === 'action') return message(deps, team.language, notice.text, notice.style);
  return data.card === 'expiry' ? cachedExpiryCard(deps, team.language, data, notice) : meetingCard(deps, team.language, data, notice);
}

/**
 * "Klart" on an action reminder: writes status Klart and today's date to the action, only if the
 * item is still as the card showed it (If-Match with the card's eTag). Someone else's change
 * meanwhile, or an action already done, is said to the member who pressed, and nothing is written.
 */
async function actionDone(context: Turn, deps: HandlerDeps, language: Language, data: ActionActionData): Promise<ActionOutcome> {
  const log = deps.logger.child({ module: 'bot-actions' });
  const words = actionStrings(language);
  const today = stockholmDateOf(deps.clock.now());
  const snapshot = await deps.snapshots.get().catch(() => null);
  const known = snapshot?.forum.actions.find((action) => action.id === data.actionId) ?? null;
  if (known && known.status === 'done') return message(deps, language, words.already(known.doneOn), 'accent');
  const by = await memberName(context, log);
  try {
    await deps.source.update('actions', data.actionId, { ActionStatus: 'Klart', DoneDate: stockholmInstant(today).toISOString() }, data.eTag);
  } catch (error) {
    if (error instanceof SourceError && error.code === 'conflict') {
      log.info({ actionId: data.actionId }, 'action not marked done: the item changed since the card was made');
      return message(deps, language, words.conflict);
    }
    if (error instanceof SourceError && error.code === 'not-found') return message(deps, language, words.gone);
    log.error({ actionId: data.actionId, err: (error as Error).message }, 'action could not be marked done');
    return message(deps, language, strings(language).sourceFailed);
  }
  log.info({ actionId: data.actionId }, 'action marked done');
  await deps.snapshots.refresh().catch(() => undefined);
  const text = words.doneBy(escapeMarkdown(by), today);
  const card = deps.cards.message({ title: known ? known.title : strings(language).actionResult, text, style: 'good' }, cardContext(deps, language));
  return { personal: card, shared: card };
}

/** The answer to an invoke whose value could not be read at all (see `readInvokeValue`). */
export async function invalidInvoke(context: Turn, deps: HandlerDeps, problem: InvokeProblem): Promise<ActionOutcome> {
  const teamId = teamIdOf(context);
  const team = teamId ? await deps.registry.get(teamId) : null;
  const language = team?.language ?? deps.options.defaultLanguage;
  return message(deps, language, strings(language).invalidInvoke[problem]);
}

/** Handles one Action.Execute; returns the card for the member who pressed, and the shared one when it changed. */
export async function handleCardAction(context: Turn, deps: HandlerDeps, verb: unknown, data: unknown): Promise<ActionOutcome> {
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
    case VERBS.actionDone:
      return actionDone(context, deps, language, action.data);
  }
}
