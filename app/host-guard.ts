/**
 * Refuses requests whose Host header is not this machine (or the configured PUBLIC_URL host).
 *
 * Why: local mode needs no sign-in and the bot without MicrosoftAppId is unauthenticated; both
 * listen on loopback only, but a web page on another origin can still reach them through DNS
 * rebinding (its own name, re-pointed at 127.0.0.1) and read the list or drive the bot. Such a
 * request carries the attacker's name in Host, so answering only loopback names and addresses
 * closes it. SharePoint mode is not guarded this way: there the API needs a Teams SSO token the
 * page cannot get, and App Service answers under names (custom domains, slots) we do not know.
 */
import type { RequestHandler } from 'express';
import type { Logger } from '../src/logger';
import { isLoopbackHost } from '../src/loopback';

/** The host name in a Host header (`name`, `name:port`, `[v6]:port`), lower case; null when unreadable. */
export function hostNameOf(header: string | undefined): string | null {
  // A Host header is a name and a port, nothing more (no user info, path, query or spaces).
  if (!header || /[/?#@\\\s]/.test(header)) return null;
  try {
    return new URL(`http://${header}`).hostname;
  } catch {
    return null;
  }
}

/** Whether `header` names this machine or the host of `publicUrl`. */
export function isAllowedHost(header: string | undefined, publicUrl: string | null): boolean {
  const name = hostNameOf(header);
  if (name === null) return false;
  if (isLoopbackHost(name)) return true;
  return publicUrl !== null && new URL(publicUrl).hostname.toLowerCase() === name;
}

/** Middleware answering 421 to a request for another host: JSON under /api/, a short page otherwise. */
export function hostGuard(options: { publicUrl: string | null; logger: Logger }): RequestHandler {
  const log = options.logger.child({ module: 'host-guard' });
  const allowed = options.publicUrl ? `localhost eller ${new URL(options.publicUrl).host}` : 'localhost';
  const message = `Appen svarar bara på ${allowed}. Öppna den via den adressen.`;
  return (req, res, next) => {
    const host = req.headers.host;
    if (isAllowedHost(host, options.publicUrl)) return next();
    log.warn(
      { host: host ?? null, method: req.method, path: req.path, reason: 'Host is not loopback or the PUBLIC_URL host (possible DNS rebinding)' },
      'refused a request for another host',
    );
    res.status(421).set('Cache-Control', 'no-store');
    if (req.path.startsWith('/api/')) res.json({ error: { code: 'wrong-host', message } });
    else res.type('text/plain; charset=utf-8').send(`${message}\n`);
  };
}
