/**
 * The bot, composed: state store, team registry, the Teams SDK connection, the Teams handler, the cards,
 * the notifier and its schedule, and (in local mode) the Agents Playground.
 * `createBot` is called once by the server (app/server.ts); tests call it with fakes.
 */
import express from 'express';
import type { Config } from '../src/config';
import type { Logger } from '../src/logger';
import type { Clock } from '../src/ports/clock';
import type { ListSource } from '../src/ports/list-source';
import type { DocumentStore } from '../src/ports/document-store';
import type { PeopleDirectory } from '../src/ports/people-directory';
import type { StateStore } from '../src/ports/state-store';
import type { SnapshotProvider } from '../src/snapshot/types';
import type { TeamsMeetings } from '../src/ports/teams-meetings';
import { createBotConnection, type BotFrameworkEndpoints, type RetryHooks, type RetryOptions } from './adapter';
import { TemplateCardRenderer } from './cards';
import type { Messenger } from './contracts';
import { BalanceBot } from './handler';
import { createNotifier, createNotifyRoute, nothingPostedMessage, nothingPostedReason, type Notifier, type NotifyReport } from './notifier';
import { startPlayground, type PlaygroundHandle } from './playground';
import { nextPostingRun, startScheduler } from './scheduler';
import { createStateStore } from './state';
import { StateStoreTeamRegistry, createTeamsMeetings, markTeamGone } from './teams';

export interface BotDeps {
  config: Config;
  snapshots: SnapshotProvider;
  source: ListSource;
  clock: Clock;
  logger: Logger;
  stateStore?: StateStore;
  /** Tests only: where Bot Framework tokens are checked (a loopback fake issuer). */
  endpoints?: BotFrameworkEndpoints;
  /** Tests only: shorter connector retry delays. */
  retry?: RetryOptions;
  /** Tests only: how the connector retry waits, and its jitter. */
  retryHooks?: Pick<RetryHooks, 'sleep' | 'random'>;
  /** Who the people of person columns are, so cards can @mention them (SharePoint mode); none in local mode. */
  people?: PeopleDirectory | null;
  /** Where the saved Word files are that the cards link (the site's library, SharePoint mode); none in local mode. */
  documents?: DocumentStore | null;
  /** Post what is due as soon as a team chooses its channel (default true; tests turn it off to run the notifier themselves). */
  postDueOnChannelChoice?: boolean;
}

export interface BotRuntime {
  /** POST /api/messages and POST /api/notify. */
  router: express.Router;
  /** Starts the schedule and, in local mode, the Agents Playground (its address, when it started). */
  start(): Promise<{ playgroundUrl: string | null }>;
  stop(): Promise<void>;
  notifier: Notifier;
  registry: StateStoreTeamRegistry;
  messenger: Messenger;
  /** Teams meetings' details from the Bot Connector, for the tab in a meeting's side panel. */
  teamsMeetings: TeamsMeetings;
}

/** The personal tab's entity id in appPackage/manifest.json. */
const TAB_ENTITY_ID = 'balanslista';

/** The app's own origin, without a trailing slash: `PUBLIC_URL` when deployed, else the local server. */
export function appUrlFor(config: Config): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port}`;
}

/** Where "Öppna i balanslistan" leads: the tab in Teams when the app id is known, else the web app. */
export function tabUrlFor(config: Config): string {
  if (config.teamsAppId) return `https://teams.microsoft.com/l/entity/${config.teamsAppId}/${TAB_ENTITY_ID}`;
  return `${appUrlFor(config)}/`;
}

export async function createBot(deps: BotDeps): Promise<BotRuntime> {
  const { config, logger, clock } = deps;
  const log = logger.child({ module: 'bot' });
  const anonymous = config.bot.appId === null;
  if (anonymous) {
    log.warn(
      'MicrosoftAppId is not set: /api/messages accepts unauthenticated calls, only from this machine (loopback) and only for service URLs on this machine (the Agents Playground)',
    );
  }
  const store = deps.stateStore ?? (await createStateStore(config.stateStore, { logger }));
  const registry = new StateStoreTeamRegistry(store, clock);
  const cards = new TemplateCardRenderer();
  const connection = createBotConnection({
    bot: config.bot,
    logger,
    authorityHost: config.graph?.authorityHost,
    endpoints: deps.endpoints,
    retry: deps.retry,
    retryHooks: deps.retryHooks,
    onTeamGone: (teamId, failure) => markTeamGone(registry, teamId, failure, log),
  });
  const { messenger } = connection;
  const tabUrl = tabUrlFor(config);
  const notifier = createNotifier({
    snapshots: deps.snapshots,
    registry,
    messenger,
    cards,
    store,
    clock,
    logger,
    options: config.bot,
    tabUrl,
    appUrl: appUrlFor(config),
    // In SharePoint mode the API wants the tab's sign-in, which a browser opening a card link lacks.
    wordNeedsSignIn: config.tabAuth !== null,
    meetingWithinDays: config.meetingWithinDays,
    people: deps.people ?? null,
    documents: deps.documents ?? null,
  });
  /** After a channel choice that posted nothing, one message there saying why and what comes next. */
  const explainSilence = async (teamId: string, report: NotifyReport): Promise<void> => {
    const reason = nothingPostedReason(report);
    const team = reason ? await registry.get(teamId) : null;
    if (!reason || !team?.active || team.channelId === null) return;
    const nextRun = nextPostingRun(config.bot.notifySchedule, new Date(report.quietAt), config.bot);
    const { title, text } = nothingPostedMessage(reason, report, nextRun, team.language);
    const card = cards.message({ title, text, style: 'accent' }, { language: team.language, tabUrl, today: report.date, eventKey: null });
    const result = await messenger.postCard(team, card, title);
    if (!result.ok) log.warn({ teamId, reason, status: result.status, error: result.message }, 'could not say why nothing was posted');
  };

  const bot = new BalanceBot({
    registry,
    cards,
    snapshots: deps.snapshots,
    source: deps.source,
    clock,
    logger,
    options: config.bot,
    tabUrl,
    snoozer: notifier,
    postDueNow:
      deps.postDueOnChannelChoice === false
        ? null
        : async (teamId) => {
            const report = await notifier.run({ teamId });
            log.info({ teamId, counts: report.counts }, 'posted what was due after the channel choice');
            await explainSilence(teamId, report);
          },
  });

  const router = express.Router();
  router.use(connection.messagesRoute(bot));
  router.use(createNotifyRoute(notifier, config.bot, { logger }));

  let scheduler: { stop(): void } | null = null;
  let playground: PlaygroundHandle | null = null;
  return {
    router,
    notifier,
    registry,
    messenger,
    teamsMeetings: createTeamsMeetings({ registry, reader: connection.meetingInfo }),
    async start() {
      scheduler = startScheduler(notifier, config.bot, { logger, clock });
      if (config.mode === 'local' && config.playground.enabled) {
        playground = await startPlayground({ config, logger }).catch((error: unknown) => {
          log.warn({ err: error instanceof Error ? error.message : String(error) }, 'the Agents Playground did not start; the app runs without it');
          return null;
        });
      }
      return { playgroundUrl: playground?.url ?? null };
    },
    async stop() {
      scheduler?.stop();
      scheduler = null;
      await playground?.stop();
      playground = null;
    },
  };
}
