/**
 * `POST /api/messages`: where Teams (or the Agents Playground) delivers activities. The one place
 * an incoming call is answered: it checks the activity's shape, its token (with an app id) or,
 * without one, where the call comes from and where an answer would go, before the Teams SDK runs
 * the turn; refusals are one log line each and a short body with no library internals.
 *
 * With an app id every call must carry a valid channel token (channel-token.ts; 401 otherwise).
 * Without one the endpoint is anonymous, so it only accepts callers on this machine that name a
 * service URL on this machine (the Agents Playground): a page in a browser or a forged activity
 * cannot make the bot post elsewhere.
 */
import express from 'express';
import type { Logger } from '../../src/logger';
import { isLoopbackAddress } from '../../src/loopback';
import { readActivity } from './activity-shape';
import { ChannelTokenError, type ChannelTokenValidator } from './channel-token';
import { isLoopbackServiceUrl } from './service-url';
import type { TeamsApp } from './teams-app';

type Refusal = { status: number; code: string; message: string };

const REFUSALS = {
  remote: { status: 403, code: 'forbidden', message: 'The bot endpoint only accepts calls from this machine when no MicrosoftAppId is configured.' },
  serviceUrl: {
    status: 403,
    code: 'forbidden-service-url',
    message: 'Without MicrosoftAppId the bot only answers service URLs on this machine (the Agents Playground).',
  },
  unauthorized: { status: 401, code: 'unauthorized', message: 'A valid Bot Framework token is required.' },
  internal: { status: 500, code: 'internal', message: 'The activity could not be processed.' },
} satisfies Record<string, Refusal>;

function send(res: express.Response, refusal: Refusal): void {
  if (!res.headersSent) res.status(refusal.status).json({ error: { code: refusal.code, message: refusal.message } });
}

/** A log-friendly one-line reason (library messages can span lines). */
function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim().slice(0, 300);
}

export function createMessagesRouter(
  teams: Pick<TeamsApp, 'endpoint' | 'ready'>,
  /** Null: anonymous (no app id, local mode). */
  tokens: ChannelTokenValidator | null,
  options: { logger: Logger },
): express.Router {
  const anonymous = tokens === null;
  const log = options.logger.child({ module: 'bot-endpoint' });
  const router = express.Router();
  const json = express.json({ limit: '1mb' });
  router.post('/api/messages', (req, res, next) => {
    // Checked before the body is read: a caller from elsewhere learns nothing about the body rules.
    if (anonymous && !isLoopbackAddress(req.socket.remoteAddress)) {
      log.warn({ remote: req.socket.remoteAddress, reason: 'caller is not on this machine' }, 'refused an unauthenticated bot call');
      send(res, REFUSALS.remote);
      return;
    }
    json(req, res, (error?: unknown) => {
      if (error === undefined) return next();
      // Unparsable JSON or too large: the caller's mistake, answered here rather than by Express's default page.
      const tooLarge = (error as { type?: unknown }).type === 'entity.too.large';
      log.warn({ reason: tooLarge ? 'body larger than 1 MB' : 'body is not JSON' }, 'refused a bot call whose body is not a valid activity');
      res.status(tooLarge ? 413 : 400).json({ error: { code: 'bad-activity', message: tooLarge ? 'The body is larger than 1 MB.' : 'The body is not JSON.' } });
    });
  });
  router.post('/api/messages', async (req, res) => {
    const checked = readActivity(req.body);
    if (!checked.ok) {
      log.warn({ reason: checked.problem }, 'refused a bot call whose body is not a valid activity');
      res.status(400).json({ error: { code: 'bad-activity', message: `Not a valid Bot Framework activity: ${checked.problem}.` } });
      return;
    }
    const { activity } = checked;
    if (anonymous && !isLoopbackServiceUrl(activity.serviceUrl)) {
      log.warn(
        { serviceUrl: activity.serviceUrl, type: activity.type, reason: 'serviceUrl is not on this machine and no MicrosoftAppId is set' },
        'refused an unauthenticated bot call',
      );
      send(res, REFUSALS.serviceUrl);
      return;
    }
    const authorization = req.get('authorization') ?? '';
    let caller: { appId: string; serviceUrl: string } = { appId: '', serviceUrl: activity.serviceUrl };
    if (tokens) {
      try {
        caller = await tokens.check(authorization, activity);
      } catch (error) {
        const reason = error instanceof ChannelTokenError ? error.message : reasonOf(error);
        log.warn({ type: activity.type, reason }, 'refused a bot call that is not authenticated');
        send(res, REFUSALS.unauthorized);
        return;
      }
    }
    try {
      await teams.ready;
      const answer = await teams.endpoint.handle(activity, caller);
      res.status(answer.status || 200);
      if (answer.body !== undefined && answer.body !== null) res.json(answer.body);
      else res.end();
    } catch (error) {
      // Errors inside a turn are caught there (connection.ts); what arrives here failed around the turn.
      log.error({ type: activity.type, err: { name: error instanceof Error ? error.name : 'Error', message: reasonOf(error) } }, 'bot call failed');
      send(res, REFUSALS.internal);
    }
  });
  return router;
}
