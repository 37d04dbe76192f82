/**
 * `npm start`: reads the configuration, starts the server, prints where everything is, and
 * shuts down gracefully on SIGINT/SIGTERM. The one place start-up errors are caught.
 */
import { loadConfig, type Config } from '../src/config';
import { ConfigError } from '../src/errors';
import { createLogger } from '../src/logger';
import { formatConfigError } from './cli/config';
import { checkInBackground } from './doctor';
import { routeConsoleToLog } from './library-console';
import { createServer } from './server';

function describeMode(config: Config): string {
  if (config.mode === 'local') {
    return `local mode: no tenant settings found, serving the embedded balance list from ${config.dataDir}/lists.json`;
  }
  const site = config.sharePoint?.siteUrl ?? config.sharePoint?.siteId ?? '';
  return `SharePoint mode: reading the lists "${config.sharePoint?.lists.balance}" and "${config.sharePoint?.lists.meetings}" on ${site}`;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${formatConfigError(error, 'Configuration error — the app was not started:')}See docs/configuration.md.\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  routeConsoleToLog(logger);
  logger.info({ mode: config.mode }, describeMode(config));
  for (const warning of config.warnings) logger.warn(warning);

  const server = await createServer(config, { logger });
  const { url, playgroundUrl } = await server.listen();
  const publicUrl = config.publicUrl ?? url;
  process.stdout.write(
    [
      '',
      `Balanslistan för Teams is running (${config.mode === 'local' ? 'local mode, no tenant' : 'SharePoint mode'}).`,
      `  Tab (open in a browser):  ${publicUrl}/`,
      `  Balance list API:         ${publicUrl}/api/balance-list`,
      `  Bot endpoint:             ${publicUrl}/api/messages`,
      `  Health:                   ${publicUrl}/healthz`,
      ...(playgroundUrl ? [`  Agents Playground (chat): ${playgroundUrl}  (add the bot to the team, then choose the SVOM channel)`] : []),
      ...(config.today
        ? [
            `  Demo clock:               TODAY=${config.today}: the tab, the bot and the reminders run as of ${config.today} (Stockholm),`,
            '                            at the real time of day. Unset TODAY for the real date.',
          ]
        : []),
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  // The doctor's checks, once, after the server listens: the start never waits for them, and each
  // problem is logged once (npm run doctor prints them with their fixes).
  if (config.mode === 'sharepoint') void checkInBackground(config, logger);

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    server
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error instanceof Error ? error.message : String(error) }, 'error while shutting down');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/** Start-up failures a person can fix, in words that say how. */
function explain(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  const where = error as { address?: unknown; port?: unknown };
  if (code === 'EADDRINUSE')
    return `port ${String(where.port)} on ${String(where.address)} is already in use: stop the program using it, or start with another PORT (e.g. PORT=3979 npm start)`;
  if (code === 'EACCES') return `not allowed to listen on port ${String(where.port)}: use a port above 1023 (PORT=3978)`;
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  process.stderr.write(`The app could not start: ${explain(error)}\n`);
  process.exit(1);
});
