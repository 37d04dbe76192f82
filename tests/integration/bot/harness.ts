/**
 * The bot mounted on a loopback server the way app/server.ts mounts it, with a fake Bot
 * Connector, an in-memory list, the file state store in a temporary directory and a fixed clock.
 * `restart()` builds a new bot on the same state directory (a process restart).
 */
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBot, type BotRuntime } from '../../../bot';
import type { BotFrameworkEndpoints } from '../../../bot/adapter';
import { FileStateStore } from '../../../bot/state';
import { loadConfig, type Config } from '../../../src/config';
import type { DocumentStore } from '../../../src/ports/document-store';
import type { PeopleDirectory } from '../../../src/ports/people-directory';
import type { StateStore } from '../../../src/ports/state-store';
import { silentLogger, type Logger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import type { ListSource } from '../../../src/ports/list-source';
import { SnapshotService } from '../../../src/snapshot';
import { startFakeBotConnector, type FakeBotConnector } from '../../fakes/fake-bot-connector';

export interface Harness {
  url: string;
  config: Config;
  connector: FakeBotConnector;
  bot: BotRuntime;
  snapshots: SnapshotService;
  clock: FixedClock;
  stateDir: string;
  /** Every wait of the connector retry, in ms, in order: taken through the policy's sleep hook, so nothing really waits. */
  retryWaits: number[];
  /** POSTs an activity to /api/messages; the JSON body when there is one. */
  send(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  source: ListSource;
  env?: Record<string, string>;
  endpoints?: BotFrameworkEndpoints;
  /** Share a connector (and a state directory) between harnesses, e.g. for two instances. */
  connector?: FakeBotConnector;
  stateDir?: string;
  clock?: FixedClock;
  logger?: Logger;
  /** Another state store than the file store in `stateDir` (e.g. Blob Storage on Azurite); made anew at each (re)start. */
  stateStore?: () => StateStore;
  /** Who the people of person columns are (for @mentions); none unless given. */
  people?: PeopleDirectory;
  /** Where the saved Word files are that cards link (the site's library); none unless given. */
  documents?: DocumentStore;
  /** Default false here: tests run the notifier themselves. */
  postDueOnChannelChoice?: boolean;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'bot-state-'));
  const ownsDir = options.stateDir === undefined;
  const connector = options.connector ?? (await startFakeBotConnector());
  const ownsConnector = options.connector === undefined;
  // Tuesday 2022-12-01 10:00 in Stockholm: outside quiet hours, a working day.
  const clock = options.clock ?? new FixedClock('2022-12-01T09:00:00Z');
  const logger = options.logger ?? silentLogger;
  const config = loadConfig({
    PORT: '3978',
    LOG_LEVEL: 'silent',
    DATA_DIR: stateDir,
    PLAYGROUND: 'off',
    NOTIFY_SECRET: 'test-notify-secret-0123456789',
    ...options.env,
  });
  const snapshots = new SnapshotService({
    source: options.source,
    clock,
    logger,
    expiringWithinDays: config.expiringWithinDays,
    meetingWithinDays: config.meetingWithinDays,
  });

  const retryWaits: number[] = [];
  let bot: BotRuntime;
  let server: Server;
  let url = '';
  const start = async () => {
    bot = await createBot({
      config,
      snapshots,
      source: options.source,
      clock,
      logger,
      stateStore: options.stateStore?.() ?? new FileStateStore({ dir: stateDir }, { logger }),
      endpoints: options.endpoints,
      retry: { maxRetries: 3, baseDelayMs: 20, maxDelayMs: 5_000 },
      // Jitter fixed at its middle: a backoff of exactly 20, 40, 80 ms, and 10 ms on top of a Retry-After.
      retryHooks: { sleep: async (ms) => void retryWaits.push(ms), random: () => 0.5 },
      postDueOnChannelChoice: options.postDueOnChannelChoice ?? false,
      people: options.people ?? null,
      documents: options.documents ?? null,
    });
    const app = express();
    app.use(bot.router);
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const stop = async () => {
    await bot.stop();
    await new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  };
  await start();

  const harness: Harness = {
    get url() {
      return url;
    },
    config,
    connector,
    get bot() {
      return bot;
    },
    snapshots,
    clock,
    stateDir,
    retryWaits,
    async send(activity, headers = {}) {
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
      return { status: response.status, body };
    },
    async restart() {
      await stop();
      await start();
    },
    async close() {
      await stop();
      if (ownsConnector) await connector.close();
      if (ownsDir) rmSync(stateDir, { recursive: true, force: true });
    },
  };
  return harness;
}
