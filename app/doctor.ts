/**
 * The doctor's wiring: which checks run for a configuration, in which order, with what they
 * depend on (no Graph checks without a Graph token). Used by `npm run doctor` and, in the
 * background after start-up, by `npm start` in SharePoint mode.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStateStore } from '../bot/state';
import type { BotOptions, ClientCredential, Config, GraphOptions } from '../src/config';
import { acquireAppToken, type TokenOutcome } from '../src/doctor/app-token';
import { ok, problem, skipped, warning, type CheckResult, type DoctorReport } from '../src/doctor/check';
import { checkConfig, checkManifest, type BuiltManifest } from '../src/doctor/config-checks';
import { checkBotEndpoint, checkTabPage } from '../src/doctor/endpoint-checks';
import { checkDocumentLibrary } from '../src/doctor/documents-check';
import { checkPeopleLookup } from '../src/doctor/people-check';
import { checkSite } from '../src/doctor/site-checks';
import { checkStateStore } from '../src/doctor/state-check';
import { checkFreshness, freshnessLine, SUBSCRIPTION_ROLE } from '../src/doctor/subscription-checks';
import { checkRoles, decodeClaims, NEEDED_ROLE, rolesOf } from '../src/doctor/token-claims';
import { explainRefusal } from '../src/doctor/token-refusals';
import { LocalListSource } from '../src/local/local-list-source';
import type { Logger } from '../src/logger';
import { LIST_NAMES } from '../src/ports/list-source';
import { createGraphClients } from '../src/sharepoint/graph-client';
import { graphScope } from '../src/sharepoint/graph-auth';
import { clockFor } from './clock';

export interface DoctorDeps {
  logger: Logger;
  /** `--env <name>`: names the env files in printed commands and the built manifest to compare. */
  envName?: string | null;
  /** The repository root holding appPackage/build (default: this checkout). */
  root?: string;
  /** Extra trusted CA certificates (PEM) for the probes of PUBLIC_URL (tests). */
  ca?: string;
  /** `--probe-subscriptions`: create and delete a real change-notification subscription on one list. */
  probeSubscriptions?: boolean;
}

/** The Bot Connector's scope (the audience of the tokens the bot sends). */
const BOT_CONNECTOR_SCOPE = 'https://api.botframework.com/.default';

function readManifest(root: string, envName: string | null): BuiltManifest | null {
  if (!envName) return null;
  const path = join(root, 'appPackage', 'build', `manifest.${envName}.json`);
  if (!existsSync(path)) return null;
  try {
    return { path: `appPackage/build/manifest.${envName}.json`, json: JSON.parse(readFileSync(path, 'utf8')) as unknown };
  } catch {
    return { path: `appPackage/build/manifest.${envName}.json`, json: null };
  }
}

/** The Graph token and what it carries: the token line, the permissions line, and the token when there is one. */
/** The setting that holds each kind of credential, for the fix of a refused token. */
const CREDENTIAL_SETTING: Record<ClientCredential['kind'], string> = {
  secret: 'AZURE_CLIENT_SECRET',
  certificate: 'AZURE_CLIENT_CERTIFICATE_PATH',
  'managed-identity': 'MANAGED_IDENTITY_CLIENT_ID',
};

/** A token outcome that is not a token, as the line of check `id`. */
function tokenProblem(id: string, outcome: Exclude<TokenOutcome, { ok: true }>, names: { app: string; tenant: string; secret: string }): CheckResult {
  if ('unreadable' in outcome)
    return problem(id, outcome.unreadable, 'Fix the certificate file (PEM with the certificate and its private key) or its password.');
  if ('unreachable' in outcome)
    return problem(
      id,
      outcome.unreachable,
      'Check that this machine reaches AZURE_AUTHORITY_HOST (proxy, firewall, DNS), or, for a managed identity, that it runs on the App Service with the identity assigned.',
    );
  const { message, fix } = explainRefusal(outcome.refusal, names);
  return problem(id, message, fix);
}

