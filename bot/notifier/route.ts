/**
 * `POST /api/notify`: lets an external scheduler (Azure Logic Apps, a cron job, a pipeline)
 * trigger the notifier. Protected by a shared secret sent as `Authorization: Bearer <secret>`,
 * compared in constant time; without a configured secret the endpoint does not exist (404).
 *
 * Body (JSON, all optional): `{ "date": "YYYY-MM-DD", "dryRun": true, "digest": true, "teamId": "…" }`.
 * Answers the run's report as JSON.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { BotOptions } from '../../src/config';
import { AppError, SourceError } from '../../src/errors';
import type { Logger } from '../../src/logger';
import type { Notifier } from './types';

const Body = z
  .object({
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
      .optional(),
    dryRun: z.boolean().optional(),
    digest: z.boolean().optional(),
    teamId: z.string().min(1).max(300).optional(),
  })
  .strict();

/** Equal-length digests, so neither the content nor the length of the secret leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function bearer(req: Request): string | null {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match ? (match[1] as string) : null;
}

export function createNotifyRoute(notifier: Notifier, options: BotOptions, deps: { logger: Logger }): express.Router {
  const log = deps.logger.child({ module: 'notify-route' });
  const router = express.Router();
  const secret = options.notifySecret;

  const authenticate = (req: Request, res: Response, next: NextFunction): void => {
    if (!secret) {
      res.status(404).json({ error: { code: 'not-found', message: 'POST /api/notify is off: set NOTIFY_SECRET to turn it on.' } });
      return;
    }
    const given = bearer(req);
    if (given === null || !sameSecret(given, secret)) {
      log.warn({ ip: req.ip, hasAuthorization: given !== null }, 'notify request with a wrong or missing secret');
      res
        .set('WWW-Authenticate', 'Bearer realm="notify"')
        .status(401)
        .json({ error: { code: 'unauthorized', message: 'Wrong or missing secret (Authorization: Bearer <NOTIFY_SECRET>).' } });
      return;
    }
    next();
  };

  router.post('/api/notify', authenticate, express.json({ limit: '4kb' }), async (req: Request, res: Response) => {
    const parsed = Body.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({
        error: { code: 'bad-request', message: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ') },
      });
      return;
    }
    const { date, dryRun, digest, teamId } = parsed.data;
    try {
      const report = digest ? await notifier.digest({ date, dryRun }) : await notifier.run({ date, dryRun, teamId });
      res.json(report);
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid-date') {
        res.status(400).json({ error: { code: 'bad-request', message: error.message } });
        return;
      }
      const unavailable = error instanceof SourceError;
      log.error({ err: error instanceof Error ? error.message : String(error) }, 'notify run failed');
      res.status(unavailable ? 503 : 500).json({
        error: {
          code: unavailable ? 'source-unavailable' : 'internal',
          message: unavailable ? 'The balance list could not be read; nothing was posted. Try again later.' : 'The notifier run failed; see the server log.',
        },
      });
    }
  });

  return router;
}
