/**
 * The Bot Framework side of the bot, built in one call: the Teams SDK's App, the per-turn error
 * handling, the `/api/messages` route and the Messenger for proactive posts. The rest of the bot
 * sees only `BotConnection` (bot/contracts.ts), so the SDK stays in this folder and bot/handler.
 */
import type { IActivityContext } from '@microsoft/teams.apps';
import type { BotConnection, BotConnectionOptions } from '../contracts';
import { teamIsGone } from '../teams/team-gone';
import { ChannelTokenValidator } from './channel-token';
import { classifyDeliveryError } from './delivery-errors';
import { TeamsMeetingInfoReader } from './meeting-info';
import { createMessagesRouter } from './messages-route';
import { TeamsMessenger } from './messenger';
import { createTeamsApp, type TeamsAppOptions } from './teams-app';

export function createBotConnection(options: TeamsAppOptions & BotConnectionOptions): BotConnection {
  const log = options.logger.child({ module: 'bot' });
  const teams = createTeamsApp(options);
  const tokens = options.bot.appId ? new ChannelTokenValidator(options.bot.appId, teams.issuer) : null;

  /** One place catches per turn: log it, tell the member briefly, and stop posting to a team that removed the bot. */
  const onTurnError = async (context: IActivityContext, error: unknown): Promise<void> => {
    const { activity } = context;
    const teamId = (activity.channelData as { team?: { id?: string } } | undefined)?.team?.id ?? null;
    const failure = classifyDeliveryError(error);
    if (teamId && teamIsGone(failure)) {
      await options
        .onTeamGone(teamId, failure)
        .catch((markError: unknown) =>
          log.error(
            { teamId, err: markError instanceof Error ? markError.message : String(markError) },
            'could not mark the team inactive; the next post there finds it gone again',
          ),
        );
      return;
    }
    log.error(
      { err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error), type: activity.type, teamId },
      'bot turn failed',
    );
    if (activity.type === 'message') {
      const text = options.bot.defaultLanguage === 'en' ? 'Something went wrong. Try again in a while.' : 'Något gick fel. Försök igen om en stund.';
      await context
        .send({ type: 'message', text })
        .catch((sendError: unknown) =>
          log.warn({ teamId, err: sendError instanceof Error ? sendError.message : String(sendError) }, 'could not tell the member the turn failed'),
        );
    }
  };
  // Registered first, so it wraps every route the handler adds.
  teams.app.use(async (context) => {
    try {
      return await context.next();
    } catch (error) {
      await onTurnError(context, error);
      return undefined;
    }
  });

  return {
    messenger: new TeamsMessenger(teams.app, options.bot.appId ?? '', options.logger),
    meetingInfo: new TeamsMeetingInfoReader(teams.app, options.bot.appId ?? ''),
    messagesRoute: (handler) => {
      handler.attach(teams.app);
      return createMessagesRouter(teams, tokens, { logger: options.logger });
    },
  };
}

/** A Messenger alone (the notify command): the same App, without the inbound route. */
export function createMessenger(options: TeamsAppOptions): TeamsMessenger {
  return new TeamsMessenger(createTeamsApp(options).app, options.bot.appId ?? '', options.logger);
}
