import { aadstsHint } from '../identity';

/**
 * Entra ID's refusals of a token request (`AADSTS` codes), in words an admin can act on: what is
 * wrong, and where in the Entra admin centre (or with which command) it is fixed.
 */

export interface Refusal {
  /** The AADSTS number, when the answer had one. */
  code: number | null;
  /** The refusal's first sentence as Entra wrote it (no trace or correlation ids). */
  description: string;
}

/** Reads the AADSTS code and first sentence from an msal error (its message holds Entra's `error_description`). */
export function readRefusal(error: unknown): Refusal {
  const text = error instanceof Error ? error.message : String(error);
  const match = /AADSTS(\d+):\s*([^\n]*?)(?:\s+Trace ID:|\n|$)/.exec(text);
  if (match) return { code: Number(match[1]), description: (match[2] ?? '').trim() };
  return { code: null, description: text.split('\n')[0]?.slice(0, 300) ?? '' };
}

/** What each common refusal means and how to fix it; `{app}` is the client id, `{tenant}` the tenant id, `{secret}` the setting. */
const FIXES: Record<number, { means: string; fix: string }> = {
  7000215: {
    means: 'the client secret is wrong',
    fix: 'Entra admin centre → App registrations → {app} → Certificates & secrets: create a new client secret and set {secret} to its Value (not its Secret ID).',
  },
  7000222: {
    means: 'the client secret has expired',
    fix: 'Entra admin centre → App registrations → {app} → Certificates & secrets: create a new client secret (az ad app credential reset --id {app}) and set {secret} to it; the old one can then be deleted.',
  },
  700016: {
    means: 'no app with this client id exists in the tenant',
    fix: 'Check the client id and AZURE_TENANT_ID against Entra admin centre → App registrations → the app → Overview (Application (client) ID, Directory (tenant) ID).',
  },
  7000229: {
    means: 'the app registration has no service principal (enterprise application) in the tenant',
    fix: 'Create it: az ad sp create --id {app} (or open the app in Entra admin centre → App registrations and follow "Create service principal").',
  },
  90002: {
    means: 'the tenant does not exist in this cloud',
    fix: 'Check AZURE_TENANT_ID (Entra admin centre → Overview → Tenant ID) and that AZURE_AUTHORITY_HOST belongs to the same cloud.',
  },
  700027: {
    means: 'the certificate is not registered on the app, or its signature does not match',
    fix: 'Entra admin centre → App registrations → {app} → Certificates & secrets → Certificates: upload the public part of the certificate in AZURE_CLIENT_CERTIFICATE_PATH.',
  },
  65001: {
    means: 'admin consent has not been granted for the permissions the app asks for',
    fix: 'Entra admin centre → App registrations → {app} → API permissions → "Grant admin consent for <tenant>" (or az ad app permission admin-consent --id {app}).',
  },
  500011: {
    means: 'the resource (Microsoft Graph or the Bot Framework) is unknown in this tenant or cloud',
    fix: 'Check GRAPH_BASE_URL and AZURE_AUTHORITY_HOST: both must belong to the same cloud as the tenant.',
  },
  1002012: {
    means: 'the scope asked for is not valid for an app token',
    fix: 'Check GRAPH_BASE_URL: the scope is its origin with /.default.',
  },
};

/** The refusal as a sentence and a fix; unknown codes are named with Entra's own words. */
export function explainRefusal(refusal: Refusal, names: { app: string; tenant: string; secret: string }): { message: string; fix: string } {
  const known = refusal.code === null ? undefined : FIXES[refusal.code];
  const fill = (text: string) => text.replaceAll('{app}', names.app).replaceAll('{tenant}', names.tenant).replaceAll('{secret}', names.secret);
  const code = refusal.code === null ? '' : ` (AADSTS${refusal.code})`;
  if (known) return { message: `Entra ID refused the token: ${known.means}${code}.`, fix: fill(known.fix) };
  // Codes the app's credential knows (federated credentials, disabled apps, clock skew).
  const hint = refusal.code === null ? null : aadstsHint(refusal.code);
  if (hint) return { message: `Entra ID refused the token${code}: ${hint.split(':')[0] ?? hint}.`, fix: `${hint.charAt(0).toUpperCase()}${hint.slice(1)}.` };
  return {
    message: `Entra ID refused the token${code}: ${refusal.description || 'no reason given'}`,
    fix: 'Look the code up in Entra admin centre → Sign-in logs → Service principal sign-ins for the app, or at https://login.microsoftonline.com/error.',
  };
}
