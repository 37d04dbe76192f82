/**
 * Validates the Teams SSO tokens the tab sends to its API (jose): RS256 signature against the
 * tenant's published keys, issuer in its v1 or v2 form for an allowed tenant, audience (the
 * client id or the App ID URI), expiry and not-before with a small clock skew, and the
 * `access_as_user` scope. Every refusal carries a reason for the log; none reaches Graph.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { TabAuthOptions } from '../../../src/config';

/** Who is calling, as the token says. Handlers get this, never the raw header. */
export interface TabUser {
  /** Object id of the user in their tenant. */
  oid: string;
  tenantId: string;
  name: string | null;
  /** `preferred_username` or `upn`, for logs and display. */
  username: string | null;
  /** The raw token, needed for the on-behalf-of exchange; never logged. */
  token: string;
  /** When the token expires (`exp`): a stream opened with it ends then (tabs/api/events.ts). */
  expiresAt: Date;
}

export type RejectReason =
  | 'missing-token'
  | 'malformed-header'
  | 'malformed-token'
  | 'algorithm-not-allowed'
  | 'bad-signature'
  | 'unknown-key'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-audience'
  | 'wrong-issuer'
  | 'tenant-not-allowed'
  | 'missing-scope'
  | 'missing-claims'
  | 'keys-unavailable';

export class TokenRejected extends Error {
  constructor(
    readonly reason: RejectReason,
    message: string,
  ) {
    super(message);
    this.name = 'TokenRejected';
  }
}

export interface TokenValidatorOptions extends Pick<TabAuthOptions, 'audiences' | 'allowedTenants' | 'requiredScope'> {
  /** e.g. `https://login.microsoftonline.com` (no trailing slash). */
  authorityHost: string;
  /** The app's home tenant, whose discovery document names the signing keys. */
  tenantId: string;
  /** Seconds of clock skew tolerated on `exp` and `nbf` (default 120). */
  clockToleranceSeconds?: number;
  /** The time, for tests (default: now). */
  now?: () => Date;
  /** Key source, for tests; default: the tenant's JWKS from the authority host, cached by jose. */
  keys?: JWTVerifyGetKey;
}

/** Accepted issuers for a tenant: Entra's v1 (`sts.windows.net`) and v2 (authority) forms. */
export function issuersFor(authorityHost: string, tenantId: string): string[] {
  return [`https://sts.windows.net/${tenantId}/`, `${authorityHost}/${tenantId}/v2.0`];
}

const claimText = (payload: JWTPayload, name: string): string | null => {
  const value = payload[name];
  return typeof value === 'string' && value !== '' ? value : null;
};

function fromJoseError(error: unknown): TokenRejected {
  if (error instanceof TokenRejected) return error;
  if (error instanceof joseErrors.JWTExpired) return new TokenRejected('expired', 'token has expired');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return new TokenRejected('not-yet-valid', 'token is not valid yet (nbf)');
    if (error.claim === 'aud') return new TokenRejected('wrong-audience', 'token audience is not this app');
    if (error.claim === 'iat') return new TokenRejected('not-yet-valid', 'token was issued in the future (iat)');
    if (error.reason === 'missing') return new TokenRejected('missing-claims', `token lacks the ${error.claim} claim`);
    return new TokenRejected('malformed-token', `claim ${error.claim} is invalid: ${error.reason}`);
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return new TokenRejected('algorithm-not-allowed', 'token algorithm is not RS256');
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return new TokenRejected('bad-signature', 'token signature does not verify');
  if (error instanceof joseErrors.JWKSNoMatchingKey) return new TokenRejected('unknown-key', 'token is signed with a key the tenant does not publish');
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid) {
    return new TokenRejected('keys-unavailable', 'the signing keys could not be fetched');
  }
  if (error instanceof joseErrors.JOSENotSupported) return new TokenRejected('algorithm-not-allowed', 'token uses an unsupported algorithm');
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid)
    return new TokenRejected('malformed-token', 'token is not a well-formed JWT');
  if (error instanceof joseErrors.JOSEError) return new TokenRejected('malformed-token', `token rejected (${error.code})`);
  return new TokenRejected('keys-unavailable', error instanceof Error ? `token could not be checked: ${error.message}` : 'token could not be checked');
}

export interface TokenValidator {
  /** Checks `Authorization: Bearer …`; resolves with the user or rejects with `TokenRejected`. */
  validate(authorization: string | undefined): Promise<TabUser>;
}

export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  const keys = options.keys ?? createRemoteJWKSet(new URL(`${options.authorityHost}/${options.tenantId}/discovery/v2.0/keys`), { timeoutDuration: 5000 });
  const allowedIssuers = new Map<string, string>();
  for (const tenant of options.allowedTenants) for (const issuer of issuersFor(options.authorityHost, tenant)) allowedIssuers.set(issuer, tenant);
  const tolerance = options.clockToleranceSeconds ?? 120;

  return {
    async validate(authorization) {
      if (!authorization) throw new TokenRejected('missing-token', 'no Authorization header');
      const match = /^Bearer\s+([A-Za-z0-9_\-.]+)\s*$/.exec(authorization);
      if (!match?.[1]) throw new TokenRejected('malformed-header', 'Authorization header is not "Bearer <token>"');
      const token = match[1];
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: ['RS256'],
          audience: options.audiences,
          clockTolerance: tolerance,
          requiredClaims: ['exp', 'iss', 'aud', 'tid', 'oid'],
          currentDate: options.now?.(),
        }));
      } catch (error) {
        throw fromJoseError(error);
      }
      const tenantId = claimText(payload, 'tid');
      const oid = claimText(payload, 'oid');
      if (!tenantId || !oid) throw new TokenRejected('missing-claims', 'token lacks tid or oid');
      if (!options.allowedTenants.includes(tenantId)) throw new TokenRejected('tenant-not-allowed', `tenant ${tenantId} is not allowed`);
      if (allowedIssuers.get(payload.iss ?? '') !== tenantId) throw new TokenRejected('wrong-issuer', 'token issuer is not the tenant of the token');
      const scopes = (claimText(payload, 'scp') ?? '').split(' ');
      if (!scopes.includes(options.requiredScope)) throw new TokenRejected('missing-scope', `token lacks the ${options.requiredScope} scope`);
      return {
        oid,
        tenantId,
        name: claimText(payload, 'name'),
        username: claimText(payload, 'preferred_username') ?? claimText(payload, 'upn'),
        token,
        // Required above, so present; a number of seconds since the epoch.
        expiresAt: new Date((payload.exp as number) * 1000),
      };
    },
  };
}
