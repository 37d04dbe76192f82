/**
 * The only reader of the environment. Validates it with zod and hands typed options down.
 *
 * No tenant settings at all → local mode (the embedded file store, loopback only).
 * Some but not all tenant settings → a `ConfigError` naming every missing variable.
 */
import { z } from 'zod';
import { parseCalendarDate } from './domain/dates';
import type { CalendarDate } from './domain/types';
import { ConfigError } from './errors';
import { LISTS } from './lists/schema';
import { isLoopbackHost } from './loopback';
import type { ListName } from './ports/list-source';
import { LANGUAGES, type Language } from './vocabulary/language';

export type Mode = 'local' | 'sharepoint';

/**
 * How the app proves who it is to Entra ID (`AZURE_CLIENT_CREDENTIAL`): a client secret, a
 * certificate (PEM with its private key), or a user-assigned managed identity that the app
 * registration trusts through a federated credential. When the app's client id is the identity's
 * own (a UserAssignedMSI bot), the identity's tokens are used directly.
 */
export type ClientCredential =
  | { kind: 'secret'; secret: string }
  | { kind: 'certificate'; path: string; password: string | null }
  | {
      kind: 'managed-identity';
      /** The user-assigned identity's client id (`MANAGED_IDENTITY_CLIENT_ID`). */
      managedIdentityClientId: string;
      /** `IDENTITY_ENDPOINT` as the platform set it (null: the instance metadata service), for messages. */
      endpoint: string | null;
    };

export interface GraphOptions {
  tenantId: string;
  clientId: string;
  credential: ClientCredential;
  /** e.g. `https://graph.microsoft.com/v1.0`: the root and the version, no trailing slash, no query (checked here). */
  baseUrl: string;
  /** e.g. `https://login.microsoftonline.com` (no trailing slash). */
  authorityHost: string;
}

export interface SharePointOptions {
  /** `https://contoso.sharepoint.com/sites/svom`, when given by URL. */
  siteUrl: string | null;
  /** Graph site id (`host,siteCollectionId,webId`), when given by id. */
  siteId: string | null;
  /** List display name or id (GUID) of each list. */
  lists: Record<ListName, string>;
}

export interface TabAuthOptions {
  /** The Entra app (client) id whose SSO tokens the tab API accepts. */
  clientId: string;
  /** Accepted audiences: the client id and the App ID URI. */
  audiences: string[];
  /** Tenants whose users may call the API. */
  allowedTenants: string[];
  /** The scope a token must carry. */
  requiredScope: string;
  /** How long a positive or negative on-behalf-of read check is remembered. */
  accessCheckTtlSeconds: number;
}

export interface BotOptions {
  /** Null when no app id is configured: only then are unauthenticated calls accepted (loopback only). */
  appId: string | null;
  appPassword: string | null;
  appTenantId: string | null;
  appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  /**
   * How the bot gets its Bot Connector tokens, null without an app id: `MicrosoftAppPassword` as a
   * secret; the identity itself for UserAssignedMSI; otherwise, when `MicrosoftAppId` is
   * `AZURE_CLIENT_ID`, the Graph credential (certificate or managed identity).
   */
  credential: ClientCredential | null;
  /** Days before a meeting when a reminder is posted, largest first. */
  meetingReminderDays: number[];
  /** Days before the last day of validity when an expiry notice is posted, largest first. */
  expiryThresholds: number[];
  /** Days before an open action's due date when it is reminded of (0 = on the day), largest first; overdue is always told once. */
  actionReminderDays: number[];
  /** An agreement that ended longer ago than this is no longer posted about. */
  expiredWithinDays: number;
  /** Cron expression (Europe/Stockholm) of the notifier run. */
  notifySchedule: string;
  /** Cron expression (Europe/Stockholm) of the weekly digest, or null when off. */
  digestSchedule: string | null;
  /** No posts from `start` to `end` (HH:MM, Stockholm); null when off. */
  quietHours: { start: string; end: string } | null;
  /** No posts on Saturdays and Sundays. */
  quietWeekends: boolean;
  /**
   * `FOLLOW_UP_READY_DATE` (MM-DD): the day a year's follow-up is announced as ready, instead of the
   * day after the year's last meeting. A date before 1 July falls in the following year (01-15: the
   * 2022 follow-up on 2023-01-15). Null: the last meeting decides.
   */
  followUpReadyDate: { month: number; day: number } | null;
  /** Shared secret for `POST /api/notify`; null disables the endpoint (unless Entra tokens are accepted). */
  notifySecret: string | null;
  defaultLanguage: Language;
}

