/**
 * Reading Teams specifics off an incoming activity (which team, channel and tenant it came from,
 * and who sent it) and the few Bot Connector calls a turn makes, over the Teams SDK's turn
 * context (`IActivityContext`, its API client already set to the activity's service URL).
 */
import type { Activity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import { cardMessage } from '../adapter';
import type { ChannelChoice } from '../cards';
import type { AdaptiveCard } from '../contracts';
import type { Logger } from '../../src/logger';

/** One turn: the activity and what can be done in answer to it. */
export type Turn = IActivityContext<Activity>;

interface TeamsChannelData {
  team?: { id?: string; name?: string; aadGroupId?: string };
  channel?: { id?: string; name?: string };
  tenant?: { id?: string };
  eventType?: string;
}

export function channelDataOf(turn: Turn): TeamsChannelData {
  return (turn.activity.channelData ?? {}) as TeamsChannelData;
}

/** The team's id (its General channel's thread id), or null outside a team. */
export function teamIdOf(turn: Turn): string | null {
  return channelDataOf(turn).team?.id ?? null;
}

export function tenantIdOf(turn: Turn): string {
  return channelDataOf(turn).tenant?.id ?? turn.activity.conversation?.tenantId ?? '';
}

/** The service URL the activity names (the endpoint checked that it has one). */
export function serviceUrlOf(turn: Turn): string {
  return turn.activity.serviceUrl ?? '';
}

/** The text of a message ('' for other activities). */
export function textOf(turn: Turn): string {
  const text = (turn.activity as { text?: unknown }).text;
  return typeof text === 'string' ? text : '';
}

/** The conversation the activity came in, without ";messageid=…" (a channel, not a thread). */
function conversationIdOf(turn: Turn): string {
  const id = turn.activity.conversation.id;
  return id.split(';')[0] ?? id;
}

/** The channel a message was written in: channelData.channel, or the conversation id without ";messageid=…". */
export function channelIdOf(turn: Turn): string | null {
  const fromData = channelDataOf(turn).channel?.id;
  if (fromData) return fromData;
  if (turn.activity.conversation?.conversationType !== 'channel') return null;
  return conversationIdOf(turn);
}

export function isPersonal(turn: Turn): boolean {
  const type = turn.activity.conversation?.conversationType;
  return type === 'personal' || (!type && !teamIdOf(turn));
}

/**
 * The activity's conversation reference, in the Bot Framework's shape (as botbuilder's
 * `getConversationReference` wrote it, so stored references read the same before and after).
 */
export function conversationReferenceOf(activity: Activity): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify({
      activityId: activity.id,
      user: activity.from,
      bot: activity.recipient,
      conversation: activity.conversation,
      channelId: activity.channelId,
      locale: activity.locale,
      serviceUrl: activity.serviceUrl,
    }),
  ) as Record<string, unknown>;
}

/** The member's display name as Teams sends it, or looked up in the team when missing. */
export async function memberName(turn: Turn, log: Logger): Promise<string> {
  const from = turn.activity.from;
  if (from?.name) return from.name;
  try {
    const member = await turn.api.conversations.getMemberById(teamIdOf(turn) ?? conversationIdOf(turn), from.id);
    if (member.name) return member.name;
  } catch (error) {
    // Not every conversation allows the lookup; the id is better than nothing.
    log.info({ memberId: from.id, err: error instanceof Error ? error.message : String(error) }, 'could not read the member; naming them by id');
  }
  return from?.aadObjectId ?? from?.id ?? 'okänd';
}

/** The team's channels from the connector; Teams gives the General channel no name. */
export async function teamChannels(turn: Turn, teamId: string, generalName: string): Promise<ChannelChoice[]> {
  const channels = await turn.api.teams.getConversations(teamId);
  return channels
    .filter((channel): channel is typeof channel & { id: string } => typeof channel.id === 'string' && channel.id.length > 0)
    .map((channel) => ({ id: channel.id, name: channel.name || (channel.id === teamId ? generalName : channel.id) }));
}

/** Answers in the conversation the activity came in (in a channel, in its thread). */
export async function reply(turn: Turn, card: AdaptiveCard, summary: string): Promise<void> {
  await turn.send(cardMessage(card, summary));
}

/**
 * Posts `card` as a new post in the conversation the turn came from (its channel, without
 * ";messageid=…"), not as a reply in the thread (an installation event is no message at all).
 * Returns the new post's id.
 */
export async function postNew(turn: Turn, card: AdaptiveCard, summary: string): Promise<string> {
  const conversationId = conversationIdOf(turn);
  const sent = await turn.api.conversations.createActivity(
    conversationId,
    cardMessage(card, summary, { from: turn.activity.recipient, conversation: { ...turn.activity.conversation, id: conversationId } }),
  );
  return sent.id ?? '';
}

/** Replaces the card in message `messageId` of the turn's conversation, for everyone. */
export async function replaceCard(turn: Turn, messageId: string, card: AdaptiveCard): Promise<void> {
  await turn.send(cardMessage(card, undefined, { id: messageId }));
}
