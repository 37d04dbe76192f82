/**
 * `POST /api/messages`: where Teams (or the Agents Playground) delivers activities.
 * With an app id, CloudAdapter authenticates every call (401 otherwise). Without one the
 * endpoint is anonymous, so it also refuses any caller that is not on this machine.
 */
import express from 'express';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from '../../src/logger';
import { isLoopbackAddress } from '../../src/loopback';

export function createMessagesRouter(
  adapter: CloudAdapter,
  logic: (context: TurnContext) => Promise<void>,
  options: { anonymous: boolean; logger: Logger },
): express.Router {
  const log = options.logger.child({ module: 'bot-endpoint' });
  const router = express.Router();
  router.post('/api/messages', express.json({ limit: '1mb' }), async (req, res) => {
    if (options.anonymous && !isLoopbackAddress(req.socket.remoteAddress)) {
      log.warn({ remote: req.socket.remoteAddress }, 'refused an unauthenticated bot call from outside this machine');
      res.status(403).json({ error: { code: 'forbidden', message: 'The bot endpoint only accepts calls from this machine when no MicrosoftAppId is configured.' } });
      return;
    }
    // CloudAdapter answers itself: 401 for a bad token, 200 or the invoke response otherwise.
    // It reads the body before it checks the token and throws when that is not an activity: a
    // caller's mistake (400), not a server error, and anyone on the internet can cause it.
    try {
      await adapter.process(req, res, logic);
    } catch (error) {
      log.warn({ err: error instanceof Error ? error.message : String(error) }, 'refused a bot call whose body is not an activity');
      if (!res.headersSent) res.status(400).json({ error: { code: 'bad-request', message: 'The body is not a Bot Framework activity.' } });
    }
  });
  return router;
}