export type StateStoreOptions = { kind: 'file'; dir: string } | { kind: 'blob'; connectionString: string; container: string };

export interface RefreshOptions {
  /** `REFRESH_INTERVAL_SECONDS`: between reads while somebody needs the lists. */
  fastSeconds: number;
  /** `IDLE_REFRESH_SECONDS`: between reads while nobody does. */
  idleSeconds: number;
  /** `DEMAND_WINDOW_SECONDS`: how long a tab's request counts as somebody looking. */
  demandSeconds: number;
  /** `NOTIFIED_REFRESH_SECONDS`: between reads while nobody looks and change notifications are live. */
  notifiedSeconds: number;
}

export interface ChangeNotificationOptions {
  /** Where Graph posts change notifications (`PUBLIC_URL` + `/api/graph/notifications`). */
  notificationUrl: string;
  /** Where Graph posts lifecycle notifications (`PUBLIC_URL` + `/api/graph/lifecycle`). */
  lifecycleNotificationUrl: string;
}

/** The paths Graph's notifications arrive at, below `PUBLIC_URL`. */
export const GRAPH_NOTIFICATION_PATH = '/api/graph/notifications';
export const GRAPH_LIFECYCLE_PATH = '/api/graph/lifecycle';

export interface PlaygroundOptions {
  enabled: boolean;
  port: number;
  /**
   * The variables the playground's process inherits: where programs, the home folder and
   * temporary files are, and the locale (`PLAYGROUND_INHERITED_VARIABLES`). Never a secret: the
   * playground gets these and its own settings, not this process's environment.
   */
  inherited: Record<string, string>;
}

/** What a child Node process needs from ours to run on Linux, macOS and Windows; nothing else passes. */
export const PLAYGROUND_INHERITED_VARIABLES = [
  'PATH',
  'HOME',
  'TMPDIR',
  'TMP',
  'TEMP',
  'LANG',
  'LC_ALL',
  'SystemRoot',
  'SystemDrive',
  'USERPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
] as const;

function inheritedVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of PLAYGROUND_INHERITED_VARIABLES) {
    const value = env[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

export interface Config {
  mode: Mode;
  /** Address the server binds. Always a loopback address in local mode. */
  host: string;
  port: number;
  /** Public https origin of the app (tab, bot, deep links), when deployed. */
  publicUrl: string | null;
  /** The Teams app id (manifest `id`), for deep links from bot cards to the tab; null when not set. */
  teamsAppId: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where local data lives (the local list store, bot state). */
  dataDir: string;
  /** The seed file copied into the local store on first start. */
  seedFile: string;
  /** An agreement counts as expiring this many days before its last day. */
  expiringWithinDays: number;
  /** Meetings this many days ahead are listed as upcoming (tab, `möten`, notifier). */
  meetingWithinDays: number;
  /** Demo clock (`TODAY`, local mode only): the app runs as of this Stockholm date; null: the real date. */
  today: CalendarDate | null;
  /** How often the lists are read while somebody needs them (delta in SharePoint mode). */
  refreshIntervalSeconds: number;
  /** The read schedule: fast while somebody looks, idle otherwise (see src/snapshot/cadence.ts). */
  refresh: RefreshOptions;
  /** Change notifications or on demand, and why (`freshnessMode`): what the start-up log and the doctor say. */
  freshness: FreshnessMode;
  /** Graph change notifications on the lists; null when off or not possible (`freshness` says why). */
  changeNotifications: ChangeNotificationOptions | null;
  graph: GraphOptions | null;
  sharePoint: SharePointOptions | null;
  tabAuth: TabAuthOptions | null;
  bot: BotOptions;
  stateStore: StateStoreOptions;
  playground: PlaygroundOptions;
  /** Warnings about unsafe or surprising settings, to be logged once at start-up. */
  warnings: string[];
}

/** Variables whose presence switches the app from local mode to SharePoint mode. */
export const TENANT_VARIABLES = [
  'AZURE_TENANT_ID',
  'AZURE_CLIENT_ID',
  'AZURE_CLIENT_SECRET',
  'AZURE_CLIENT_CERTIFICATE_PATH',
  'AZURE_CLIENT_CREDENTIAL',
  'MANAGED_IDENTITY_CLIENT_ID',
  'SHAREPOINT_SITE_URL',
  'SHAREPOINT_SITE_ID',
] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value;

const optionalText = z.preprocess(blankToUndefined, z.string().optional());
const guid = (name: string) =>
  z.preprocess(blankToUndefined, z.string().regex(GUID, `${name} must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`).optional());
const httpsUrl = (name: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .url(`${name} must be an absolute URL`)
      .refine((url) => /^https?:\/\//i.test(url), `${name} must start with https:// (or http:// for a test server)`)
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  );
/** Graph's root with its version (`https://graph.microsoft.com/v1.0`): the client splits it into host and version. */
const graphBaseUrl = z.preprocess(
  blankToUndefined,
  z
    .string()
    .url('GRAPH_BASE_URL must be an absolute URL')
    .refine((url) => /^https?:\/\//i.test(url), 'GRAPH_BASE_URL must start with https:// (or http:// for a test server)')
    .transform((url) => url.replace(/\/+$/, ''))
    .refine((url) => {
      const parsed = new URL(url);
      return parsed.pathname !== '/' && parsed.pathname !== '' && parsed.search === '' && parsed.hash === '';
    }, 'GRAPH_BASE_URL must name the version, like https://graph.microsoft.com/v1.0')
    .optional(),
);
/** A whole number from `min` to `max`, each refusal naming the setting. */
const wholeNumber = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);
const integer = (name: string, min: number, max: number, fallback: number) => z.preprocess(blankToUndefined, wholeNumber(name, min, max).default(fallback));
/** Like `integer`, with no default: undefined when unset. */
const optionalInteger = (name: string, min: number, max: number) => z.preprocess(blankToUndefined, wholeNumber(name, min, max).optional());
const dayList = (name: string, fallback: number[], example = '180,90,30,0') =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\s*\d{1,4}(\s*,\s*\d{1,4})*\s*$/, `${name} must be a comma-separated list of whole days, e.g. "${example}"`)
      .transform((text) => [...new Set(text.split(',').map((part) => Number(part.trim())))].sort((a, b) => b - a))
      .optional()
      .transform((days) => days ?? fallback),
  );
const onOff = (name: string, fallback: boolean) =>
  z.preprocess(
    blankToUndefined,
    z
      .enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'], { error: `${name} must be "on" or "off"` })
      .transform((value) => ['on', 'true', '1', 'yes'].includes(value))
      .optional()
      .transform((value) => value ?? fallback),
  );

const EnvSchema = z.object({
  PORT: integer('PORT', 0, 65535, 3978),
  HOST: optionalText,
  PUBLIC_URL: httpsUrl('PUBLIC_URL'),
  TEAMS_APP_ID: guid('TEAMS_APP_ID'),
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  ),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default('.data')),
  SEED_FILE: z.preprocess(blankToUndefined, z.string().default('data/balanslista-2022.json')),
  EXPIRING_WITHIN_DAYS: integer('EXPIRING_WITHIN_DAYS', 0, 3650, 180),
  MEETING_WITHIN_DAYS: integer('MEETING_WITHIN_DAYS', 1, 3650, 120),
  REFRESH_INTERVAL_SECONDS: integer('REFRESH_INTERVAL_SECONDS', 5, 86400, 30),
  IDLE_REFRESH_SECONDS: optionalInteger('IDLE_REFRESH_SECONDS', 5, 86400),
  DEMAND_WINDOW_SECONDS: integer('DEMAND_WINDOW_SECONDS', 0, 86400, 300),
  NOTIFIED_REFRESH_SECONDS: integer('NOTIFIED_REFRESH_SECONDS', 60, 86400, 3600),
  CHANGE_NOTIFICATIONS: onOff('CHANGE_NOTIFICATIONS', false),
  TODAY: optionalText,

  AZURE_TENANT_ID: guid('AZURE_TENANT_ID'),
  AZURE_CLIENT_ID: guid('AZURE_CLIENT_ID'),
  AZURE_CLIENT_SECRET: optionalText,
  AZURE_CLIENT_CERTIFICATE_PATH: optionalText,
  AZURE_CLIENT_CERTIFICATE_PASSWORD: optionalText,
  AZURE_CLIENT_CREDENTIAL: z.preprocess(
    blankToUndefined,
    z.enum(['secret', 'certificate', 'managed-identity'], { error: 'AZURE_CLIENT_CREDENTIAL must be secret, certificate or managed-identity' }).optional(),
  ),
  MANAGED_IDENTITY_CLIENT_ID: guid('MANAGED_IDENTITY_CLIENT_ID'),
  IDENTITY_ENDPOINT: z.preprocess(
    blankToUndefined,
    z.string().url('IDENTITY_ENDPOINT must be an absolute URL (the platform sets it on App Service and Container Apps)').optional(),
  ),
  IDENTITY_HEADER: optionalText,
  SHAREPOINT_SITE_URL: httpsUrl('SHAREPOINT_SITE_URL'),
  SHAREPOINT_SITE_ID: optionalText,
  SHAREPOINT_BALANCE_LIST: z.preprocess(blankToUndefined, z.string().default(LISTS.balance.displayName)),
  SHAREPOINT_MEETINGS_LIST: z.preprocess(blankToUndefined, z.string().default(LISTS.meetings.displayName)),
  SHAREPOINT_ERRANDS_LIST: z.preprocess(blankToUndefined, z.string().default(LISTS.errands.displayName)),
  SHAREPOINT_FORUM_LIST: z.preprocess(blankToUndefined, z.string().default(LISTS.forum.displayName)),
  SHAREPOINT_SECTIONS_LIST: z.preprocess(blankToUndefined, z.string().default(LISTS.sections.displayName)),
  SHAREPOINT_ACTIONS_LIST: z.preprocess(blankToUndefined, z.string().default(LISTS.actions.displayName)),
  GRAPH_BASE_URL: graphBaseUrl,
  AZURE_AUTHORITY_HOST: httpsUrl('AZURE_AUTHORITY_HOST'),

  TAB_APP_ID_URI: optionalText,
  ALLOWED_TENANT_IDS: optionalText,
  ACCESS_CHECK_TTL_SECONDS: integer('ACCESS_CHECK_TTL_SECONDS', 0, 86400, 300),

  MicrosoftAppType: z.preprocess(
    blankToUndefined,
    z
      .enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'], { error: 'MicrosoftAppType must be SingleTenant, MultiTenant or UserAssignedMSI' })
      .default('SingleTenant'),
  ),
  MicrosoftAppId: guid('MicrosoftAppId'),
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: guid('MicrosoftAppTenantId'),
  REMINDER_MEETING_DAYS: dayList('REMINDER_MEETING_DAYS', [14, 2]),
  REMINDER_EXPIRY_DAYS: dayList('REMINDER_EXPIRY_DAYS', [180, 90, 30, 0]),
  REMINDER_ACTION_DAYS: dayList('REMINDER_ACTION_DAYS', [7, 0], '7,0'),
  REMINDER_EXPIRED_WITHIN_DAYS: integer('REMINDER_EXPIRED_WITHIN_DAYS', 0, 36500, 365),
  NOTIFY_SCHEDULE: z.preprocess(blankToUndefined, z.string().default('0 8-16 * * *')),
  DIGEST_SCHEDULE: z.preprocess(blankToUndefined, z.string().default('0 8 * * 1')),
  QUIET_HOURS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((text) => text === 'off' || /^\d\d:\d\d-\d\d:\d\d$/.test(text), 'QUIET_HOURS must be "HH:MM-HH:MM" (e.g. "18:00-07:00") or "off"')
      .default('18:00-07:00'),
  ),
  QUIET_WEEKENDS: onOff('QUIET_WEEKENDS', true),
  FOLLOW_UP_READY_DATE: optionalText,
  NOTIFY_SECRET: optionalText,
  BOT_LANGUAGE: z.preprocess(blankToUndefined, z.enum(LANGUAGES, { error: 'BOT_LANGUAGE must be "sv" or "en"' }).default('sv')),

  STATE_STORE: z.preprocess(blankToUndefined, z.enum(['file', 'blob'], { error: 'STATE_STORE must be "file" or "blob"' }).default('file')),
  AZURE_STORAGE_CONNECTION_STRING: optionalText,
  AZURE_STORAGE_CONTAINER: z.preprocess(blankToUndefined, z.string().default('balanslistan-state')),

  PLAYGROUND: onOff('PLAYGROUND', true),
  PLAYGROUND_PORT: integer('PLAYGROUND_PORT', 1, 65535, 56150),
});

