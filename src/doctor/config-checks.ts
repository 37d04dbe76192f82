/**
 * The configuration as Teams and Entra ID will see it: an https PUBLIC_URL, the tab's application
 * ID URI on that host, a bot app id, and the Teams manifest built from the same settings. Pure:
 * the caller reads the manifest file.
 */
import type { Config } from '../config';
import { ok, problem, skipped, warning, type CheckResult } from './check';

const CREDENTIAL_WORDS = { secret: 'client secret', certificate: 'certificate', 'managed-identity': 'managed identity' } as const;

/** The application ID URI Teams SSO needs: `api://<host of PUBLIC_URL>/<client id>`. */
export function expectedAppIdUri(publicUrl: string, clientId: string): string {
  return `api://${new URL(publicUrl).host}/${clientId}`;
}

/** The configuration lines of SharePoint mode (complete and consistent). */
export function checkConfig(config: Config): CheckResult[] {
  const graph = config.graph;
  const sharePoint = config.sharePoint;
  if (config.mode !== 'sharepoint' || !graph || !sharePoint) return [];
  const results: CheckResult[] = [];
  const site = sharePoint.siteUrl ?? `site id ${sharePoint.siteId ?? ''}`;
  results.push(
    ok(
      'config',
      `SharePoint mode: tenant ${graph.tenantId}, app ${graph.clientId} (${CREDENTIAL_WORDS[graph.credential.kind]}), site ${site}, lists ${Object.values(
        sharePoint.lists,
      )
        .map((name) => `"${name}"`)
        .join(', ')}.`,
    ),
  );

  const publicUrl = config.publicUrl;
  if (publicUrl === null)
    results.push(
      problem(
        'public-url',
        "PUBLIC_URL is not set: the tab, the bot's links and the SSO audience need the app's https address.",
        'Set PUBLIC_URL=https://<app host> (App Service → Configuration → Application settings).',
      ),
    );
  else if (!publicUrl.startsWith('https://'))
    results.push(
      problem(
        'public-url',
        `PUBLIC_URL ${publicUrl} is not https.`,
        'Set PUBLIC_URL to the https address of the App Service: Teams loads tabs and calls bots only over HTTPS.',
      ),
    );
  else results.push(ok('public-url', `PUBLIC_URL ${publicUrl} is https.`));

  const audiences = config.tabAuth?.audiences ?? [];
  const appIdUri = audiences.find((audience) => audience.startsWith('api://')) ?? null;
  if (publicUrl !== null && publicUrl.startsWith('https://')) {
    const expected = expectedAppIdUri(publicUrl, graph.clientId);
    if (appIdUri === expected) results.push(ok('app-id-uri', `The tab's application ID URI is ${expected}.`));
    else
      results.push(
        problem(
          'app-id-uri',
          `TAB_APP_ID_URI is ${appIdUri ?? '(none)'}, but Teams SSO asks for ${expected} (the host of PUBLIC_URL and AZURE_CLIENT_ID).`,
          `Unset TAB_APP_ID_URI (it defaults to ${expected}), and in Entra admin centre → App registrations → ${graph.clientId} → Expose an API set the Application ID URI to ${expected}.`,
        ),
      );
  }

  const bot = config.bot;
  if (bot.appId === null)
    results.push(
      problem(
        'bot-app-id',
        'MicrosoftAppId is not set: the bot endpoint then answers only on loopback, so Teams cannot reach the bot.',
        `Set MicrosoftAppId (the Azure Bot's Microsoft App ID, usually ${graph.clientId}), MicrosoftAppPassword and MicrosoftAppTenantId.`,
      ),
    );
  else results.push(ok('bot-app-id', `The bot is ${bot.appId} (${bot.appType}${bot.appId === graph.clientId ? ', the same app registration as Graph' : ''}).`));

  // A meeting grants its resource-specific permissions to the app the package names in
  // webApplicationInfo (AZURE_CLIENT_ID); the Bot Connector's meeting info API checks them for the
  // bot's own app id, so the two must be one app registration for the side panel's reads.
  if (bot.appId !== null) {
    if (bot.appId.toLowerCase() === graph.clientId.toLowerCase())
      results.push(
        ok(
          'meeting-details',
          `The bot and the app package's webApplicationInfo are one app (${graph.clientId}): meetings grant the bot the permission to read their details.`,
        ),
      );
    else
      results.push(
        warning(
          'meeting-details',
          `The bot (${bot.appId}) is another app registration than the one the app package's webApplicationInfo names (${graph.clientId}), which meetings grant OnlineMeeting.ReadBasic.Chat and ChannelMeeting.ReadBasic.Group to: the Bot Connector will likely refuse the bot a meeting's details (403), and the meeting side panel then asks Teams and falls back to today's date.`,
          `Use one app registration for the bot and the tab (MicrosoftAppId = AZURE_CLIENT_ID, BOT_ID = AZURE_CLIENT_ID in env/.env.<env>), or accept that the side panel finds meetings by link and date only.`,
        ),
      );
  }

  if (config.teamsAppId === null)
    results.push(
      warning(
        'teams-app-id',
        "TEAMS_APP_ID is not set: the bot's cards link to the bare web page instead of the tab inside Teams.",
        'Set TEAMS_APP_ID to the manifest id of the uploaded app (env/.env.<env>, and the App Service setting).',
      ),
    );
  else results.push(ok('teams-app-id', `TEAMS_APP_ID is ${config.teamsAppId}.`));
  return results;
}

