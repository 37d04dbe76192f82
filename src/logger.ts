/**
 * Structured logs (pino). One root logger; each module takes a named child
 * (`logger.child({ module: 'notifier' })`). Secrets are redacted by path, and no code
 * logs a token, a password or a connection string in the first place.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

const REDACT = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'clientSecret',
  '*.clientSecret',
  'secret',
  '*.secret',
  'credential.secret',
  '*.credential.secret',
  'password',
  '*.password',
  'appPassword',
  '*.appPassword',
  'connectionString',
  '*.connectionString',
  'notifySecret',
  '*.notifySecret',
];

/** Creates the root logger. `destination` is for tests (a stream that collects lines). */
export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'balanslistan' },
      redact: { paths: REDACT, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** A logger that writes nothing, for tests and tools that do not want logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