type Env = z.infer<typeof EnvSchema>;

/** Every variable `loadConfig` reads (the table in docs/configuration.md lists each one). */
export const ENV_VARIABLES = Object.keys(EnvSchema.shape) as ReadonlyArray<keyof Env>;

function checkCron(name: string, value: string, problems: string[]): void {
  // Five or six space-separated fields; croner validates fully when the scheduler starts.
  const fields = value.trim().split(/\s+/);
  if (fields.length < 5 || fields.length > 6) problems.push(`${name} must be a cron expression with 5 or 6 fields, e.g. "0 8 * * 1"`);
}

function parseQuietHours(text: string, problems: string[]): { start: string; end: string } | null {
  if (text === 'off') return null;
  const [start = '', end = ''] = text.split('-');
  if (!HHMM.test(start) || !HHMM.test(end)) {
    problems.push('QUIET_HOURS must be "HH:MM-HH:MM" with valid times (e.g. "18:00-07:00") or "off"');
    return null;
  }
  return { start, end };
}

/** `MM-DD` as a month and day that exist in every year (so not 02-29); null when unset. */
function parseMonthDay(name: string, text: string | undefined, problems: string[]): { month: number; day: number } | null {
  if (text === undefined) return null;
  const match = /^(\d{2})-(\d{2})$/.exec(text);
  const month = Number(match?.[1]);
  const day = Number(match?.[2]);
  // 2023 is not a leap year: a day that exists in it exists in every year.
  const exists = match !== null && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2023, month, 0)).getUTCDate();
  if (!exists) {
    problems.push(`${name} must be a month and day written MM-DD that exists in every year (e.g. "12-20" or "01-15"), not "${text}"`);
    return null;
  }
  return { month, day };
}

