/**
 * Child process of https-authority.test.ts: Node reads NODE_EXTRA_CA_CERTS only when it starts,
 * so the app credential that must trust the fake HTTPS authority runs here. argv[2] is a JSON list
 * of runs, each a set of settings (read by loadConfig, as at start-up) and the tokens to ask for:
 * `graph` (the Graph scope, with the Graph credential) or `bot` (the Bot Connector scope, with the
 * bot's credential, at the bot's tenant). Prints one JSON line: each token's audience or error,
 * and every log line.
 */
import { loadConfig } from '../../../src/config';
import { createAppCredential, CredentialError, defaultScope } from '../../../src/identity';
import { capturedLogs } from '../../fixtures/captured-logs';

export interface Run {
  env: Record<string, string>;
  tokens: Array<'graph' | 'bot'>;
}

export type Outcome = { ok: true; audience: string } | { ok: false; name: string; code: string; step: string; aadsts: number | null; message: string };

async function main(runs: Run[]): Promise<void> {
  const { lines, logger } = capturedLogs('debug');
  const outcomes: Outcome[][] = [];
  for (const run of runs) {
    const config = loadConfig(run.env);
    const graph = config.graph;
    if (!graph || !config.bot.credential || !config.bot.appId) throw new Error('the run needs Graph and bot settings');
    const graphCredential = createAppCredential(graph, { logger });
    const botCredential = createAppCredential(
      { tenantId: config.bot.appTenantId ?? graph.tenantId, clientId: config.bot.appId, authorityHost: graph.authorityHost, credential: config.bot.credential },
      { logger },
    );
    const results: Outcome[] = [];
    for (const which of run.tokens) {
      try {
        const token =
          which === 'graph' ? await graphCredential.token(defaultScope(graph.baseUrl)) : await botCredential.token('https://api.botframework.com/.default');
        const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { aud: string };
        results.push({ ok: true, audience: claims.aud });
      } catch (error) {
        if (!(error instanceof CredentialError)) throw error;
        results.push({ ok: false, name: error.name, code: error.code, step: error.step, aadsts: error.aadsts, message: error.message });
      }
    }
    outcomes.push(results);
  }
  process.stdout.write(`${JSON.stringify({ outcomes, log: lines })}\n`);
}

main(JSON.parse(process.argv[2] ?? '[]') as Run[]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
