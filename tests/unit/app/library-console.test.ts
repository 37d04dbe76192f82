/**
 * Library console output (objects and errors over many lines) becomes
 * one JSON log line per call once the app routes console to its logger.
 */
import { createLogger } from '../../../src/logger';
import { consoleLine, routeConsoleToLog } from '../../../app/library-console';
import { capturedLogs } from '../../fixtures/captured-logs';

describe('library console output in the log', () => {
  test('each console call is one JSON line under module "library", errors by name and message only', () => {
    const { logger, lines, records: entries } = capturedLogs('debug');
    const restore = routeConsoleToLog(logger);
    try {
      const error = new Error('jwt expired');
      error.name = 'TokenExpiredError';
      console.error(error);
      console.error('Error finding key for token. Available keys: -----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEA5xS1\n-----END RSA PUBLIC KEY-----');
      console.log({ nested: { deep: 'value' } });
    } finally {
      restore();
    }
    expect(entries.map((entry) => [entry.level, entry.module, entry.msg])).toEqual([
      [40, 'library', 'TokenExpiredError: jwt expired'],
      [40, 'library', 'Error finding key for token. Available keys: -----BEGIN RSA PUBLIC KEY----- MIIBCgKCAQEA5xS1 -----END RSA PUBLIC KEY-----'],
      [20, 'library', "{ nested: { deep: 'value' } }"],
    ]);
    expect(lines.join('\n')).not.toMatch(/ {4}at /);
  });

  test('restoring gives console back', () => {
    const original = console.error;
    const restore = routeConsoleToLog(createLogger('silent'));
    expect(console.error).not.toBe(original);
    restore();
    expect(console.error).toBe(original);
  });

  test('a long line is cut at 500 characters', () => {
    expect(consoleLine(['x'.repeat(2000)])).toHaveLength(500);
  });
});
