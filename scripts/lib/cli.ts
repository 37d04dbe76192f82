/**
 * What the admin commands (provision, import, export) share: configuration from the environment
 * and `env/.env.<name>` files, a Graph client, and one way to end with a readable error.
 */
import { join } from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import { loadConfig, type Config, type GraphOptions, type SharePointOptions } from '../../src/config';
import { AppError } from '../../src/errors';
import { createLogger, type Logger } from '../../src/logger';
import { graphStore, localStore, type ListStore } from '../../src/import';
import { LocalListSource } from '../../src/local/local-list-source';
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

/** The configuration from `env/.env.<envName>` (and its `.user` file) under `env` (which wins). */
function configFor(envName: string | undefined, env: NodeJS.ProcessEnv): Config {
  const files = envName ? readEnvFiles(root, envName) : { values: {}, files: [] };
  if (envName && files.files.length === 0) throw new AppError('config', `No env/.env.${envName} file: create it from env/.env.dev, or leave out --env`);
  // The CLI is an entry point: it hands the environment to the config module, which validates it.
  return loadConfig({ ...files.values, ...env });
}

/** Logs to stderr so the command's own output stays readable. */
function commandLogger(config: Config): Logger {
  return createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
}

/**
 * Reads the configuration (`env/.env.<envName>` and its `.user` file when `envName` is given; the
 * environment wins) and builds the Graph client. Throws `AppError` when the tenant
 * settings are missing: these commands only make sense against SharePoint.
 */
export function tenantContext(command: string, envName: string | undefined, env: NodeJS.ProcessEnv = process.env): TenantContext {
  const config = configFor(envName, env);
  return tenantContextOf(command, config);
}

function tenantContextOf(command: string, config: Config): TenantContext {
  if (config.mode !== 'sharepoint' || !config.graph || !config.sharePoint) {
    throw new AppError(
      'config',
      `${command} works on the SharePoint site, so it needs AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH) ` +
        'and SHAREPOINT_SITE_URL: put them in env/.env.<env> and env/.env.<env>.user and pass --env <env>, or set them in the environment.',
    );
  }
  const logger = commandLogger(config);
  const traffic = { requests: 0, bytes: 0 };
  const onRequest = (info: GraphRequestInfo) => {
    traffic.requests += 1;
    traffic.bytes += info.requestBytes + info.responseBytes;
  };
  const client = createGraphClient(config.graph, { logger, onRequest });
  return { config, graph: config.graph, sharePoint: config.sharePoint, client, logger, traffic };
}

/** Where import and export work: the SharePoint site (tenant settings given) or the local store. */
export interface StoreContext {
  store: ListStore;
  logger: Logger;
  /** Graph requests and bytes so far; null for the local store. */
  traffic: { requests: number; bytes: number } | null;
}

/**
 * The store `npm run import` / `npm run export` work on: with tenant settings (the environment or
 * `--env <name>`) the SharePoint site through Graph, without them the local store of local mode
 * (`DATA_DIR`, seeded from `SEED_FILE` like `npm start`).
 */
export function storeContext(command: string, envName: string | undefined, env: NodeJS.ProcessEnv = process.env): StoreContext {
  const config = configFor(envName, env);
  if (config.mode === 'local') {
    const logger = commandLogger(config);
    const source = new LocalListSource({ dataDir: config.dataDir, seedFile: config.seedFile }, { logger });
    return { store: localStore(source), logger, traffic: null };
  }
  const context = tenantContextOf(command, config);
  return { store: graphStore(context.client, context.sharePoint), logger: context.logger, traffic: context.traffic };
}

/** A command's output: lines for the person at the terminal, and errors. */
export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: CommandIo = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Runs a command's body and returns its exit code: an `AppError` is printed as its message (no stack), 1. */
export async function commandOutcome(io: CommandIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof AppError) io.err(`Error: ${error.message}`);
    else if (error instanceof Error) io.err(`Error: ${error.stack ?? error.message}`);
    else io.err(`Error: ${String(error)}`);
    return 1;
  }
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
