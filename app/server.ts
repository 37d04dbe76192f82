/**
 * The composition root: builds the list source, the snapshot service, the tab's API and web app,
 * and the bot, and mounts them on one Express app.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler } from 'express';
import { createBot } from '../bot';
import { createTabApi } from '../tabs/api';
import type { Config } from '../src/config';
import { createLogger, type Logger } from '../src/logger';
import { systemTimers, type Clock, type Timers } from '../src/ports/clock';
import type { StateStore } from '../src/ports/state-store';
import { createStateStore } from '../bot/state';
import { createChangeNotifications, type ChangeNotifications } from './change-notifications';
import type { ListSource } from '../src/ports/list-source';
import type { SnapshotService } from '../src/snapshot';
import { clockFor } from './clock';
import { hostGuard } from './host-guard';
import { createSnapshots } from './snapshots';
import { createDocumentStore, createGraph, createListSource, createPeopleDirectory, libraryForCards } from './sources';

export interface AppServer {
  app: express.Express;
  /** The snapshot service itself (its schedule and `settled()` are used by benchmarks). */
  snapshots: SnapshotService;
  source: ListSource;
  /** Graph change notifications; null when off (CHANGE_NOTIFICATIONS) or not possible here. */
  changeNotifications: ChangeNotifications | null;
  /** Starts listening on the configured host and port (port 0: any free port), and the background work. */
  listen(): Promise<{ url: string; playgroundUrl: string | null }>;
  /** Stops the background work, lets requests in flight finish, and closes the listener. */
  close(): Promise<void>;
}

export interface ServerOptions {
  clock?: Clock;
  logger?: Logger;
  source?: ListSource;
  /** The state store (default: the configured one); shared by the bot and the subscriptions. */
  stateStore?: StateStore;
  /** Timers of the refresh schedule and the subscriptions' upkeep (benchmarks simulate a day). */
  timers?: Timers;
}

/** Answers any error that reached the end of the chain once, in Swedish, and logs it in English. */
function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const status = typeof (error as { status?: unknown })?.status === 'number' ? (error as { status: number }).status : 500;
    const clientError = status >= 400 && status < 500;
    logger[clientError ? 'warn' : 'error'](
      { method: req.method, path: req.path, status, err: error instanceof Error ? { name: error.name, message: error.message } : String(error) },
      'request failed',
    );
    if (res.headersSent) return;
    res.status(clientError ? status : 500).json({
      error: {
        code: clientError ? 'bad-request' : 'internal',
        message: clientError ? 'Begäran kunde inte tolkas.' : 'Något gick fel på servern. Försök igen om en stund.',
      },
    });
  };
}

export async function createServer(config: Config, options: ServerOptions = {}): Promise<AppServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const log = logger.child({ module: 'server' });
  const clock = options.clock ?? clockFor(config);
  // Built once: the list source reads through it, the tab's access check asks Graph as the user.
  const graph = createGraph(config, { logger, clock });
  const source = options.source ?? createListSource(config, { logger, clock, graph });
  const timers = options.timers ?? systemTimers;
  const snapshots = createSnapshots(config, { source, clock, logger, timers });
  const stateStore = options.stateStore ?? (await createStateStore(config.stateStore, { logger }));
  const notifications = createChangeNotifications(config, { graph, source, store: stateStore, snapshots, clock, timers, logger });

  const app = express();
  app.disable('x-powered-by');
  // Before any route: in local mode everything is open to this machine, and without an app id so is the bot.
  if (config.mode === 'local') app.use(hostGuard({ publicUrl: config.publicUrl, logger }));
  else if (config.bot.appId === null) app.use('/api/messages', hostGuard({ publicUrl: config.publicUrl, logger }));
  app.get('/healthz', async (_req, res) => {
    try {
      const { view } = await snapshots.get();
      res.json({ status: view.stale ? 'stale' : 'ok', source: view.source, refreshedAt: view.refreshedAt, staleSince: view.staleSince });
    } catch {
      res.status(503).json({ status: 'unavailable', source: source.kind });
    }
  });
  if (notifications) app.use(notifications.router);
  // Ends the tab's open event streams on close(), so closing does not wait for them.
  const stopping = new AbortController();
  const documents = createDocumentStore(config, { logger, clock, graph });
  const people = createPeopleDirectory(config, { logger, clock, graph });
  const bot = await createBot({ config, snapshots, source, clock, logger, stateStore, people, documents: libraryForCards(documents) });
  app.use(createTabApi({ config, snapshots, source, clock, logger, graph, stopping: stopping.signal, documents, teamsMeetings: bot.teamsMeetings }));
  app.use(bot.router);
  app.use(errorHandler(log));

  let server: Server | null = null;
  return {
    app,
    snapshots,
    source,
    changeNotifications: notifications,
    async listen() {
      // Load once before accepting requests, so the first visitor does not wait on the source;
      // a failure here is not fatal: the API answers 503 until the source can be read.
      await snapshots.refresh().catch(() => undefined);
      snapshots.start(config.refresh);
      if (!notifications) {
        log.info(
          { fastSeconds: config.refresh.fastSeconds, idleSeconds: config.refresh.idleSeconds, demandSeconds: config.refresh.demandSeconds },
          `lists read on demand: every ${config.refresh.fastSeconds} s while somebody looks, every ${config.refresh.idleSeconds} s otherwise` +
            (config.mode === 'sharepoint' && config.freshness.mode === 'on-demand' ? ` (${config.freshness.reason})` : ''),
        );
      }
      server = createHttpServer(app);
      await new Promise<void>((resolve, reject) => {
        server?.once('error', reject);
        server?.listen(config.port, config.host, () => resolve());
      });
      const { playgroundUrl } = await bot.start();
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      const url = `http://${host}:${address.port}`;
      log.info({ url, mode: config.mode }, 'listening');
      // After listening: Graph validates the notification URLs by calling this server.
      await notifications?.start();
      return { url, playgroundUrl };
    },
    async close() {
      stopping.abort();
      await notifications?.stop();
      snapshots.stop();
      await bot.stop();
      if (!server) return;
      const closing = server;
      server = null;
      await new Promise<void>((resolve) => {
        closing.close(() => resolve());
        closing.closeIdleConnections();
        // Requests still running after the grace period are cut off.
        setTimeout(() => closing.closeAllConnections(), 5000).unref();
      });
    },
  };
}
