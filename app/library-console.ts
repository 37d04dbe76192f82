/**
 * Libraries may write to `console` (objects and errors over many lines). The logs are JSON
 * lines, so at start-up their console output is turned into one log line per call, under
 * `module: "library"`, cut at 500 characters. The Teams SDK logs through the app's logger
 * instead (bot/adapter/sdk-logger.ts).
 */
/* eslint-disable no-console -- this module replaces console itself; it writes nothing through it. */
import { inspect } from 'node:util';
import type { Logger } from '../src/logger';

/** One line of text for a console call's arguments: errors by name and message, objects inline. */
export function consoleLine(args: readonly unknown[]): string {
  return args
    .map((value) => {
      if (value instanceof Error) return `${value.name}: ${value.message}`;
      if (typeof value === 'string') return value;
      return inspect(value, { depth: 3, breakLength: Infinity, compact: true });
    })
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 500);
}

/**
 * Sends `console.error`/`warn` to `logger` at warn (a library's complaint about a caller is not a
 * server error) and `console.log`/`info`/`debug` at debug. Returns a function that restores console.
 */
export function routeConsoleToLog(logger: Logger): () => void {
  const log = logger.child({ module: 'library' });
  const saved = { error: console.error, warn: console.warn, log: console.log, info: console.info, debug: console.debug };
  console.error = (...args: unknown[]) => log.warn(consoleLine(args));
  console.warn = (...args: unknown[]) => log.warn(consoleLine(args));
  console.log = (...args: unknown[]) => log.debug(consoleLine(args));
  console.info = (...args: unknown[]) => log.debug(consoleLine(args));
  console.debug = (...args: unknown[]) => log.debug(consoleLine(args));
  return () => Object.assign(console, saved);
}
