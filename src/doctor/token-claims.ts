/**
 * What an app token says about the app's permissions: its `roles` claim, read from the token the
 * app itself was given (decoded, not verified: the token came straight from Entra ID over TLS and
 * is only read here to tell the admin what was consented).
 */

/** The claims of a JWT, or null when `token` is not one. */
export function decodeClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    return claims !== null && typeof claims === 'object' && !Array.isArray(claims) ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The application permissions (`roles`) in the token's claims; none when the claim is absent. */
export function rolesOf(claims: Record<string, unknown>): string[] {
  return Array.isArray(claims.roles) ? claims.roles.filter((role): role is string => typeof role === 'string') : [];
}

/** The one application permission the app needs: the forum's site, and only it, granted per site. */
export const NEEDED_ROLE = 'Sites.Selected';

/**
 * Application permissions that reach more than the forum's site (every site, every file, every
 * group), any of which the app does not need.
 */
const BROADER =
  /^(Sites\.(Read|ReadWrite|Manage|FullControl|Create)\.All|Files\.(Read|ReadWrite)\.All|Group\.ReadWrite\.All|Directory\.ReadWrite\.All|TeamSettings\.ReadWrite\.All)$/;

export interface RoleCheck {
  needed: boolean;
  /** Roles broader than needed, by name. */
  broader: string[];
  all: string[];
}

export function checkRoles(roles: readonly string[]): RoleCheck {
  return { needed: roles.includes(NEEDED_ROLE), broader: roles.filter((role) => BROADER.test(role)), all: [...roles] };
}
