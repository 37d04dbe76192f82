/**
 * How Entra ID checks a certificate credential's client assertion: the certificate named by the
 * `x5t#S256` (or `x5t`) header must be registered on the app, the signature must verify with it
 * (RS256 or PS256), and audience, issuer and subject must be the token URL and the app's client id.
 * Refusals carry Entra's code and text (AADSTS700027).
 */
import { constants, createHash, createPublicKey, verify, X509Certificate } from 'node:crypto';

/** Decodes a JWT without checking it; null when it is not one. */
function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown>; signed: string; signature: Buffer } | null {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || signature === undefined) return null;
  try {
    return {
      header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>,
      payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>,
      signed: `${header}.${payload}`,
      signature: Buffer.from(signature, 'base64url'),
    };
  } catch {
    return null;
  }
}

/** null when `assertion` is a valid certificate assertion for `clientId` at `tokenUrl`; Entra's refusal otherwise. */
export function checkCertificateAssertion(
  assertion: string,
  certificatePem: string | null,
  clientId: string,
  tokenUrl: string,
): { code: number; description: string } | null {
  const jwt = decodeJwt(assertion);
  if (!jwt || !certificatePem) return { code: 700027, description: 'Client assertion failed signature validation.' };
  const certificate = new X509Certificate(certificatePem);
  const expected = createHash('sha256').update(certificate.raw).digest('base64url');
  if (jwt.header['x5t#S256'] !== expected && jwt.header.x5t !== createHash('sha1').update(certificate.raw).digest('base64url')) {
    return { code: 700027, description: 'The certificate with identifier used to sign the client assertion is not registered on application.' };
  }
  const key = createPublicKey(certificatePem);
  const good =
    jwt.header.alg === 'PS256'
      ? verify('sha256', Buffer.from(jwt.signed), { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, jwt.signature)
      : verify('sha256', Buffer.from(jwt.signed), key, jwt.signature);
  if (!good) return { code: 700027, description: 'Client assertion failed signature validation.' };
  if (jwt.payload.aud !== tokenUrl || jwt.payload.iss !== clientId || jwt.payload.sub !== clientId) {
    return { code: 700027, description: 'Client assertion contains an invalid audience, issuer or subject.' };
  }
  return null;
}
