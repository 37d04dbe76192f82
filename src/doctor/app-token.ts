/**
 * A fresh app-only token, asked for the way the app asks (the app's credential: secret,
 * certificate or managed identity, the configured authority), for the doctor to read; never
 * cached, never logged.
 */
import { ConfigError } from '../errors';
import { createAppCredential, CredentialError, type AppCredentialOptions } from '../identity';
import type { Logger } from '../logger';
import { readRefusal, type Refusal } from './token-refusals';

export type TokenOutcome =
  { ok: true; token: string } | { ok: false; refusal: Refusal } | { ok: false; unreadable: string } | { ok: false; unreachable: string };

/** A token for `scope` (e.g. `https://graph.microsoft.com/.default`) as the app configured by `options`. */
export async function acquireAppToken(options: AppCredentialOptions, scope: string, deps: { logger: Logger }): Promise<TokenOutcome> {
  let credential: ReturnType<typeof createAppCredential>;
  try {
    credential = createAppCredential(options, { logger: deps.logger });
  } catch (error) {
    // The certificate file cannot be read, or the setting is unusable: no request was made.
    if (error instanceof ConfigError) return { ok: false, unreadable: error.message };
    throw error;
  }
  try {
    return { ok: true, token: await credential.token(scope, { fresh: true }) };
  } catch (error) {
    if (error instanceof CredentialError && error.code === 'credential-unavailable' && error.aadsts === null) return { ok: false, unreachable: error.message };
    if (error instanceof CredentialError && error.aadsts !== null)
      return { ok: false, refusal: { code: error.aadsts, description: readRefusal(error).description } };
    return { ok: false, refusal: readRefusal(error) };
  }
}
