/**
 * Posts cards into a team's chosen channel as new posts, over botbuilder's CloudAdapter
 * (`continueConversationAsync` with the channel as the conversation: Teams starts a new thread).
 * Retries happen in the connector client's pipeline (retry-policy.ts); what is left when they run
 * out is classified here for the notifier.
 */
import { CardFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { AdaptiveCard, DeliveryResult, Messenger, TeamTarget } from '../contracts';
import type { Logger } from '../../src/logger';
import { classifyDeliveryError } from './delivery-errors';
import { postNew } from './post-new';
import { isLoopbackServiceUrl } from './service-url';

/** The stored team reference, pointed at `channelId` (a new post there, not a reply). */
export function channelReference(target: TeamTarget, channelId: string): Partial<ConversationReference> {
  const stored = target.conversationReference as Partial<ConversationReference>;
  return {
    channelId: stored.channelId ?? 'msteams',
    bot: stored.bot,
    serviceUrl: target.serviceUrl,
    conversation: { id: channelId, isGroup: true, conversationType: 'channel', tenantId: target.tenantId, name: '' },
  };
}

export class CloudMessenger implements Messenger {
  private readonly log: Logger;

  constructor(
    private readonly adapter: CloudAdapter,
    /** The bot's app id; '' when anonymous (local mode). */
    private readonly appId: string,
    logger: Logger,
  ) {
    this.log = logger.child({ module: 'bot-messenger' });
  }

  async postCard(target: TeamTarget, card: AdaptiveCard, summary: string): Promise<DeliveryResult> {
    if (!target.channelId) {
      return { ok: false, kind: 'failed', status: 0, message: 'No channel has been chosen for this team' };
    }
    // Without an app id the bot is the playground's only, so it never posts to a service off this machine
    // (a team record from an earlier, authenticated set-up can still name one).
    if (this.appId === '' && !isLoopbackServiceUrl(target.serviceUrl)) {
      this.log.warn(
        { teamId: target.teamId, serviceUrl: target.serviceUrl, reason: 'serviceUrl is not on this machine and no MicrosoftAppId is set' },
        'card not posted',
      );
      return { ok: false, kind: 'failed', status: 0, message: 'Without MicrosoftAppId cards are only posted to a service URL on this machine' };
    }
    let activityId = '';
    // Errors are caught inside the turn: thrown out of it they would go to the adapter's
    // onTurnError (made for incoming turns), and continueConversationAsync would resolve as if posted.
    let failure: unknown = null;
    try {
      await this.adapter.continueConversationAsync(this.appId, channelReference(target, target.channelId), async (context) => {
        try {
          activityId = await postNew(context, { type: 'message', summary, attachments: [CardFactory.adaptiveCard(card)] });
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure = error;
    }
    if (failure === null) {
      this.log.debug({ teamId: target.teamId, activityId }, 'card posted');
      return { ok: true, activityId };
    }
    const result = classifyDeliveryError(failure);
    this.log.warn({ teamId: target.teamId, status: result.status, kind: result.kind, reason: result.message }, 'card not posted');
    return result;
  }
}
