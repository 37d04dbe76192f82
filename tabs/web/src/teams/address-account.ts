/**
 * The Teams user and tenant that Teams writes into the tab's address. The manifest's personal tab
 * and the channel tab's saved address carry `oid={user.id}&tid={user.tenant.id}`, placeholders
 * Teams fills before it loads the page, so a repeat visit can pick the page this browser kept
 * for that user before teams-js has loaded. The values are a hint, never proof of identity: they
 * only choose among pages this same browser profile kept, and teams-js's answer overrules them.
 */
import type { Account } from './host';

/** The placeholders, as the manifest and the channel tab's saved address write them. */
export const ACCOUNT_PLACEHOLDERS = 'oid={user.id}&tid={user.tenant.id}';

/**
 * The channel tab's addresses for `view`, as its configuration page saves them: Teams fills the
 * user and tenant into `contentUrl` before loading the tab; `websiteUrl` (opened in a browser,
 * where nothing fills them) has none.
 */
export function channelTabAddresses(origin: string, view: string): { contentUrl: string; websiteUrl: string } {
  const websiteUrl = `${origin}/tab?view=${encodeURIComponent(view)}`;
  return { contentUrl: `${websiteUrl}&${ACCOUNT_PLACEHOLDERS}`, websiteUrl };
}

const ACCOUNT_PARAMS = ['oid', 'tid'] as const;

// Entra object and tenant ids are GUIDs; anything else (an unfilled `{user.id}`, an empty value,
// a hand-edited address) means "not known from the address".
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The account named by `search`'s `oid` and `tid`, or null when either is missing, unfilled or not a GUID. */
export function accountFromAddress(search: string): Account | null {
  const params = new URLSearchParams(search);
  const userId = params.get('oid')?.trim() ?? '';
  const tenantId = params.get('tid')?.trim() ?? '';
  if (!GUID.test(userId) || !GUID.test(tenantId)) return null;
  return { userId: userId.toLowerCase(), tenantId: tenantId.toLowerCase() };
}

/** True when `a` and `b` are the same user in the same tenant (GUIDs compare without case). */
export function sameAccount(a: Account, b: Account): boolean {
  return a.userId.toLowerCase() === b.userId.toLowerCase() && a.tenantId.toLowerCase() === b.tenantId.toLowerCase();
}

/**
 * `search` without `oid` and `tid`: the address a kept page is filed under, the same whether
 * Teams filled the placeholders or not.
 */
export function searchWithoutAccount(search: string): string {
  const params = new URLSearchParams(search);
  if (!ACCOUNT_PARAMS.some((name) => params.has(name))) return search;
  for (const name of ACCOUNT_PARAMS) params.delete(name);
  const rest = params.toString();
  return rest === '' ? '' : `?${rest}`;
}
