/** The one answer of the tab's API when the lists cannot be read and no snapshot was ever loaded. */
import type { Response } from 'express';
import type { Logger } from '../../src/logger';

export function answerSourceUnavailable(res: Response, log: Logger, error: unknown, what: string): void {
  log.error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, `${what} unavailable`);
  res
    .status(503)
    .set({ 'Cache-Control': 'no-store', 'Retry-After': '30' })
    .json({ error: { code: 'source-unavailable', message: 'Balanslistan kan inte läsas just nu. Försök igen om en stund.' } });
}
