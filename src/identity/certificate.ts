/** A PEM file's private key and certificate, as msal wants them for certificate credentials. */
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors';

export interface MsalCertificate {
  thumbprintSha256: string;
  privateKey: string;
  /** The certificate itself, sent in the assertion's `x5c` header (subject name and issuer auth). */
  x5c: string;
}

/** Reads `path` (certificate and private key in PEM); a problem is a `ConfigError` naming the setting. */
export function readCertificate(path: string, password: string | null): MsalCertificate {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`AZURE_CLIENT_CERTIFICATE_PATH: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, [], {
      cause: error,
    });
  }
  const certificateBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!certificateBlock)
    throw new ConfigError(
      `AZURE_CLIENT_CERTIFICATE_PATH: ${path} holds no "BEGIN CERTIFICATE" block; the file must contain the certificate and its private key in PEM`,
    );
  let privateKey: string;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem', ...(password ? { passphrase: password } : {}) })
      .export({ format: 'pem', type: 'pkcs8' })
      .toString();
  } catch (error) {
    throw new ConfigError(
      `AZURE_CLIENT_CERTIFICATE_PATH: cannot read the private key in ${path}${password ? ' with AZURE_CLIENT_CERTIFICATE_PASSWORD' : ' (if it is encrypted, set AZURE_CLIENT_CERTIFICATE_PASSWORD)'}: ${(error as Error).message}`,
      [],
      { cause: error },
    );
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificateBlock);
  } catch (error) {
    throw new ConfigError(`AZURE_CLIENT_CERTIFICATE_PATH: the certificate in ${path} cannot be read: ${(error as Error).message}`, [], { cause: error });
  }
  return {
    thumbprintSha256: createHash('sha256').update(certificate.raw).digest('hex'),
    privateKey,
    x5c: certificateBlock,
  };
}