const CREDENTIAL_VARIABLES = {
  secret: 'AZURE_CLIENT_SECRET',
  certificate: 'AZURE_CLIENT_CERTIFICATE_PATH',
  'managed-identity': 'MANAGED_IDENTITY_CLIENT_ID',
} as const;

/** The managed identity endpoint the platform set, checked; null: none set (the instance metadata service). */
function identityEndpoint(env: Env, problems: string[], warnings: string[]): string | null {
  if (env.IDENTITY_ENDPOINT && !env.IDENTITY_HEADER) {
    problems.push('IDENTITY_ENDPOINT is set without IDENTITY_HEADER: both come from the platform (App Service, Container Apps); set both or neither');
  }
  if (!env.IDENTITY_ENDPOINT) {
    warnings.push(
      'IDENTITY_ENDPOINT is not set: the managed identity token is asked from the instance metadata service, as on a virtual machine (App Service and Container Apps set IDENTITY_ENDPOINT themselves)',
    );
  }
  return env.IDENTITY_ENDPOINT ?? null;
}

/**
 * The app's credential: `AZURE_CLIENT_CREDENTIAL` when set, else the one credential setting
 * present. Missing pieces go to `missing`, contradictions to `problems`; a credential setting
 * the choice leaves unused is announced (a secret left in the settings is still a secret).
 */
function clientCredential(env: Env, missing: string[], problems: string[], warnings: string[]): ClientCredential | null {
  const present = (Object.keys(CREDENTIAL_VARIABLES) as Array<keyof typeof CREDENTIAL_VARIABLES>).filter((kind) => env[CREDENTIAL_VARIABLES[kind]]);
  let kind = env.AZURE_CLIENT_CREDENTIAL;
  if (!kind) {
    if (present.length === 0) {
      missing.push('a credential (MANAGED_IDENTITY_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH or AZURE_CLIENT_SECRET)');
      return null;
    }
    if (present.length > 1) {
      problems.push(
        `Several credentials are set (${present.map((name) => CREDENTIAL_VARIABLES[name]).join(', ')}): set AZURE_CLIENT_CREDENTIAL to secret, certificate or managed-identity to choose, or remove the others`,
      );
      return null;
    }
    kind = present[0];
  }
  if (!kind) return null;
  if (!env[CREDENTIAL_VARIABLES[kind]]) {
    missing.push(`${CREDENTIAL_VARIABLES[kind]} (AZURE_CLIENT_CREDENTIAL=${kind})`);
    return null;
  }
  for (const other of present) {
    if (other !== kind) warnings.push(`AZURE_CLIENT_CREDENTIAL=${kind}: ${CREDENTIAL_VARIABLES[other]} is set but not used; remove it from the settings`);
  }
  switch (kind) {
    case 'secret':
      return { kind, secret: env.AZURE_CLIENT_SECRET as string };
    case 'certificate':
      return { kind, path: env.AZURE_CLIENT_CERTIFICATE_PATH as string, password: env.AZURE_CLIENT_CERTIFICATE_PASSWORD ?? null };
    case 'managed-identity': {
      const managedIdentityClientId = env.MANAGED_IDENTITY_CLIENT_ID as string;
      if (env.AZURE_CLIENT_ID && managedIdentityClientId.toLowerCase() === env.AZURE_CLIENT_ID.toLowerCase()) {
        problems.push(
          'MANAGED_IDENTITY_CLIENT_ID is the same as AZURE_CLIENT_ID: it is the client id of the user-assigned managed identity that the app registration (AZURE_CLIENT_ID) trusts through a federated credential',
        );
        return null;
      }
      return { kind, managedIdentityClientId, endpoint: identityEndpoint(env, problems, warnings) };
    }
  }
}

