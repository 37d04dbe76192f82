import type { NextFunction, Request, Response } from 'express';
import { localAuth, callerOf } from '../../../../tabs/api/auth/middleware';
import { capturedLogs } from '../../../fixtures/captured-logs';

/** Runs the local-mode middleware for a caller at `remoteAddress`; returns the status (200 when it passed on). */
function callFrom(remoteAddress: string | undefined, logs: string[]): { status: number; body: unknown; passed: boolean; res: Response } {
  const { logger, lines } = capturedLogs('info');
  const result = { status: 200, body: undefined as unknown, passed: false };
  const res = {
    locals: {},
    status(code: number) {
      result.status = code;
      return this;
    },
    set() {
      return this;
    },
    json(body: unknown) {
      result.body = body;
      return this;
    },
  } as unknown as Response;
  const req = { socket: { remoteAddress }, path: '/api/balance-list' } as unknown as Request;
  const next: NextFunction = () => {
    result.passed = true;
  };
  localAuth(logger)(req, res, next);
  logs.push(...lines);
  return { ...result, res };
}

describe('local-mode API access', () => {
  it.each(['127.0.0.1', '127.4.5.6', '::1', '::ffff:127.0.0.1'])('serves a caller on this machine (%s)', (address) => {
    const logs: string[] = [];
    const outcome = callFrom(address, logs);
    expect(outcome.passed).toBe(true);
    expect(callerOf(outcome.res)).toEqual({ kind: 'local' });
  });

  it.each(['192.0.2.10', '::ffff:198.51.100.7', '2001:db8::1', undefined])('refuses a caller from elsewhere (%s) in Swedish, and logs why', (address) => {
    const logs: string[] = [];
    const outcome = callFrom(address, logs);
    expect(outcome.passed).toBe(false);
    expect(outcome.status).toBe(403);
    expect(outcome.body).toEqual({ error: { code: 'local-only', message: 'I lokalt läge kan listan bara läsas från den här datorn.' } });
    expect(logs.join('')).toContain('refused a local-mode API call from outside this machine');
  });
});
