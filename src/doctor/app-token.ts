/**
 * A fresh app-only token, asked for the way the app asks (the same msal client, the configured
 * secret or certificate and authority), for the doctor to read; never cached, never logged.
 */
import type { GraphOptions } from '../config';
import { ConfigError } from '../errors';
import type { Logger } from '../logger';
import { createConfidentialClient } from '../sharepoint/graph-auth';
import { readRefusal, type Refusal } from './token-refusals';

export type TokenOutcome = { ok: true; token: string } | { ok: false; refusal: Refusal } | { ok: false; unreadable: string };

/** A token for `scope` (e.g. `https://graph.microsoft.com/.default`) as the app configured by `options`. */
export async function acquireAppToken(options: GraphOptions, scope: string, deps: { logger: Logger }): Promise<TokenOutcome> {
  let client: ReturnType<typeof createConfidentialClient>;
  try {
    client = createConfidentialClient(options, { logger: deps.logger });
  } catch (error) {
    // The certificate file cannot be read: no request was made.
    if (error instanceof ConfigError) return { ok: false, unreadable: error.message };
    throw error;
  }
  try {
    const result = await client.app.acquireTokenByClientCredential({ scopes: [scope], skipCache: true });
    if (!result?.accessToken) return { ok: false, refusal: { code: null, description: 'the token service answered without an access token' } };
    return { ok: true, token: result.accessToken };
  } catch (error) {
    return { ok: false, refusal: readRefusal(error) };
  }
}