function tenantOptions(env: Env, problems: string[], warnings: string[]): Pick<Config, 'graph' | 'sharePoint' | 'tabAuth'> {
  const missing: string[] = [];
  if (!env.AZURE_TENANT_ID) missing.push('AZURE_TENANT_ID');
  if (!env.AZURE_CLIENT_ID) missing.push('AZURE_CLIENT_ID');
  const credential = clientCredential(env, missing, problems, warnings);
  if (!env.SHAREPOINT_SITE_URL && !env.SHAREPOINT_SITE_ID) missing.push('SHAREPOINT_SITE_URL (or SHAREPOINT_SITE_ID)');
  if (missing.length > 0) {
    problems.push(
      `SharePoint mode needs ${missing.join(', ')}: set them, or unset every tenant variable (${TENANT_VARIABLES.join(', ')}) to run in local mode`,
    );
  }
  if (env.SHAREPOINT_SITE_URL && env.SHAREPOINT_SITE_ID) {
    problems.push('Set either SHAREPOINT_SITE_URL or SHAREPOINT_SITE_ID, not both');
  }
  if (missing.length > 0 || !credential) return { graph: null, sharePoint: null, tabAuth: null };

  const tenantId = env.AZURE_TENANT_ID as string;
  const clientId = env.AZURE_CLIENT_ID as string;
  const publicHost = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).host : null;
  const appIdUri = env.TAB_APP_ID_URI ?? (publicHost ? `api://${publicHost}/${clientId}` : null);
  const allowedTenants = env.ALLOWED_TENANT_IDS
    ? env.ALLOWED_TENANT_IDS.split(',')
        .map((id) => id.trim())
        .filter(Boolean)
    : [tenantId];
  for (const id of allowedTenants) {
    if (!GUID.test(id)) problems.push(`ALLOWED_TENANT_IDS must list tenant GUIDs separated by commas; "${id}" is not one`);
  }
  return {
    graph: {
      tenantId,
      clientId,
      credential,
      baseUrl: env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com/v1.0',
      authorityHost: env.AZURE_AUTHORITY_HOST ?? 'https://login.microsoftonline.com',
    },
    sharePoint: {
      siteUrl: env.SHAREPOINT_SITE_URL ?? null,
      siteId: env.SHAREPOINT_SITE_ID ?? null,
      lists: {
        balance: env.SHAREPOINT_BALANCE_LIST,
        meetings: env.SHAREPOINT_MEETINGS_LIST,
        errands: env.SHAREPOINT_ERRANDS_LIST,
        forum: env.SHAREPOINT_FORUM_LIST,
        sections: env.SHAREPOINT_SECTIONS_LIST,
        actions: env.SHAREPOINT_ACTIONS_LIST,
      },
    },
    tabAuth: {
      clientId,
      audiences: appIdUri ? [clientId, appIdUri] : [clientId],
      allowedTenants,
      requiredScope: 'access_as_user',
      accessCheckTtlSeconds: env.ACCESS_CHECK_TTL_SECONDS,
    },
  };
}

/** The bot's credential (see `BotOptions.credential`); a missing one is a problem. */
function botCredential(env: Env, graph: GraphOptions | null, problems: string[], warnings: string[]): ClientCredential | null {
  const appId = env.MicrosoftAppId;
  if (!appId) return null;
  if (env.MicrosoftAppType === 'UserAssignedMSI') {
    const endpoint = graph?.credential.kind === 'managed-identity' ? graph.credential.endpoint : identityEndpoint(env, problems, warnings);
    return { kind: 'managed-identity', managedIdentityClientId: appId, endpoint };
  }
  if (env.MicrosoftAppPassword) return { kind: 'secret', secret: env.MicrosoftAppPassword };
  if (graph && graph.clientId.toLowerCase() === appId.toLowerCase()) return graph.credential;
  problems.push(
    'MicrosoftAppId is set but MicrosoftAppPassword is missing: set it, or make MicrosoftAppId the same app as AZURE_CLIENT_ID so the bot uses its credential (AZURE_CLIENT_CREDENTIAL)',
  );
  return null;
}

