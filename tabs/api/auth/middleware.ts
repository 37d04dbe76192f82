/**
 * Authentication in front of the tab's API. Local mode: no token (the server only listens on
 * loopback). Tenant mode: a valid Teams SSO token, then the on-behalf-of access check; handlers
 * find the typed user in `res.locals.user` and never read the header themselves.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../../../src/logger';
import { isLoopbackAddress } from '../../../src/loopback';
import { AccessCheckUnavailable, type AccessChecker } from './access-check';
import { TokenRejected, type TabUser, type TokenValidator } from './token-validator';

/** What a handler knows about the caller. */
export type Caller = { kind: 'local' } | { kind: 'user'; user: TabUser };

export interface AuthLocals {
  caller: Caller;
}

/** The caller put there by the middleware. */
export function callerOf(res: Response): Caller {
  return (res.locals as AuthLocals).caller;
}

function answer(res: Response, status: number, code: string, message: string): void {
  res.status(status).set('Cache-Control', 'no-store').json({ error: { code, message } });
}

/** No sign-in in local mode: the data is the local file, and only this machine may ask for it. */
export function localAuth(logger: Logger): RequestHandler {
  const log = logger.child({ module: 'tab-auth' });
  return (req, res, next) => {
    if (!isLoopbackAddress(req.socket.remoteAddress)) {
      log.warn({ path: req.path, remote: req.socket.remoteAddress }, 'refused a local-mode API call from outside this machine');
      answer(res, 403, 'local-only', 'I lokalt läge kan listan bara läsas från den här datorn.');
      return;
    }
    (res.locals as AuthLocals).caller = { kind: 'local' };
    next();
  };
}

export function tenantAuth(deps: { validator: TokenValidator; access: AccessChecker; logger: Logger }): RequestHandler {
  const log = deps.logger.child({ module: 'tab-auth' });
  return (req: Request, res: Response, next: NextFunction) => {
    void (async () => {
      let user: TabUser;
      try {
        user = await deps.validator.validate(req.get('authorization'));
      } catch (error) {
        const rejected = error instanceof TokenRejected ? error : new TokenRejected('malformed-token', String(error));
        if (rejected.reason === 'keys-unavailable') {
          log.error({ path: req.path, reason: rejected.reason, detail: rejected.message }, 'token could not be checked');
          answer(res, 503, 'auth-unavailable', 'Inloggningen kan inte kontrolleras just nu. Försök igen om en stund.');
          return;
        }
        log.warn({ path: req.path, reason: rejected.reason, detail: rejected.message }, 'token rejected');
        res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
        answer(res, 401, 'unauthorized', 'Inloggning krävs. Öppna fliken i Microsoft Teams.');
        return;
      }
      try {
        const decision = await deps.access.check(user);
        switch (decision.kind) {
          case 'allowed':
            (res.locals as AuthLocals).caller = { kind: 'user', user };
            next();
            return;
          case 'consent-required':
            answer(res, 403, 'consent-required', 'Appen behöver ditt godkännande för att läsa listan i SharePoint.');
            return;
          case 'invalid-token':
            log.warn({ path: req.path, user: user.oid, reason: decision.reason }, 'on-behalf-of exchange refused the token');
            answer(res, 401, 'unauthorized', 'Inloggningen gick inte att använda. Ladda om fliken.');
            return;
          case 'denied':
            answer(res, 403, 'access-denied', 'Du har inte behörighet att läsa balanslistan i SharePoint.');
            return;
        }
      } catch (error) {
        log.error({ path: req.path, err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'access check failed');
        answer(
          res,
          503,
          error instanceof AccessCheckUnavailable ? 'access-check-unavailable' : 'internal',
          'Behörigheten kan inte kontrolleras just nu. Försök igen om en stund.',
        );
      }
    })();
  };
}
