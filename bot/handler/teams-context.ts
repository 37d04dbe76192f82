/**
 * Reading Teams specifics off an incoming activity: which team, channel and tenant it came
 * from, and who sent it.
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { ChannelChoice } from '../cards';

interface TeamsChannelData {
  team?: { id?: string; name?: string; aadGroupId?: string };
  channel?: { id?: string; name?: string };
  tenant?: { id?: string };
  eventType?: string;
}

export function channelDataOf(context: TurnContext): TeamsChannelData {
  return (context.activity.channelData ?? {}) as TeamsChannelData;
}

/** The team's id (its General channel's thread id), or null outside a team. */
export function teamIdOf(context: TurnContext): string | null {
  return channelDataOf(context).team?.id ?? null;
}

export function tenantIdOf(context: TurnContext): string {
  return channelDataOf(context).tenant?.id ?? context.activity.conversation?.tenantId ?? '';
}

/** The channel a message was written in: channelData.channel, or the conversation id without ";messageid=…". */
export function channelIdOf(context: TurnContext): string | null {
  const fromData = channelDataOf(context).channel?.id;
  if (fromData) return fromData;
  if (context.activity.conversation?.conversationType !== 'channel') return null;
  return context.activity.conversation.id.split(';')[0] ?? null;
}

export function isPersonal(context: TurnContext): boolean {
  const type = context.activity.conversation?.conversationType;
  return type === 'personal' || (!type && !teamIdOf(context));
}

/** The member's display name as Teams sends it, or looked up in the team when missing. */
export async function memberName(context: TurnContext): Promise<string> {
  const from = context.activity.from;
  if (from?.name) return from.name;
  try {
    const member = await TeamsInfo.getMember(context, from.id);
    if (member.name) return member.name;
  } catch {
    // Not every conversation allows the lookup; the id is better than nothing.
  }
  return from?.aadObjectId ?? from?.id ?? 'okänd';
}

/** The team's channels from the connector; Teams gives the General channel no name. */
export async function teamChannels(context: TurnContext, teamId: string, generalName: string): Promise<ChannelChoice[]> {
  const channels = await TeamsInfo.getTeamChannels(context, teamId);
  return channels
    .filter((channel): channel is typeof channel & { id: string } => typeof channel.id === 'string' && channel.id.length > 0)
    .map((channel) => ({ id: channel.id, name: channel.name || (channel.id === teamId ? generalName : channel.id) }));
}