async function checkGraphToken(
  graph: GraphOptions,
  notifications: boolean,
  logger: Logger,
): Promise<{ lines: CheckResult[]; token: string | null; roles: string[]; sitesReachable: boolean }> {
  const outcome = await acquireAppToken(graph, graphScope(graph), { logger });
  if (!outcome.ok) {
    const line = tokenProblem('graph-token', outcome, { app: graph.clientId, tenant: graph.tenantId, secret: CREDENTIAL_SETTING[graph.credential.kind] });
    return { lines: [line, skipped('graph-permissions', 'Not checked: no Graph token.')], token: null, roles: [], sitesReachable: false };
  }
  const lines: CheckResult[] = [ok('graph-token', `Entra ID issued a Graph token for the app (${graph.credential.kind.replace('-', ' ')}).`)];
  const claims = decodeClaims(outcome.token);
  const roles = checkRoles(claims ? rolesOf(claims) : []);
  const consent = `Entra admin centre → App registrations → ${graph.clientId} → API permissions: add Microsoft Graph → Application permissions → ${NEEDED_ROLE}, then "Grant admin consent" (az ad app permission admin-consent --id ${graph.clientId}).`;
  if (roles.all.length === 0)
    lines.push(problem('graph-permissions', 'The token carries no application permissions: admin consent has not been granted.', consent));
  else if (!roles.needed && roles.broader.length === 0)
    lines.push(
      problem('graph-permissions', `The token has ${roles.all.join(', ')}, but not ${NEEDED_ROLE}, which the app needs for the forum's site.`, consent),
    );
  else if (roles.broader.length > 0) {
    // With change notifications on, Sites.ReadWrite.All is what Graph documents for list subscriptions: broader, but asked for.
    const forNotifications = notifications && roles.broader.includes(SUBSCRIPTION_ROLE);
    lines.push(
      warning(
        'graph-permissions',
        `The token has ${roles.broader.join(', ')}, broader than needed: ${roles.broader.length === 1 ? 'it reaches' : 'they reach'} every site, where the app needs only ${NEEDED_ROLE} on the forum's site${forNotifications ? ` (and ${SUBSCRIPTION_ROLE} for change notifications, CHANGE_NOTIFICATIONS=on)` : ''}.${roles.needed ? '' : ` ${NEEDED_ROLE} itself is missing.`}`,
        forNotifications
          ? `Keep ${SUBSCRIPTION_ROLE} only if the organisation accepts it for change notifications (see subscription-permission); otherwise set CHANGE_NOTIFICATIONS=off and, in Entra admin centre → App registrations → ${graph.clientId} → API permissions, remove ${roles.broader.join(', ')} (Remove permission, then revoke the consent), keep ${NEEDED_ROLE}.`
          : `Entra admin centre → App registrations → ${graph.clientId} → API permissions: remove ${roles.broader.join(', ')} (Remove permission, then revoke the consent), keep ${NEEDED_ROLE}.`,
      ),
    );
  } else lines.push(ok('graph-permissions', `The token has ${NEEDED_ROLE} and nothing broader.`));
  return { lines, token: outcome.token, roles: roles.all, sitesReachable: roles.needed || roles.broader.some((role) => role.startsWith('Sites.')) };
}

/** The bot's token for the Bot Connector, asked for the way the bot asks (its app id, secret and tenant). */
async function checkBotToken(bot: BotOptions, authorityHost: string, logger: Logger): Promise<CheckResult> {
  const id = 'bot-token';
  if (bot.appId === null || bot.credential === null) return skipped(id, 'Not checked: MicrosoftAppId is not set.');
  const tenant = bot.appType === 'SingleTenant' && bot.appTenantId ? bot.appTenantId : 'botframework.com';
  const outcome = await acquireAppToken({ tenantId: tenant, clientId: bot.appId, authorityHost, credential: bot.credential }, BOT_CONNECTOR_SCOPE, { logger });
  if (outcome.ok) return ok(id, `Entra ID issued a Bot Connector token for the bot ${bot.appId} (${bot.credential.kind.replace('-', ' ')}).`);
  const secret = bot.credential.kind === 'secret' && bot.appPassword !== null ? 'MicrosoftAppPassword' : CREDENTIAL_SETTING[bot.credential.kind];
  const line = tokenProblem(id, outcome, { app: bot.appId, tenant, secret });
  return { ...line, message: line.message.replace('refused the token', 'refused the Bot Connector token') };
}