function botOptions(env: Env, mode: Mode, graph: GraphOptions | null, problems: string[], warnings: string[]): BotOptions {
  checkCron('NOTIFY_SCHEDULE', env.NOTIFY_SCHEDULE, problems);
  const digest = env.DIGEST_SCHEDULE === 'off' ? null : env.DIGEST_SCHEDULE;
  if (digest) checkCron('DIGEST_SCHEDULE', digest, problems);
  const appId = env.MicrosoftAppId ?? null;
  const credential = botCredential(env, graph, problems, warnings);
  if (appId && env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppType SingleTenant needs MicrosoftAppTenantId');
  }
  if (!appId && mode === 'sharepoint') {
    warnings.push('MicrosoftAppId is not set: the bot endpoint accepts unauthenticated calls, and only on loopback');
  }
  return {
    appId,
    appPassword: env.MicrosoftAppPassword ?? null,
    appTenantId: env.MicrosoftAppTenantId ?? null,
    appType: env.MicrosoftAppType,
    credential,
    meetingReminderDays: env.REMINDER_MEETING_DAYS,
    expiryThresholds: env.REMINDER_EXPIRY_DAYS,
    actionReminderDays: env.REMINDER_ACTION_DAYS,
    expiredWithinDays: env.REMINDER_EXPIRED_WITHIN_DAYS,
    notifySchedule: env.NOTIFY_SCHEDULE,
    digestSchedule: digest,
    quietHours: parseQuietHours(env.QUIET_HOURS, problems),
    quietWeekends: env.QUIET_WEEKENDS,
    followUpReadyDate: parseMonthDay('FOLLOW_UP_READY_DATE', env.FOLLOW_UP_READY_DATE, problems),
    notifySecret: env.NOTIFY_SECRET ?? null,
    defaultLanguage: env.BOT_LANGUAGE,
  };
}

/** `TODAY`: a real calendar date, and only in local mode (a tenant's reminders must follow the real date). */
function demoDate(text: string | undefined, mode: Mode, problems: string[]): CalendarDate | null {
  if (text === undefined) return null;
  const date = parseCalendarDate(text);
  if (date === null) {
    problems.push(`TODAY must be a date written YYYY-MM-DD, e.g. "2022-12-01", not "${text}"`);
    return null;
  }
  if (mode !== 'local') {
    problems.push('TODAY (the demo clock) only works in local mode: in SharePoint mode reminders must follow the real date; unset TODAY');
    return null;
  }
  return date;
}

/**
 * How the lists are kept fresh, as the configuration decides it: Graph change notifications, or
 * reading on demand, and why. The start-up log and `npm run doctor` both say this decision, so
 * it is made here only.
 */
export type FreshnessMode =
  | { mode: 'notifications'; options: ChangeNotificationOptions; reason: string }
  | { mode: 'on-demand'; cause: 'off' | 'local' | 'no-public-url' | 'not-https'; reason: string };

/**
 * `CHANGE_NOTIFICATIONS=on` needs SharePoint mode and an https `PUBLIC_URL` Graph can reach;
 * without them the app reads on demand. `publicUrl` as configured (no trailing slash).
 */
export function freshnessMode(settings: { changeNotifications: boolean; mode: Mode; publicUrl: string | null }): FreshnessMode {
  if (!settings.changeNotifications) return { mode: 'on-demand', cause: 'off', reason: 'CHANGE_NOTIFICATIONS is off' };
  if (settings.mode === 'local')
    return { mode: 'on-demand', cause: 'local', reason: 'CHANGE_NOTIFICATIONS=on has no effect in local mode: the local file is watched for changes' };
  const needs = "CHANGE_NOTIFICATIONS=on needs PUBLIC_URL to be the app's public https address (Graph only posts notifications to https)";
  if (settings.publicUrl === null) return { mode: 'on-demand', cause: 'no-public-url', reason: `${needs}, and PUBLIC_URL is not set` };
  if (!settings.publicUrl.startsWith('https://')) return { mode: 'on-demand', cause: 'not-https', reason: `${needs}, and PUBLIC_URL is ${settings.publicUrl}` };
  return {
    mode: 'notifications',
    options: {
      notificationUrl: `${settings.publicUrl}${GRAPH_NOTIFICATION_PATH}`,
      lifecycleNotificationUrl: `${settings.publicUrl}${GRAPH_LIFECYCLE_PATH}`,
    },
    reason: `CHANGE_NOTIFICATIONS=on and PUBLIC_URL ${settings.publicUrl} is https`,
  };
}

