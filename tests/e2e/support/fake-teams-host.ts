/**
 * A stand-in for the Teams client around the tab, for browser tests and benchmarks: a script run
 * in the page before its own that plays the host side of @microsoft/teams-js's postMessage protocol
 * (initialize, getContext, authentication.getAuthToken, meeting.getMeetingDetails) as the page's opener, answering as
 * https://teams.microsoft.com. It hands out one SSO token issued by the fake tenant's Entra.
 * `teamsTabAddress` opens the tab as Teams does: the manifest's contentUrl with its placeholders filled.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { makeLoopbackCertificate } from '../../fakes/fake-bot-authority';
import { ROOT } from './web-build';

export interface FakeTeamsUser {
  token: string;
  userObjectId: string;
  tenantId: string;
  upn: string;
}

export interface FakeTeamsOptions {
  /**
   * Holds the answer to teams-js's `initialize` until the page calls
   * `window.fakeTeamsHost.release()`, so a test can look at what is on screen before Teams answers.
   */
  holdInitialize?: boolean;
  /**
   * Where the tab runs, as Teams tells teams-js: `content` (a tab, the default), `sidePanel` (a
   * meeting's side panel), … It is the first value of the `initialize` answer and the context's
   * `frameContext`.
   */
  frameContext?: string;
  /** More fields of the (legacy-shaped) context Teams answers, e.g. a meeting's `chatId` and `meetingId`. */
  context?: Record<string, unknown>;
  /**
   * What `meeting.getMeetingDetails` answers: the meeting's details (shaped as Teams' answer:
   * `details`, `conversation`, `organizer`), or, when not given, the refusal Teams gives an app
   * the meeting has not granted the permission to read it (error 1000, permission denied).
   */
  meetingDetails?: { details: Record<string, unknown>; conversation: { id: string }; organizer: Record<string, unknown> };
}

/** Teams' answer to an app without the permission to read the meeting's details. */
const DETAILS_REFUSED = [{ errorCode: 1000, message: "App doesn't have sufficient permission to use this API" }, null];

/** The init script for `BrowserContext.addInitScript`: runs in every page of that context. */
export function fakeTeamsHostScript(user: FakeTeamsUser, options: FakeTeamsOptions = {}): string {
  return `(() => {
  const user = ${JSON.stringify(user)};
  const frame = document.createElement('iframe');
  let host = null;
  let held = ${options.holdInitialize === true ? '[]' : 'null'};
  const reply = (request, args) =>
    window.dispatchEvent(new MessageEvent('message', { data: { id: request.id, uuid: request.uuid, args }, origin: 'https://teams.microsoft.com', source: host }));
  window.fakeTeamsHost = {
    release() {
      const waiting = held ?? [];
      held = null;
      for (const send of waiting) send();
    },
  };
  const answers = {
    initialize: () => [${JSON.stringify(options.frameContext ?? 'content')}, 'web', JSON.stringify({ apiVersion: 4, supports: { appInitialization: {}, authentication: {}, pages: { config: {} } } }), '2.58.0'],
    getContext: () => [{
      locale: 'sv-SE', theme: 'default', frameContext: ${JSON.stringify(options.frameContext ?? 'content')}, hostClientType: 'web',
      userObjectId: user.userObjectId, tid: user.tenantId, loginHint: user.upn, userPrincipalName: user.upn,
      entityId: 'balanslistan', appSessionId: 'bench',
      ...${JSON.stringify(options.context ?? {})},
    }],
    'authentication.getAuthToken': () => [true, user.token],
    'meeting.getMeetingDetails': () => ${JSON.stringify(options.meetingDetails ? [null, options.meetingDetails] : DETAILS_REFUSED)},
  };
  // The opener is a hidden same-origin frame whose postMessage is the host's inbox.
  const opener = () => {
    if (!host) {
      frame.style.display = 'none';
      document.documentElement.appendChild(frame);
      host = frame.contentWindow;
      host.postMessage = (message) => {
        const answer = message && answers[message.func];
        if (!answer) return;
        const send = () => setTimeout(() => reply(message, answer()), 0);
        if (held && message.func === 'initialize') held.push(send);
        else send();
      };
    }
    return host;
  };
  Object.defineProperty(window, 'opener', { get: opener, configurable: true });
})();`;
}

/** The CDN's answer: Microsoft's list of valid host origins, as teams-js reads it. */
const VALID_ORIGINS = JSON.stringify({
  validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com', '*.cloud.microsoft', 'outlook.office.com', '*.office.com'],
});

/**
 * Microsoft's CDN list of valid host origins, which teams-js fetches when it loads (the page's
 * CSP allows it), answered here as the CDN would (real-shaped, CORS open) instead of the internet.
 * Routing a context turns its HTTP cache off and passes each of its requests through this
 * process: fine for tests, not for timing repeat visits (see `fakeTeamsCdnServer`).
 */
export async function fakeTeamsCdn(context: BrowserContext): Promise<void> {
  await context.route('https://res.cdn.office.net/teams-js/**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' }, body: VALID_ORIGINS }),
  );
}

/**
 * The same CDN answer from a loopback HTTPS server that Chromium reaches under the CDN's name,
 * with no request interception: the browser keeps its HTTP cache and talks to the app directly,
 * as in Teams. Launch Chromium with `launchArgs` (the CDN's name mapped to the server, and its
 * self-signed certificate, only that one, accepted).
 */
export async function fakeTeamsCdnServer(): Promise<{ launchArgs: string[]; requests(): number; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'balanslistan-cdn-'));
  const { keyPath, certPath } = makeLoopbackCertificate(dir);
  const cert = readFileSync(certPath);
  let requests = 0;
  const server = createServer({ key: readFileSync(keyPath), cert }, (req, res) => {
    requests += 1;
    if (!req.url?.startsWith('/teams-js/')) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }).end(VALID_ORIGINS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const spki = createHash('sha256')
    .update(new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
  return {
    launchArgs: [`--host-resolver-rules=MAP res.cdn.office.net:443 127.0.0.1:${port}`, `--ignore-certificate-errors-spki-list=${spki}`],
    requests: () => requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The personal tab's address as Teams loads it for `user`: the manifest's contentUrl with the
 * app's address for `\${{APP_ENDPOINT}}` and `{user.id}`, `{user.tenant.id}` filled in. Teams
 * fills the placeholders it knows; `unfilled` leaves them as written, as a host that does not would.
 */
export function teamsTabAddress(endpoint: string, user: Pick<FakeTeamsUser, 'userObjectId' | 'tenantId'>, unfilled = false): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'appPackage', 'manifest.json'), 'utf8')) as { staticTabs: Array<{ contentUrl: string }> };
  const template = manifest.staticTabs[0]?.contentUrl;
  if (!template) throw new Error('appPackage/manifest.json has no static tab');
  const address = template.replace('${{APP_ENDPOINT}}', endpoint);
  if (unfilled) return address;
  return address.replace('{user.id}', encodeURIComponent(user.userObjectId)).replace('{user.tenant.id}', encodeURIComponent(user.tenantId));
}