/** The Teams manifest built by `npm run package` (appPackage/build/manifest.<env>.json), as far as the doctor compares it. */
export interface BuiltManifest {
  path: string;
  json: unknown;
}

/** The built manifest's ids and addresses against the running configuration. */
export function checkManifest(config: Config, manifest: BuiltManifest | null, envName: string | null): CheckResult {
  const id = 'manifest';
  if (manifest === null)
    return skipped(
      id,
      envName
        ? `No appPackage/build/manifest.${envName}.json here: run npm run package -- --env ${envName}, then the doctor again, to compare the manifest with these settings.`
        : 'Not compared: run npm run doctor -- --env <env> where npm run package wrote appPackage/build/manifest.<env>.json.',
    );
  const json = (manifest.json ?? {}) as {
    id?: unknown;
    bots?: Array<{ botId?: unknown }>;
    webApplicationInfo?: { id?: unknown; resource?: unknown };
    validDomains?: unknown;
    staticTabs?: Array<{ contentUrl?: unknown }>;
  };
  const differences: string[] = [];
  const compare = (what: string, actual: unknown, expected: string | null) => {
    if (expected !== null && actual !== expected) differences.push(`${what} is ${String(actual ?? '(none)')}, the settings say ${expected}`);
  };
  compare('id', json.id, config.teamsAppId);
  compare('bots[0].botId', json.bots?.[0]?.botId, config.bot.appId);
  compare('webApplicationInfo.id', json.webApplicationInfo?.id, config.graph?.clientId ?? null);
  if (config.publicUrl && config.graph) {
    compare('webApplicationInfo.resource', json.webApplicationInfo?.resource, expectedAppIdUri(config.publicUrl, config.graph.clientId));
    const host = new URL(config.publicUrl).host;
    if (!Array.isArray(json.validDomains) || !json.validDomains.includes(host)) differences.push(`validDomains lacks ${host}`);
    const content = json.staticTabs?.find((tab) => typeof tab.contentUrl === 'string')?.contentUrl;
    if (typeof content === 'string' && !content.startsWith(`${config.publicUrl}/`))
      differences.push(`the personal tab loads ${content}, not ${config.publicUrl}/…`);
  }
  if (differences.length > 0)
    return problem(
      id,
      `${manifest.path} differs from the settings: ${differences.join('; ')}.`,
      `Set TEAMS_APP_ID, BOT_ID, AZURE_CLIENT_ID and APP_DOMAIN/APP_ENDPOINT in env/.env.${envName ?? '<env>'} to the running app's values, run npm run package, and upload the new package (Teams admin centre → Manage apps → the app → Upload file).`,
    );
  return ok(id, `${manifest.path} names the same app, bot, SSO resource and domain as the settings.`);
}
