/**
 * Posts cards into a team's chosen channel as new posts (a new thread in Teams), through the
 * Teams SDK's API client for the team's stored service URL (`api.clone({ serviceUrl })`, then
 * `conversations.createActivity` with the channel as the conversation). Retries happen in the
 * client's middleware (connector-http.ts); what is left when they run out is classified here for
 * the notifier.
 */
import type { Account } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import type { AdaptiveCard, DeliveryResult, Messenger, TeamTarget } from '../contracts';
import type { Logger } from '../../src/logger';
import { cardMessage } from './card-message';
import { classifyDeliveryError } from './delivery-errors';
import { isLoopbackServiceUrl } from './service-url';

/** The bot account stored with the team's conversation reference (the same shape before and after the Teams SDK). */
function botAccount(target: TeamTarget, appId: string): Account | undefined {
  const bot = (target.conversationReference as { bot?: { id?: unknown; name?: unknown } }).bot;
  if (bot && typeof bot.id === 'string') return { id: bot.id, role: 'bot', ...(typeof bot.name === 'string' ? { name: bot.name } : {}) };
  return appId ? { id: `28:${appId}`, role: 'bot' } : undefined;
}

export class TeamsMessenger implements Messenger {
  private readonly log: Logger;

  constructor(
    private readonly app: App,
    /** The bot's app id; '' when anonymous (local mode). */
    private readonly appId: string,
    logger: Logger,
  ) {
    this.log = logger.child({ module: 'bot-messenger' });
  }

  async postCard(target: TeamTarget, card: AdaptiveCard, summary: string): Promise<DeliveryResult> {
    const channelId = target.channelId;
    if (!channelId) {
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
    try {
      const api = this.app.api.clone({ serviceUrl: target.serviceUrl.replace(/\/+$/, '') });
      const sent = await api.conversations.createActivity(
        channelId,
        cardMessage(card, summary, {
          from: botAccount(target, this.appId),
          conversation: { id: channelId, isGroup: true, conversationType: 'channel', tenantId: target.tenantId, name: '' },
        }),
      );
      this.log.debug({ teamId: target.teamId, activityId: sent.id }, 'card posted');
      return { ok: true, activityId: sent.id ?? '' };
    } catch (error) {
      const result = classifyDeliveryError(error);
      this.log.warn({ teamId: target.teamId, status: result.status, kind: result.kind, reason: result.message }, 'card not posted');
      return result;
    }
  }
}
