/**
 * A message carrying one Adaptive Card, as the Teams SDK sends it: the card as an
 * `application/vnd.microsoft.card.adaptive` attachment, and the summary Teams shows in
 * notifications and the activity feed (`summary`, an extension field the SDK passes through).
 */
import { MessageActivityInput, type Account, type ConversationAccount } from '@microsoft/teams.api';
import type { AdaptiveCard } from '../contracts';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** The attachment for `card`. */
function cardAttachment(card: AdaptiveCard): { contentType: typeof ADAPTIVE_CARD; content: AdaptiveCard } {
  return { contentType: ADAPTIVE_CARD, content: card };
}

/** A message with `card`; `extra` sets the sender and conversation of a proactive post, or the id of a message to replace. */
export function cardMessage(
  card: AdaptiveCard,
  summary: string | undefined,
  extra: { id?: string; from?: Account; conversation?: ConversationAccount } = {},
): MessageActivityInput {
  return new MessageActivityInput(undefined, {
    attachments: [cardAttachment(card)],
    ...(summary !== undefined ? { summary } : {}),
    ...Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== undefined)),
  });
}
