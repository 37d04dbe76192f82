/**
 * What the admin commands (provision, import, export) share: configuration from the environment
 * and `env/.env.<name>` files, a Graph client, and one way to end with a readable error.
 */
import { join } from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import { loadConfig, type Config, type GraphOptions, type SharePointOptions } from '../../src/config';
import { AppError } from '../../src/errors';
import { createLogger, type Logger } from '../../src/logger';
import { createGraphClient, type GraphRequestInfo } from '../../src/sharepoint/graph-client';
import { readEnvFiles } from './env-files';

export const root = join(__dirname, '..', '..');

export interface TenantContext {
  config: Config;
  graph: GraphOptions;
  sharePoint: SharePointOptions;
  client: Client;
  logger: Logger;
  /** Graph requests and bytes so far (the command prints them at the end). */
  traffic: { requests: number; bytes: number };
}

/**
 * Reads the configuration (`env/.env.<envName>` and its `.user` file when `envName` is given; the
 * process environment wins) and builds the Graph client. Throws `AppError` when the tenant
 * settings are missing: these commands only make sense against SharePoint.
 */
export function tenantContext(command: string, envName: string | undefined): TenantContext {
  const files = envName ? readEnvFiles(root, envName) : { values: {}, files: [] };
  if (envName && files.files.length === 0) throw new AppError('config', `No env/.env.${envName} file: create it from env/.env.dev, or leave out --env`);
  // The CLI is an entry point: it hands the environment to the config module, which validates it.
  const config = loadConfig({ ...files.values, ...process.env });
  if (config.mode !== 'sharepoint' || !config.graph || !config.sharePoint) {
    throw new AppError(
      'config',
      `${command} works on the SharePoint site, so it needs AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH) ` +
        'and SHAREPOINT_SITE_URL: put them in env/.env.<env> and env/.env.<env>.user and pass --env <env>, or set them in the environment.',
    );
  }
  // Logs go to stderr so the command's own output stays readable.
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
  const traffic = { requests: 0, bytes: 0 };
  const onRequest = (info: GraphRequestInfo) => {
    traffic.requests += 1;
    traffic.bytes += info.requestBytes + info.responseBytes;
  };
  const client = createGraphClient(config.graph, { logger, onRequest });
  return { config, graph: config.graph, sharePoint: config.sharePoint, client, logger, traffic };
}

/** Runs a command's body: prints an `AppError`'s message (no stack) and sets the exit code. */
export function runCommand(body: () => Promise<number>): void {
  body().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof AppError) console.error(`Error: ${error.message}`);
      else console.error(error);
      process.exit(1);
    },
  );
}