/**
 * Reads and validates the configuration from `env` (default `process.env`).
 * Throws `ConfigError` listing every problem at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issue.message);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`, problems);
  }
  const values = parsed.data;
  const problems: string[] = [];
  const warnings: string[] = [];

  const tenantSet = TENANT_VARIABLES.some((name) => values[name] !== undefined);
  const mode: Mode = tenantSet ? 'sharepoint' : 'local';
  const tenant = tenantSet ? tenantOptions(values, problems, warnings) : { graph: null, sharePoint: null, tabAuth: null };

  const bot = botOptions(values, mode, tenant.graph, problems, warnings);
  const loopbackOnly = mode === 'local' || bot.appId === null;
  const host = values.HOST ?? (loopbackOnly ? '127.0.0.1' : '0.0.0.0');
  if (loopbackOnly && !isLoopbackHost(host)) {
    problems.push(
      mode === 'local'
        ? `HOST=${host} is not a loopback address: local mode needs no sign-in, so it only listens on loopback (127.0.0.1, ::1, localhost)`
        : `HOST=${host} is not a loopback address: without MicrosoftAppId the bot endpoint is unauthenticated, so it only listens on loopback`,
    );
  }

  const today = demoDate(values.TODAY, mode, problems);
  if (today) warnings.push(`TODAY=${today}: demo clock, the app runs as of ${today} (Stockholm) at the real time of day; unset TODAY for the real date`);

  let stateStore: StateStoreOptions = { kind: 'file', dir: values.DATA_DIR };
  if (values.STATE_STORE === 'blob') {
    if (!values.AZURE_STORAGE_CONNECTION_STRING) problems.push('STATE_STORE=blob needs AZURE_STORAGE_CONNECTION_STRING');
    stateStore = { kind: 'blob', connectionString: values.AZURE_STORAGE_CONNECTION_STRING ?? '', container: values.AZURE_STORAGE_CONTAINER };
  }

  // Unset, the idle interval is 10 minutes, never shorter than the fast one.
  const idleSeconds = values.IDLE_REFRESH_SECONDS ?? Math.max(600, values.REFRESH_INTERVAL_SECONDS);
  if (idleSeconds < values.REFRESH_INTERVAL_SECONDS) {
    problems.push(`IDLE_REFRESH_SECONDS (${idleSeconds}) must be at least REFRESH_INTERVAL_SECONDS (${values.REFRESH_INTERVAL_SECONDS})`);
  }
  const freshness = freshnessMode({ changeNotifications: values.CHANGE_NOTIFICATIONS, mode, publicUrl: values.PUBLIC_URL ?? null });
  if (freshness.mode === 'on-demand' && freshness.cause === 'local') warnings.push(freshness.reason);
  else if (freshness.mode === 'on-demand' && freshness.cause !== 'off') warnings.push(`${freshness.reason}; reading the lists on demand instead`);

  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`, problems);

  return {
    mode,
    host,
    port: values.PORT,
    publicUrl: values.PUBLIC_URL ?? null,
    teamsAppId: values.TEAMS_APP_ID ?? null,
    logLevel: values.LOG_LEVEL,
    dataDir: values.DATA_DIR,
    seedFile: values.SEED_FILE,
    expiringWithinDays: values.EXPIRING_WITHIN_DAYS,
    meetingWithinDays: values.MEETING_WITHIN_DAYS,
    today,
    refreshIntervalSeconds: values.REFRESH_INTERVAL_SECONDS,
    refresh: {
      fastSeconds: values.REFRESH_INTERVAL_SECONDS,
      idleSeconds,
      demandSeconds: values.DEMAND_WINDOW_SECONDS,
      notifiedSeconds: values.NOTIFIED_REFRESH_SECONDS,
    },
    freshness,
    changeNotifications: freshness.mode === 'notifications' ? freshness.options : null,
    ...tenant,
    bot,
    stateStore,
    playground: { enabled: mode === 'local' && values.PLAYGROUND, port: values.PLAYGROUND_PORT, inherited: inheritedVariables(env) },
    warnings,
  };
}
