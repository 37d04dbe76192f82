/**
 * The Teams activity handler: wires installation, channel events, commands and card actions to
 * the functions that do the work. Every turn first refreshes the team's service URL.
 */
import {
  CardFactory,
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { HandlerDeps } from './deps';
import { handleCardAction, invalidInvoke } from './card-actions';
import { readInvokeValue } from './invoke-value';
import { handleMessage } from './conversation';
import { channelDeleted, channelRenamed, installInTeam, refreshServiceUrl, uninstallFromTeam } from './installation';
import { isPersonal, teamIdOf } from './teams-context';
import { strings } from '../cards';
import { cardContext } from './installation';

export class BalanceBot extends TeamsActivityHandler {
  /** Teams this process has posted the welcome card in (see `welcomeOnFirstMessage`). */
  private readonly welcomed = new Set<string>();

  constructor(private readonly deps: HandlerDeps) {
    super();
    const log = deps.logger.child({ module: 'bot-handler' });

    this.onInstallationUpdateAdd(async (context, next) => {
      if (teamIdOf(context)) await installInTeam(context, deps, this.welcomed);
      else if (isPersonal(context)) await this.sendPersonalWelcome(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await uninstallFromTeam(context, deps, 'uninstalled');
      await next();
    });
    this.onTeamsMembersAddedEvent(async (membersAdded, _team, context, next) => {
      if (membersAdded.some((member) => member.id === context.activity.recipient.id)) await installInTeam(context, deps, this.welcomed);
      await next();
    });
    this.onTeamsMembersRemovedEvent(async (membersRemoved, _team, context, next) => {
      if (membersRemoved.some((member) => member.id === context.activity.recipient.id)) await uninstallFromTeam(context, deps, 'bot removed from the team');
      await next();
    });
    this.onTeamsTeamDeletedEvent(async (_team, context, next) => {
      await uninstallFromTeam(context, deps, 'team deleted');
      await next();
    });
    this.onTeamsChannelDeletedEvent(async (channel, _team, context, next) => {
      if (channel.id) await channelDeleted(context, deps, channel.id);
      await next();
    });
    this.onTeamsChannelRenamedEvent(async (_channel, _team, context, next) => {
      await channelRenamed(context, deps);
      await next();
    });
    this.onMessage(async (context, next) => {
      await handleMessage(context, deps, this.welcomed);
      await next();
    });
    log.debug('handler ready');
  }

  override async run(context: TurnContext): Promise<void> {
    await refreshServiceUrl(context, this.deps);
    await super.run(context);
  }

  /** Card actions are checked before botbuilder reads them; everything else goes on as usual. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const read = readInvokeValue(context.activity.value);
    if (read.ok) return super.onInvokeActivity(context);
    this.deps.logger
      .child({ module: 'bot-handler' })
      .warn(
        { problem: read.problem, detail: read.detail, conversation: context.activity.conversation?.id ?? null },
        'refused a card action whose value cannot be read',
      );
    const { personal } = await invalidInvoke(context, this.deps, read.problem);
    const body: AdaptiveCardInvokeResponse = { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: personal };
    return { status: 200, body };
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const { personal, shared } = await handleCardAction(context, this.deps, invokeValue.action?.verb, invokeValue.action?.data);
    const messageId = context.activity.replyToId;
    if (shared && messageId) {
      // The invoke response is what the member who pressed sees; the message is what everyone sees.
      try {
        await context.updateActivity({
          id: messageId,
          type: 'message',
          conversation: context.activity.conversation,
          attachments: [CardFactory.adaptiveCard(shared)],
        });
      } catch (error) {
        this.deps.logger.child({ module: 'bot-handler' }).warn({ err: (error as Error).message }, 'could not update the card message for everyone');
      }
    }
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: personal };
  }

  private async sendPersonalWelcome(context: TurnContext): Promise<void> {
    const language = this.deps.options.defaultLanguage;
    const card = this.deps.cards.help({ inTeam: false, channelName: null, unknownText: null }, cardContext(this.deps, language));
    await context.sendActivity({ type: 'message', attachments: [CardFactory.adaptiveCard(card)], summary: strings(language).welcomeTitle });
  }
}
