/**
 * The app's public address as Teams and the Bot Connector see it: the bot endpoint answers 401 to
 * an unauthenticated POST over HTTPS (reachable, and guarded), and the tab is served over HTTPS
 * with a CSP whose `frame-ancestors` lets Teams frame it.
 */
import { ok, problem, type CheckResult } from './check';
import { probe, unreachableFix } from './https-probe';

/** The Teams origins the tab's CSP must let frame it (the web, desktop and new Microsoft 365 hosts). */
export const TEAMS_FRAME_HOSTS = ['https://teams.microsoft.com', 'https://*.cloud.microsoft'];

function httpsOnly(id: string, publicUrl: string | null): CheckResult | null {
  if (publicUrl === null)
    return problem(
      id,
      'PUBLIC_URL is not set, so Teams has no address for the app.',
      "Set PUBLIC_URL to the app's https address (e.g. https://<app>.azurewebsites.net; App Service → Configuration → Application settings).",
    );
  if (!publicUrl.startsWith('https://'))
    return problem(
      id,
      `PUBLIC_URL ${publicUrl} is not https: Teams loads tabs and calls bots only over HTTPS.`,
      'Set PUBLIC_URL to the https address of the App Service.',
    );
  return null;
}

/** `PUBLIC_URL/api/messages` answers 401 to a POST without a token. */
export async function checkBotEndpoint(publicUrl: string | null, options: { ca?: string } = {}): Promise<CheckResult> {
  const id = 'bot-endpoint';
  const invalid = httpsOnly(id, publicUrl);
  if (invalid) return invalid;
  const url = `${publicUrl}/api/messages`;
  const answer = await probe(url, {
    method: 'POST',
    // A well-formed activity, as the Bot Connector would send it, only without its token: the
    // endpoint must refuse it for the missing token (401), not for its shape.
    body: JSON.stringify({
      type: 'message',
      id: 'doctor',
      timestamp: new Date().toISOString(),
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      channelId: 'msteams',
      from: { id: '29:npm-run-doctor', name: 'npm run doctor' },
      conversation: { id: 'npm-run-doctor' },
      recipient: { id: '28:balanslistan' },
      text: 'npm run doctor',
    }),
    ...(options.ca ? { ca: options.ca } : {}),
  });
  if (!answer.reached) return problem(id, `${url} cannot be reached (${answer.code}: ${answer.message}).`, unreachableFix(answer.code));
  if (answer.status === 401) return ok(id, `${url} answers 401 to an unauthenticated POST over HTTPS: reachable, and guarded.`);
  if (answer.status >= 200 && answer.status < 300)
    return problem(
      id,
      `${url} accepted an unauthenticated POST (${answer.status}): anyone can talk to the bot as Teams.`,
      'Set MicrosoftAppId (and MicrosoftAppPassword, MicrosoftAppTenantId) in the App Service settings so every call to the bot must carry a Bot Connector token.',
    );
  if (answer.status === 403)
    return problem(
      id,
      `${url} refused the call with 403, not 401: the running app has no MicrosoftAppId (it then answers only this machine), or something in front of it refuses callers.`,
      'Set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId in the App Service settings and restart it; check access restrictions (App Service → Networking) let the Bot Connector in.',
    );
  if (answer.status === 404)
    return problem(
      id,
      `${url} answered 404: something else answers at PUBLIC_URL.`,
      "Check that PUBLIC_URL names this app and that the Azure Bot's messaging endpoint is PUBLIC_URL/api/messages.",
    );
  return problem(
    id,
    `${url} answered ${answer.status} to an unauthenticated POST, not 401.`,
    'Check the App Service log stream for the error; the endpoint must answer 401 to a call without a token.',
  );
}

/** The `frame-ancestors` sources of a Content-Security-Policy header; null when it has none. */
export function frameAncestors(csp: string | undefined): string[] | null {
  const directive = (csp ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => /^frame-ancestors\s/i.test(part));
  return directive ? directive.split(/\s+/).slice(1) : null;
}

/** `PUBLIC_URL/` answers 200 over HTTPS with a CSP that lets Teams frame it. */
export async function checkTabPage(publicUrl: string | null, options: { ca?: string } = {}): Promise<CheckResult> {
  const id = 'tab';
  const invalid = httpsOnly(id, publicUrl);
  if (invalid) return invalid;
  const url = `${publicUrl}/`;
  const answer = await probe(url, { method: 'GET', ...(options.ca ? { ca: options.ca } : {}) });
  if (!answer.reached) return problem(id, `${url} cannot be reached (${answer.code}: ${answer.message}).`, unreachableFix(answer.code));
  if (answer.status !== 200)
    return problem(id, `${url} answered ${answer.status}, not the tab's page.`, "Check the App Service log stream; the tab's page must answer 200.");
  const header = answer.headers['content-security-policy'];
  const ancestors = frameAncestors(Array.isArray(header) ? header.join('; ') : header);
  const blocked = answer.headers['x-frame-options'];
  if (ancestors === null)
    return problem(
      id,
      `${url} sends no Content-Security-Policy frame-ancestors, so Teams' hosts are not named as allowed to frame it.`,
      "Check that nothing in front of the app (a proxy, Front Door, App Service headers) removes or replaces the app's Content-Security-Policy header.",
    );
  const lacking = TEAMS_FRAME_HOSTS.filter((host) => !ancestors.includes(host));
  if (lacking.length > 0 || blocked !== undefined)
    return problem(
      id,
      `${url}'s frame-ancestors (${ancestors.join(' ')}) ${lacking.length > 0 ? `leave out ${lacking.join(', ')}` : ''}${blocked !== undefined ? `${lacking.length > 0 ? ', and ' : ''}X-Frame-Options ${String(blocked)} forbids framing` : ''}: Teams cannot show the tab.`,
      'Check that nothing in front of the app (a proxy, Front Door, App Service headers) changes the Content-Security-Policy or adds X-Frame-Options.',
    );
  return ok(id, `${url} answers over HTTPS with frame-ancestors that let Teams frame it.`);
}