/** The local store: the list file readable and mapped, with what it holds. */
async function checkLocalStore(config: Config, logger: Logger): Promise<CheckResult> {
  const source = new LocalListSource({ dataDir: config.dataDir, seedFile: config.seedFile, clock: clockFor(config) }, { logger });
  try {
    const { data } = await source.read();
    const counts = LIST_NAMES.map((list) => `${data[list]?.length ?? 0} ${list}`).join(', ');
    return ok('local-store', `${config.dataDir}/lists.json reads: ${counts}.`);
  } catch (error) {
    return problem(
      'local-store',
      `${config.dataDir}/lists.json cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      `Fix or remove the file (it is created again from ${config.seedFile}), or set DATA_DIR to another folder.`,
    );
  }
}

/** Runs every check for `config`, in order; never throws for what it checks (an exception is a doctor that could not run). */
export async function runDoctor(config: Config, deps: DoctorDeps): Promise<DoctorReport> {
  const logger = deps.logger;
  const envName = deps.envName ?? null;
  const openStore = () => createStateStore(config.stateStore, { logger });
  const state = () => checkStateStore(config.stateStore, openStore);
  const probeOptions = deps.ca ? { ca: deps.ca } : {};
  if (config.mode === 'local' || !config.graph || !config.sharePoint) {
    return {
      mode: 'local',
      checks: [
        ok('mode', 'Local mode: no tenant settings, so no Graph, Entra ID or Teams checks; the app serves the local store on loopback only.'),
        await checkLocalStore(config, logger),
        await state(),
        // Only when CHANGE_NOTIFICATIONS=on asks for what local mode does not do.
        ...(config.freshness.mode === 'on-demand' && config.freshness.cause === 'local' ? [freshnessLine(config.freshness, config.refresh)] : []),
      ],
    };
  }
  const checks: CheckResult[] = [...checkConfig(config), checkManifest(config, readManifest(deps.root ?? join(__dirname, '..'), envName), envName)];
  const token = await checkGraphToken(config.graph, config.freshness.mode === 'notifications', logger);
  checks.push(...token.lines);
  const clients = token.token !== null && token.sitesReachable ? createGraphClients(config.graph, { logger, retry: { maxRetries: 1 } }) : null;
  if (clients !== null) {
    const needsWrite = config.bot.appId !== null;
    checks.push(...(await checkSite(clients.app, config.sharePoint, { clientId: config.graph.clientId, needsWrite, envName }, { logger })));
    checks.push(await checkPeopleLookup(clients.app, config.sharePoint));
    checks.push(await checkDocumentLibrary(clients.app, config.sharePoint));
  } else {
    const why = token.token === null ? 'Not checked: no Graph token.' : `Not checked: the token has no permission for sites (${NEEDED_ROLE}).`;
    checks.push(skipped('site', why), skipped('site-grant', why), ...LIST_NAMES.map((list) => skipped(`list:${list}`, why)));
  }
  checks.push(await checkBotToken(config.bot, config.graph.authorityHost, logger));
  checks.push(await checkBotEndpoint(config.publicUrl, probeOptions));
  checks.push(await state());
  checks.push(await checkTabPage(config.publicUrl, probeOptions));
  checks.push(
    ...(await checkFreshness({
      freshness: config.freshness,
      refresh: config.refresh,
      graph:
        clients !== null
          ? { client: clients.app, roles: token.roles }
          : { unavailable: token.token === null ? 'no Graph token' : `the token has no permission for sites (${NEEDED_ROLE})` },
      sharePoint: config.sharePoint,
      clientId: config.graph.clientId,
      openStore,
      probe: deps.probeSubscriptions ?? false,
      now: clockFor(config).now(),
      logger,
    })),
  );
  return { mode: 'sharepoint', checks };
}

/**
 * `npm start` in SharePoint mode: the same checks once, in the background after start-up (the
 * start does not wait for them), each problem and warning logged once. Returns the running check
 * (tests wait for it); it never rejects.
 */
export function checkInBackground(config: Config, logger: Logger): Promise<DoctorReport | null> {
  const log = logger.child({ module: 'doctor' });
  return new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => runDoctor(config, { logger: log }))
    .then((report) => {
      const problems = report.checks.filter((check) => check.status === 'problem' || check.status === 'warning');
      for (const check of problems) log[check.status === 'problem' ? 'error' : 'warn']({ check: check.id, fix: check.fix }, check.message);
      log.info(
        { problems: problems.filter((check) => check.status === 'problem').length, warnings: problems.filter((check) => check.status === 'warning').length },
        problems.length === 0 ? 'Start-up checks: all ok' : 'Start-up checks found problems; npm run doctor prints them with how to fix each',
      );
      return report;
    })
    .catch((error: unknown) => {
      log.error({ err: error instanceof Error ? error.message : String(error) }, 'Start-up checks could not run; run npm run doctor');
      return null;
    });
}
