/**
 * How Entra ID checks a client assertion from another issuer against an app registration's
 * federated identity credentials (workload identity federation): the token's signature by the
 * issuer's key, then issuer, subject and audience against a credential, then its lifetime. The
 * refusals carry Entra's codes and texts (AADSTS700211/700213/700212/70021, 700024), so the app's
 * translation of them is tested against real shapes.
 */
import { decodeJwt, decodeProtectedHeader, jwtVerify, type KeyLike } from 'jose';

/** One federated identity credential on an app registration, with the issuer's signing key. */
export interface FederatedTrust {
  issuer: string;
  subject: string;
  audience: string;
  key: KeyLike;
}

export type AssertionRefusal = { status: number; error: string; code: number; description: string };

/** Whether `assertion` looks like a token of another issuer (not a self-signed certificate assertion). */
export function isFederatedAssertion(assertion: string, clientId: string): boolean {
  try {
    const claims = decodeJwt(assertion);
    return claims.iss !== clientId;
  } catch {
    return false;
  }
}

/** null when one of `trusts` accepts `assertion`; Entra's refusal otherwise. */
export async function checkFederatedAssertion(assertion: string, trusts: FederatedTrust[], now: Date = new Date()): Promise<AssertionRefusal | null> {
  let claims: ReturnType<typeof decodeJwt>;
  try {
    decodeProtectedHeader(assertion);
    claims = decodeJwt(assertion);
  } catch {
    return { status: 400, error: 'invalid_request', code: 50027, description: 'JWT token is invalid or malformed.' };
  }
  const issuer = String(claims.iss ?? '');
  const subject = String(claims.sub ?? '');
  const audiences = Array.isArray(claims.aud) ? claims.aud.map(String) : [String(claims.aud ?? '')];
  const byIssuer = trusts.filter((trust) => trust.issuer === issuer);
  if (byIssuer.length === 0)
    return {
      status: 401,
      error: 'invalid_client',
      code: 700211,
      description: `No matching federated identity record found for presented assertion issuer '${issuer}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`,
    };
  const bySubject = byIssuer.filter((trust) => trust.subject === subject);
  if (bySubject.length === 0)
    return {
      status: 401,
      error: 'invalid_client',
      code: 700213,
      description: `No matching federated identity record found for presented assertion subject '${subject}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`,
    };
  const trust = bySubject.find((candidate) => audiences.includes(candidate.audience));
  if (!trust)
    return {
      status: 401,
      error: 'invalid_client',
      code: 700212,
      description: `No matching federated identity record found for presented assertion audience '${audiences.join(',')}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`,
    };
  try {
    await jwtVerify(assertion, trust.key, { issuer, subject, audience: trust.audience, currentDate: now });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_JWT_EXPIRED')
      return { status: 400, error: 'invalid_client', code: 700024, description: 'Client assertion is not within its valid time range.' };
    return { status: 401, error: 'invalid_client', code: 70021, description: 'No matching federated identity record found for presented assertion.' };
  }
  return null;
}
