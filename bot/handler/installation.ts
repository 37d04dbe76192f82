/**
 * The bot's life in a team: installed (store the target, post the welcome card with the channel
 * choice), removed (deactivate), its channels renamed or deleted, and the service URL kept fresh.
 */
import type { CardContext, Language, TeamTarget } from '../contracts';
import { stockholmDateOf } from '../../src/domain/dates';
import { strings } from '../cards';
import type { ChannelChoice, CardNotice } from '../cards';
import type { HandlerDeps } from './deps';
import { channelDataOf, conversationReferenceOf, postNew, serviceUrlOf, teamChannels, teamIdOf, tenantIdOf, type Turn } from './teams-context';

export function cardContext(deps: HandlerDeps, language: Language, eventKey: string | null = null): CardContext {
  return { language, tabUrl: deps.tabUrl, today: stockholmDateOf(deps.clock.now()), eventKey };
}

/** Keeps the team's service URL current: Teams may move a team to another region's URL. */
export async function refreshServiceUrl(context: Turn, deps: HandlerDeps): Promise<void> {
  const teamId = teamIdOf(context);
  const serviceUrl = serviceUrlOf(context);
  if (!teamId || !serviceUrl) return;
  await deps.registry.update(teamId, (current) => (current && current.serviceUrl !== serviceUrl ? { ...current, serviceUrl } : null));
}

/** The welcome card for a team as it stands now. */
export async function welcomeCard(context: Turn, deps: HandlerDeps, team: TeamTarget, notice?: CardNotice, chosenBy: string | null = null) {
  const t = strings(team.language);
  let channels: ChannelChoice[] = [];
  try {
    channels = await teamChannels(context, team.teamId, t.generalChannel);
  } catch (error) {
    deps.logger.child({ module: 'bot-install' }).warn({ teamId: team.teamId, err: (error as Error).message }, 'could not list the team channels');
  }
  const chosen = team.channelId
    ? { id: team.channelId, name: channels.find((c) => c.id === team.channelId)?.name ?? team.channelName ?? team.channelId }
    : null;
  return deps.cards.welcome({ channels, chosen, chosenBy, notice }, cardContext(deps, team.language));
}

/**
 * Teams sends an installationUpdate and a conversationUpdate for one install, moments apart:
 * a team welcomed this recently is not welcomed again by the second of them.
 */
const SAME_INSTALL_MS = 60_000;

/** Why a turn posts the welcome card (see `ensureTeam`). */
type WelcomeWhen = 'install' | 'first-message' | 'never';

/**
 * The bot was added to a team. Creates (or reactivates) the team's record and posts the welcome
 * card in the conversation it was added in. An install in a team the bot already knows (added
 * again, or a chat client such as the Agents Playground that keeps no history) welcomes again,
 * so a team that has not chosen its channel yet is always asked; of the two activities Teams
 * sends for one install, only one welcomes.
 */
export async function installInTeam(context: Turn, deps: HandlerDeps, welcomed: Set<string>): Promise<void> {
  const { team, welcome, previous } = await ensureTeam(context, deps, 'install');
  if (!team || !welcome) return;
  deps.logger
    .child({ module: 'bot-install' })
    .info(
      { teamId: team.teamId, tenantId: team.tenantId, reinstalled: previous !== null && !previous.active, alreadyActive: previous?.active === true },
      'installed in a team',
    );
  await postWelcome(context, deps, team, welcomed);
}

/**
 * A message in a team that has not chosen its channel: the first one this process sees for the
 * team brings the welcome card again (the card that asked may be long gone from view, or was
 * never seen, as in a new Agents Playground page), posted where the message was written.
 * A team the bot had no record of is registered and welcomed.
 */
export async function welcomeOnFirstMessage(context: Turn, deps: HandlerDeps, welcomed: Set<string>): Promise<void> {
  const teamId = teamIdOf(context);
  if (!teamId) return;
  const { team, welcome } = await ensureTeam(context, deps, welcomed.has(teamId) ? 'never' : 'first-message');
  if (!team || !welcome) return;
  deps.logger.child({ module: 'bot-install' }).info({ teamId, channelChosen: false }, 'welcome card posted again: no reminder channel chosen yet');
  await postWelcome(context, deps, team, welcomed);
}

