/**
 * The Teams handler: adds to the Teams SDK's app the routes for installation, channel events,
 * commands and card actions, wired to the functions that do the work. Every turn first refreshes
 * the team's service URL. New card actions go to `handleCardAction` (card-actions.ts), which
 * dispatches on the verb.
 */
import type { AdaptiveCardActionCardResponse, InvokeResponse } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import type { AdaptiveCard, TurnHandler } from '../contracts';
import { ADAPTIVE_CARD } from '../adapter';
import type { HandlerDeps } from './deps';
import { handleCardAction, invalidInvoke } from './card-actions';
import { readInvokeValue } from './invoke-value';
import { handleMessage } from './conversation';
import { cardContext, channelDeleted, channelRenamed, installInTeam, refreshServiceUrl, uninstallFromTeam } from './installation';
import { channelDataOf, isPersonal, replaceCard, reply, teamIdOf, type Turn } from './teams-context';
import { strings } from '../cards';

/** The invoke response of an `Action.Execute`: the card the member who pressed sees. */
function cardResponse(card: AdaptiveCard): InvokeResponse<'adaptiveCard/action'> {
  return { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD, value: card as unknown as AdaptiveCardActionCardResponse['value'] } };
}

export class BalanceBot implements TurnHandler {
  /** Teams this process has posted the welcome card in (see `welcomeOnFirstMessage`). */
  private readonly welcomed = new Set<string>();

  constructor(private readonly deps: HandlerDeps) {}

  attach(target: unknown): void {
    const app = target as App;
    const deps = this.deps;
    const log = deps.logger.child({ module: 'bot-handler' });

    app.use(async (context) => {
      await refreshServiceUrl(context, deps);
      return context.next();
    });
    app.on('install.add', async (context) => {
      if (teamIdOf(context)) await installInTeam(context, deps, this.welcomed);
      else if (isPersonal(context)) await this.sendPersonalWelcome(context);
    });
    app.on('install.remove', async (context) => {
      await uninstallFromTeam(context, deps, 'uninstalled');
    });
    app.on('conversationUpdate', async (context) => {
      const { activity } = context;
      const bot = activity.recipient.id;
      const data = channelDataOf(context);
      if (activity.membersAdded?.some((member) => member.id === bot)) await installInTeam(context, deps, this.welcomed);
      if (activity.membersRemoved?.some((member) => member.id === bot)) await uninstallFromTeam(context, deps, 'bot removed from the team');
      if (data.eventType === 'teamDeleted') await uninstallFromTeam(context, deps, 'team deleted');
      if (data.eventType === 'channelDeleted' && data.channel?.id) await channelDeleted(context, deps, data.channel.id);
      if (data.eventType === 'channelRenamed') await channelRenamed(context, deps);
    });
    app.on('message', async (context) => {
      await handleMessage(context, deps, this.welcomed);
    });
    app.on('card.action', async (context) => {
      const read = readInvokeValue(context.activity.value);
      if (!read.ok) {
        log.warn(
          { problem: read.problem, detail: read.detail, conversation: context.activity.conversation?.id ?? null },
          'refused a card action whose value cannot be read',
        );
        return cardResponse((await invalidInvoke(context, deps, read.problem)).personal);
      }
      const { personal, shared } = await handleCardAction(context, deps, read.value.action.verb, read.value.action.data);
      const messageId = context.activity.replyToId;
      if (shared && messageId) {
        // The invoke response is what the member who pressed sees; the message is what everyone sees.
        try {
          await replaceCard(context, messageId, shared);
        } catch (error) {
          log.warn({ err: (error as Error).message }, 'could not update the card message for everyone');
        }
      }
      return cardResponse(personal);
    });
    log.debug('handler ready');
  }

  private async sendPersonalWelcome(context: Turn): Promise<void> {
    const language = this.deps.options.defaultLanguage;
    const card = this.deps.cards.help({ inTeam: false, channelName: null, unknownText: null }, cardContext(this.deps, language));
    await reply(context, card, strings(language).welcomeTitle);
  }
}
