/**
 * Graph change notifications, wired: the subscriptions (src/sharepoint/change-notifications), the
 * two routes Graph posts to (`/api/graph/notifications`, `/api/graph/lifecycle`; no sign-in, each
 * notification checked by its clientState), and the snapshot that reads the delta when told,
 * a burst coalesced into few reads. Built only with `CHANGE_NOTIFICATIONS=on`, an https
 * `PUBLIC_URL` and the SharePoint source; otherwise the lists are read on demand alone.
 */
import express from 'express';
import { GRAPH_LIFECYCLE_PATH, GRAPH_NOTIFICATION_PATH, type Config } from '../src/config';
import type { Logger } from '../src/logger';
import type { Clock, Timers } from '../src/ports/clock';
import type { ListSource } from '../src/ports/list-source';
import type { StateStore } from '../src/ports/state-store';
import { ListSubscriptions, type Answer } from '../src/sharepoint/change-notifications';
import type { GraphClients } from '../src/sharepoint/graph-client';
import { GraphListSource } from '../src/sharepoint/graph-list-source';
import { ChangeCoalescer, type SnapshotService } from '../src/snapshot';

export interface ChangeNotifications {
  router: express.Router;
  subscriptions: ListSubscriptions;
  /** Subscribes (in the background: Graph validates the URLs by calling this server). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ChangeNotificationDeps {
  graph: GraphClients | null;
  source: ListSource;
  store: StateStore;
  snapshots: SnapshotService;
  clock: Clock;
  timers: Timers;
  logger: Logger;
}

/** The largest notification collection accepted (Graph batches a few dozen small items at most). */
const BODY_LIMIT = '512kb';

function parsed(raw: unknown): unknown {
  if (!Buffer.isBuffer(raw) || raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function send(res: express.Response, answer: Answer): void {
  res.status(answer.status).set({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  if (answer.contentType) res.type(answer.contentType);
  if (answer.body === undefined) res.end();
  else res.send(answer.body);
}

/** Null when change notifications are off or cannot run here (the reason is logged). */
export function createChangeNotifications(config: Config, deps: ChangeNotificationDeps): ChangeNotifications | null {
  const log = deps.logger.child({ module: 'server' });
  const options = config.changeNotifications;
  if (!options) return null;
  if (!deps.graph || !(deps.source instanceof GraphListSource)) {
    log.warn('CHANGE_NOTIFICATIONS=on, but the lists are not read through Graph here; reading them on demand');
    return null;
  }
  const source = deps.source;
  const coalescer = new ChangeCoalescer(() => void deps.snapshots.refresh().catch(() => undefined), deps);
  const subscriptions = new ListSubscriptions({
    client: deps.graph.app,
    store: deps.store,
    clock: deps.clock,
    timers: deps.timers,
    logger: deps.logger,
    options,
    siteLists: () => source.siteLists(),
    onChange: () => coalescer.signal(),
    onLive: (live, reason) => {
      deps.snapshots.setNotified(live);
      if (live) log.info({ reason }, 'change notifications live: lists read when Graph tells of a change, and polled only as a safety net');
      else log.warn({ reason }, 'change notifications not live; lists read on demand');
    },
  });

  const router = express.Router();
  const route = (kind: 'notification' | 'lifecycle'): express.RequestHandler[] => [
    express.raw({ type: () => true, limit: BODY_LIMIT }),
    (req, res, next) => {
      const token = req.query.validationToken;
      subscriptions
        .receive(kind, { validationToken: typeof token === 'string' ? token : null, body: parsed(req.body) })
        .then((answer) => send(res, answer), next);
    },
  ];
  router.post(GRAPH_NOTIFICATION_PATH, ...route('notification'));
  router.post(GRAPH_LIFECYCLE_PATH, ...route('lifecycle'));

  return {
    router,
    subscriptions,
    async start() {
      log.info({ notificationUrl: options.notificationUrl }, 'CHANGE_NOTIFICATIONS=on: subscribing to changes of the lists');
      try {
        await subscriptions.start();
      } catch (error) {
        deps.snapshots.setNotified(false);
        log.warn(
          { err: error instanceof Error ? error.message : String(error) },
          'could not subscribe to the lists yet; reading them on demand and trying again later',
        );
      }
    },
    async stop() {
      coalescer.stop();
      await subscriptions.stop().catch((error: unknown) => {
        log.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not remove the subscriptions on stop');
      });
    },
  };
}
