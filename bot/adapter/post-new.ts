/**
 * A new post in a conversation, never a reply. botbuilder's `sendActivity` answers "in reply to"
 * the turn's activity, and in a proactive turn that is a made-up continuation event: in a Teams
 * channel a post must be created with the conversation's own `sendToConversation` to start a
 * new thread.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';

/**
 * Posts `activity` as a new post in the conversation the turn came from (its channel, without
 * ";messageid=…"), not as a reply to the incoming activity (which for an installation event is
 * no message at all). Returns the new post's id.
 */
export async function postNew(context: TurnContext, activity: Partial<Activity>): Promise<string> {
  const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
  const conversationId = context.activity.conversation.id.split(';')[0] ?? context.activity.conversation.id;
  const outgoing = {
    type: 'message',
    ...activity,
    channelId: context.activity.channelId,
    serviceUrl: context.activity.serviceUrl,
    from: context.activity.recipient,
    conversation: { ...context.activity.conversation, id: conversationId },
  } as Activity;
  const response = await client.conversations.sendToConversation(conversationId, outgoing);
  return response.id ?? '';
}
