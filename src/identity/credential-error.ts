/**
 * Why the app could not get a token, in words an admin can act on. Entra ID answers a refused
 * request with an `AADSTS<number>` code; the common ones for app credentials get a sentence
 * saying what to fix. The text never holds a secret, a token or an assertion.
 */
import { AppError } from '../errors';

/** `refused`: Entra ID or the managed identity endpoint said no. `unavailable`: no usable answer. */
export type CredentialFailure = 'credential-refused' | 'credential-unavailable';

/** Which step failed: the managed identity's own token, or the app's token from Entra ID. */
export type CredentialStep = 'managed-identity' | 'token-service';

export class CredentialError extends AppError {
  constructor(
    code: CredentialFailure,
    message: string,
    readonly step: CredentialStep,
    /** Entra ID's error number (7000215 for AADSTS7000215), when it gave one. */
    readonly aadsts: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

/** What to fix for the AADSTS codes an app credential meets; null for a code not listed. */
export function aadstsHint(code: number): string | null {
  return AADSTS_HINTS[code] ?? null;
}

const FEDERATED =
  "the federated credential on the app registration must have issuer https://login.microsoftonline.com/<tenant id>/v2.0, subject the managed identity's object (principal) id and audience api://AzureADTokenExchange (infra/entra/federated-credential.sh adds it)";

const AADSTS_HINTS: Record<number, string> = {
  90002: 'the tenant does not exist in this cloud: check AZURE_TENANT_ID (and AZURE_AUTHORITY_HOST)',
  700016: 'no app with this client id in the tenant: check AZURE_CLIENT_ID (or MicrosoftAppId) and AZURE_TENANT_ID',
  7000112: 'the app is disabled in the tenant: an Entra admin must enable its enterprise application',
  7000215: "the client secret is wrong: use the secret's value (not its id) from the app registration",
  7000222: 'the client secret has expired: create a new one on the app registration, or move to a managed identity or a certificate',
  7000218: 'the request carried no credential: set a client secret, a certificate or a managed identity (AZURE_CLIENT_CREDENTIAL)',
  700027:
    "the certificate is not registered on the app, or the assertion's signature does not match: upload the certificate (public part) to the app registration",
  700024: 'the client assertion is outside its valid time: check the clock of this machine, or the managed identity token',
  70021: `no federated credential matches the managed identity's token: ${FEDERATED}`,
  700211: `no federated credential has this issuer: ${FEDERATED}`,
  700212: `no federated credential has this audience: ${FEDERATED}`,
  700213: `no federated credential has this subject: ${FEDERATED}`,
  7002138: `no federated credential has this subject (subjects are case-sensitive): ${FEDERATED}`,
  500011: 'the resource (scope) is not known in the tenant: check GRAPH_BASE_URL, or that the resource exists in this cloud',
  1002012: 'the scope must end in /.default for an app-only token',
  50049: 'the authority is unknown or invalid: check AZURE_AUTHORITY_HOST and AZURE_TENANT_ID',
};

/** The AADSTS number in an error text, if any. */
export function aadstsOf(text: string): number | null {
  const match = /AADSTS(\d+)/.exec(text);
  return match?.[1] ? Number(match[1]) : null;
}

/**
 * Entra ID's (or the managed identity endpoint's) description without trace and correlation ids:
 * from `AADSTS…` when the text has it, else msal's "Description:" part (msal puts error numbers
 * and a timestamp before it), else the first line.
 */
export function entraReason(text: string): string {
  const start = text.search(/AADSTS\d+/);
  const described = /Description: (.*?)(?: - Correlation ID:|$)/.exec(text)?.[1];
  const from = start >= 0 ? text.slice(start) : described && described !== 'Not Available' ? described : (text.split(/\r?\n/)[0] ?? '');
  const reason =
    from
      .split(/\r?\n/)[0]
      ?.replace(/\s*-?\s*(Trace ID|Correlation ID|Timestamp):.*$/i, '')
      .trim() ?? '';
  return reason.length > 300 ? `${reason.slice(0, 297)}...` : reason;
}