async function postWelcome(context: Turn, deps: HandlerDeps, team: TeamTarget, welcomed: Set<string>): Promise<void> {
  welcomed.add(team.teamId);
  const card = await welcomeCard(context, deps, team);
  await postNew(context, card, strings(team.language).welcomeTitle);
}

/**
 * The team's record, created (or reactivated) from this activity when needed, and whether this
 * turn is the one to post the welcome card: always for a created or reactivated record; for an
 * active one, on an install not already welcomed moments ago, or on a first message while no
 * channel is chosen. Decided in the same conditional write as the record, so concurrent turns
 * agree on who welcomes. `previous` is the record as it was before.
 */
export async function ensureTeam(
  context: Turn,
  deps: HandlerDeps,
  when: WelcomeWhen = 'never',
): Promise<{ team: TeamTarget | null; welcome: boolean; previous: TeamTarget | null }> {
  const teamId = teamIdOf(context);
  if (!teamId) return { team: null, welcome: false, previous: null };
  const now = deps.clock.now();
  const serviceUrl = serviceUrlOf(context);
  const reference = conversationReferenceOf(context.activity);
  // The team's reference points at the team itself (its General thread), not at one message.
  const teamReference = { ...reference, activityId: undefined, conversation: { ...(reference.conversation as object), id: teamId } };
  let welcome = false;
  let previous = null as TeamTarget | null;
  const team = await deps.registry.update(teamId, (current) => {
    previous = current;
    welcome = false;
    if (current?.active) {
      const welcomedAgo = current.welcomedAt ? now.getTime() - Date.parse(current.welcomedAt) : Infinity;
      welcome = (when === 'install' && !(welcomedAgo < SAME_INSTALL_MS)) || (when === 'first-message' && current.channelId === null);
      if (welcome) return { ...current, serviceUrl, welcomedAt: now.toISOString() };
      return current.serviceUrl === serviceUrl ? null : { ...current, serviceUrl };
    }
    welcome = when !== 'never' || current === null;
    return {
      teamId,
      tenantId: tenantIdOf(context),
      serviceUrl,
      // A reinstall keeps the earlier choice; the welcome card shows it and lets members change it.
      channelId: current?.channelId ?? null,
      channelName: current?.channelName ?? null,
      conversationReference: teamReference,
      language: current?.language ?? deps.options.defaultLanguage,
      active: true,
      installedAt: current?.installedAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
      ...(welcome ? { welcomedAt: now.toISOString() } : current?.welcomedAt ? { welcomedAt: current.welcomedAt } : {}),
    };
  });
  return { team, welcome, previous };
}

/** The bot was removed from the team (or the team deleted): no more posts there. */
export async function uninstallFromTeam(context: Turn, deps: HandlerDeps, reason: string): Promise<void> {
  const teamId = teamIdOf(context);
  if (!teamId) return;
  await deps.registry.markInactive(teamId, reason);
  deps.logger.child({ module: 'bot-install' }).info({ teamId, reason }, 'removed from a team; reminders stop');
}

/** The chosen channel was deleted: forget the choice (reminders pause) and ask for a new one. */
export async function channelDeleted(context: Turn, deps: HandlerDeps, channelId: string): Promise<void> {
  const teamId = teamIdOf(context);
  if (!teamId) return;
  let cleared = false;
  const team = await deps.registry.update(teamId, (current) => {
    if (!current || current.channelId !== channelId) return null;
    cleared = true;
    return { ...current, channelId: null, channelName: null };
  });
  if (!team || !cleared) return;
  deps.logger.child({ module: 'bot-install' }).warn({ teamId, channelId }, 'the reminder channel was deleted; reminders pause until a new one is chosen');
  const t = strings(team.language);
  const notice: CardNotice = { style: 'attention', text: t.channelNotInTeam };
  const card = await welcomeCard(context, deps, team, notice);
  // Teams sends the event in the team's own conversation (General), where everyone sees the card.
  await postNew(context, card, t.welcomeTitle);
}

/** The chosen channel was renamed: keep the name shown on cards current. */
export async function channelRenamed(context: Turn, deps: HandlerDeps): Promise<void> {
  const teamId = teamIdOf(context);
  const channel = channelDataOf(context).channel;
  if (!teamId || !channel?.id) return;
  await deps.registry.update(teamId, (current) =>
    current && current.channelId === channel.id && channel.name && current.channelName !== channel.name ? { ...current, channelName: channel.name } : null,
  );
}
