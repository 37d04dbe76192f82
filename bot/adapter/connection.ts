/**
 * The Bot Framework side of the bot, built in one call: the CloudAdapter, its per-turn error
 * handling, the `/api/messages` route and the Messenger for proactive posts. The rest of the bot
 * sees only `BotConnection` (bot/contracts.ts), so replacing botbuilder changes this folder.
 */
import type { BotConnection, BotConnectionOptions } from '../contracts';
import { createCloudAdapter, type AdapterOptions } from './cloud-adapter';
import { createMessagesRouter } from './messages-route';
import { CloudMessenger } from './messenger';

/** Status and code of a connector answer saying the bot is no longer in the team. */
function isTeamGone(error: unknown): boolean {
  const status = (error as { statusCode?: unknown }).statusCode;
  const code = (error as { code?: unknown }).code;
  return status === 404 || (status === 403 && code === 'BotNotInConversationRoster');
}

export function createBotConnection(options: AdapterOptions & BotConnectionOptions): BotConnection {
  const log = options.logger.child({ module: 'bot' });
  const adapter = createCloudAdapter(options);
  const anonymous = options.bot.appId === null;

  // One place catches per turn: log it, tell the member briefly, and stop posting to a team that removed the bot.
  adapter.onTurnError = async (context, error) => {
    const teamId = (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id ?? null;
    if (teamId && isTeamGone(error)) {
      const { statusCode: status, code } = error as { statusCode?: unknown; code?: unknown };
      log.warn({ teamId, status, code }, 'the bot is no longer in the team; marking it inactive');
      await options.onTeamGone(teamId).catch(() => undefined);
      return;
    }
    log.error(
      { err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error), type: context.activity.type, teamId },
      'bot turn failed',
    );
    if (context.activity.type === 'message') {
      await context
        .sendActivity(options.bot.defaultLanguage === 'en' ? 'Something went wrong. Try again in a while.' : 'Något gick fel. Försök igen om en stund.')
        .catch(() => undefined);
    }
  };

  return {
    messenger: new CloudMessenger(adapter, options.bot.appId ?? '', options.logger),
    messagesRoute: (handler) => createMessagesRouter(adapter, (context) => handler.run(context), { anonymous, logger: options.logger }),
  };
}
