/**
 * Security headers of the tab's pages and API. The CSP lets only Teams and Microsoft 365 hosts
 * frame the tab (the hosts Microsoft lists for tabs: Teams, Microsoft 365, Outlook and the
 * `*.cloud.microsoft` domain they move to) and allows no inline script; a page that carries one
 * (the kept page's painter, inline-paint.ts) names that script's hash, and only on that page.
 * Inline styles are allowed because Fluent UI inserts its styles at run time.
 */
import type { RequestHandler } from 'express';

export const FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
];

/** Where teams-js reads its list of valid host origins (validDomains.json); data, never script. */
export const TEAMS_JS_ORIGINS_CDN = 'https://res.cdn.office.net';

const HASH_SOURCE = /^'sha256-[A-Za-z0-9+/]{43}='$/;

/** The CSP; `scriptHashes` (`'sha256-…'` sources) allow exactly those inline scripts and nothing else. */
export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  const bad = scriptHashes.find((source) => !HASH_SOURCE.test(source));
  if (bad !== undefined) throw new Error(`Not a SHA-256 script hash source for the CSP: ${bad}`);
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    // teams-js (2.x) fetches Microsoft's list of valid Teams and Microsoft 365 host origins from
    // this CDN when it loads, so that hosts added after our build are recognised; blocked, it
    // logs a CSP error on every page and falls back to the list built into it.
    `connect-src 'self' ${TEAMS_JS_ORIGINS_CDN}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export function securityHeaders(options: { https: boolean }): RequestHandler {
  return (_req, res, next) => {
    res.set({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    if (options.https) res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}
