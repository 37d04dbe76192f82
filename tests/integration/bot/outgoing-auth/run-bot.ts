/**
 * Child process of outgoing-auth.test.ts: Node reads NODE_EXTRA_CA_CERTS only when it starts,
 * so the bot that must trust the fake HTTPS authority runs here. It runs the notifier twice for
 * one team, with `MicrosoftAppId` set and the connector checking every bearer token:
 * first with the authority in the mode given as argv[2] (valid, expired, refuse), then, a day
 * later and after a restart (a new token cache), with valid tokens. Prints one JSON line.
 */
import { Writable } from 'node:stream';
import { createLogger } from '../../../../src/logger';
import { startFakeBotAuthority, type TokenMode } from '../../../fakes/fake-bot-authority';
import { startFakeBotConnector } from '../../../fakes/fake-bot-connector';
import { MemoryListSource } from '../../../fakes/memory-list-source';
import { sampleListData } from '../../../fixtures/bot/list-items';
import { startHarness } from '../harness';
import { CHANNEL, installedTeam } from '../team-target';

const APP_ID = '7f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const APP_PASSWORD = 'fake-secret-for-the-fake-authority';
const TENANT = '8c2f4e1a-3b5d-4f6e-9a7b-1c2d3e4f5a6b';
const DAY_MS = 24 * 60 * 60 * 1000;

async function main(mode: TokenMode): Promise<void> {
  const keyPath = process.env.FAKE_AUTHORITY_KEY ?? '';
  const certPath = process.env.FAKE_AUTHORITY_CERT ?? '';
  const authority = await startFakeBotAuthority({ keyPath, certPath, clientId: APP_ID, clientSecret: APP_PASSWORD });
  authority.mode = mode;
  const connector = await startFakeBotConnector();
  connector.checkTokens({ key: authority.publicKey, issuer: authority.issuer, audience: 'https://api.botframework.com', appId: APP_ID });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const harness = await startHarness({
    source: new MemoryListSource(sampleListData()),
    connector,
    logger: createLogger('info', sink),
    env: { MicrosoftAppType: 'SingleTenant', MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD, MicrosoftAppTenantId: TENANT },
    endpoints: {
      openIdMetadataUrl: connector.issuer.openIdMetadataUrl,
      tokenIssuer: connector.issuer.tokenIssuer,
      loginUrl: `${authority.origin}/botframework.com`,
    },
  });
  try {
    await harness.bot.registry.put(installedTeam(connector.serviceUrl, { tenantId: TENANT }));
    const first = await harness.bot.notifier.run();
    const firstRequests = connector.requests.length;
    authority.mode = 'valid';
    harness.clock.advance(DAY_MS);
    await harness.restart();
    const second = await harness.bot.notifier.run();
    process.stdout.write(
      `${JSON.stringify({
        first: first.counts,
        second: second.counts,
        firstRequests,
        requests: connector.requests.map((request) => ({ method: request.method, path: request.path, status: request.status, token: request.token ?? null })),
        tokenRequests: authority.tokenRequests,
        posts: connector.postsIn(CHANNEL).length,
        log: lines,
      })}\n`,
    );
  } finally {
    await harness.close();
    await connector.close();
    await authority.close();
  }
}

const mode = process.argv[2] as TokenMode;
main(mode).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
