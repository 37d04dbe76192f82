/**
 * The check of the token Teams (the Bot Connector) sends with every activity, with `jose`: signed
 * (RS256) by a key from the channel's OpenID metadata that is endorsed for the activity's channel
 * (`msteams`), issued by the channel's issuer (`https://api.botframework.com`), for this bot
 * (audience = the app id), not expired (five minutes' clock skew allowed), and for the service
 * URL the activity names.
 *
 * Why not the Teams SDK's own check: it can be pointed at a test issuer (its `cloud` setting), but
 * it answers every failure with the same "JWT validation failed" and sends the cause only to its
 * logger, so the one log line per refused call could not say why; it does not check the key's
 * endorsements; and it guesses the key set's address from the metadata URL instead of reading
 * `jwks_uri`. The SDK gets the checked caller as a pre-authenticated token (see teams-app.ts).
 */
import { decodeProtectedHeader, errors, importJWK, jwtVerify, type JWK } from 'jose';

/** Where the channel's tokens come from: the public cloud's, or a test issuer's. */
export interface ChannelTokenIssuer {
  /** OpenID metadata of the channel's token issuer (its `jwks_uri` names the signing keys). */
  openIdMetadataUrl: string;
  /** The `iss` of channel tokens. */
  tokenIssuer: string;
}

export const PUBLIC_CHANNEL_ISSUER: ChannelTokenIssuer = {
  openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  tokenIssuer: 'https://api.botframework.com',
};

/** A call whose token does not prove it comes from the channel; `message` says why, in English, for the log. */
export class ChannelTokenError extends Error {
  override readonly name = 'ChannelTokenError';
}

/** The caller as the token proves it. */
export interface ChannelCaller {
  /** The bot the token was issued for (its audience). */
  appId: string;
  serviceUrl: string;
}

type SigningKey = JWK & { kid?: string; endorsements?: unknown };

/**
 * Keys are read again after a day, or when a token names a key not seen yet, but not more often
 * than every 30 seconds (as jose's remote key sets do), so forged key ids cannot flood the issuer.
 */
const KEYS_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const KEYS_MIN_REFRESH_MS = 30 * 1000;
const CLOCK_TOLERANCE_S = 300;

const normalizeUrl = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();

/** Reads and caches the issuer's signing keys. */
class SigningKeys {
  private keys: SigningKey[] = [];
  private readAt = 0;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly issuer: ChannelTokenIssuer,
    private readonly now: () => number,
  ) {}

  async find(kid: string): Promise<SigningKey | null> {
    const age = this.now() - this.readAt;
    const known = this.keys.find((key) => key.kid === kid);
    if (known && age < KEYS_MAX_AGE_MS) return known;
    if (!known && this.readAt !== 0 && age < KEYS_MIN_REFRESH_MS) return null;
    this.reading ??= this.read().finally(() => (this.reading = null));
    await this.reading;
    return this.keys.find((key) => key.kid === kid) ?? null;
  }

  private async read(): Promise<void> {
    const metadata = (await getJson(this.issuer.openIdMetadataUrl)) as { jwks_uri?: unknown };
    if (typeof metadata.jwks_uri !== 'string') throw new ChannelTokenError('the OpenID metadata of the channel has no jwks_uri');
    const set = (await getJson(metadata.jwks_uri)) as { keys?: unknown };
    if (!Array.isArray(set.keys)) throw new ChannelTokenError('the channel key set has no keys');
    this.keys = set.keys as SigningKey[];
    this.readAt = this.now();
  }
}

async function getJson(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new ChannelTokenError(`could not read ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new ChannelTokenError(`could not read ${url}: HTTP ${response.status}`);
  return response.json();
}

/** jose's failures in words an admin reads in the log. */
function reasonOf(error: unknown): string {
  if (error instanceof ChannelTokenError) return error.message;
  if (error instanceof errors.JWTExpired) return 'jwt expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'jwt audience invalid: the token is not for this app id';
    if (error.claim === 'iss') return 'jwt issuer invalid: not the channel';
    return `jwt claim ${error.claim} invalid: ${error.reason}`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'invalid signature';
  if (error instanceof errors.JOSEError) return `invalid token (${error.code})`;
  return error instanceof Error ? error.message : String(error);
}

export class ChannelTokenValidator {
  private readonly keys: SigningKeys;

  constructor(
    private readonly appId: string,
    private readonly issuer: ChannelTokenIssuer = PUBLIC_CHANNEL_ISSUER,
    now: () => number = Date.now,
  ) {
    this.keys = new SigningKeys(issuer, now);
  }

  /**
   * The caller, when `authorization` (the whole header) proves the activity comes from the
   * channel for this bot; otherwise a `ChannelTokenError` that says why.
   */
  async check(authorization: string, activity: { serviceUrl: string; channelId?: unknown }): Promise<ChannelCaller> {
    try {
      return await this.verify(authorization, activity);
    } catch (error) {
      throw error instanceof ChannelTokenError ? error : new ChannelTokenError(reasonOf(error), { cause: error });
    }
  }

  private async verify(authorization: string, activity: { serviceUrl: string; channelId?: unknown }): Promise<ChannelCaller> {
    if (authorization.trim() === '') throw new ChannelTokenError('no Authorization header');
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) throw new ChannelTokenError('the Authorization header is not a bearer token');
    const token = match[1];
    const header = decodeProtectedHeader(token);
    if (header.alg !== 'RS256') throw new ChannelTokenError(`jwt algorithm ${String(header.alg)} is not allowed`);
    if (typeof header.kid !== 'string') throw new ChannelTokenError('the token names no signing key (kid)');
    const key = await this.keys.find(header.kid);
    if (!key) throw new ChannelTokenError('the token is signed with a key the channel does not publish');
    const channel = typeof activity.channelId === 'string' && activity.channelId !== '' ? activity.channelId : 'msteams';
    if (Array.isArray(key.endorsements) && !key.endorsements.includes(channel)) {
      throw new ChannelTokenError(`the signing key is not endorsed for the channel ${channel}`);
    }
    const { payload } = await jwtVerify(token, await importJWK(key, 'RS256'), {
      issuer: this.issuer.tokenIssuer,
      audience: this.appId,
      algorithms: ['RS256'],
      clockTolerance: CLOCK_TOLERANCE_S,
      requiredClaims: ['exp'],
    });
    const claimed = typeof payload.serviceurl === 'string' ? payload.serviceurl : '';
    if (normalizeUrl(claimed) !== normalizeUrl(activity.serviceUrl)) {
      throw new ChannelTokenError('the token was issued for another service URL than the activity names');
    }
    return { appId: this.appId, serviceUrl: activity.serviceUrl };
  }
}
