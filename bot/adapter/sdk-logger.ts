/**
 * The Teams SDK's logger interface over the app's logger: what the SDK reports becomes one JSON
 * line each, under `module: "teams-sdk"` with the SDK's own logger name, cut at 500 characters.
 * The SDK is chatty at info level (every activity), so its info lines are debug here.
 */
import type { Logger } from '../../src/logger';

type Level = 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** The shape of `@microsoft/teams.common`'s `ILogger` (checked where it is given to the App). */
export interface SdkLogger {
  debug(...msg: unknown[]): void;
  info(...msg: unknown[]): void;
  warn(...msg: unknown[]): void;
  error(...msg: unknown[]): void;
  trace(...msg: unknown[]): void;
  log(level: Level, ...msg: unknown[]): void;
  child(name: string): SdkLogger;
}

const MAX = 500;

function textOf(parts: unknown[]): string {
  const text = parts
    .map((part) => {
      if (part instanceof Error) return `${part.name}: ${part.message}`;
      if (typeof part === 'string') return part;
      try {
        return JSON.stringify(part);
      } catch {
        return String(part);
      }
    })
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}

export function sdkLogger(logger: Logger, name = 'app'): SdkLogger {
  const log = logger.child({ module: 'teams-sdk', sdkLogger: name });
  const write = (level: Level, parts: unknown[]) => {
    const text = textOf(parts);
    if (level === 'error') log.error(text);
    else if (level === 'warn') log.warn(text);
    else if (level === 'info') log.debug(text);
    else log.trace(text);
  };
  return {
    debug: (...msg) => write('debug', msg),
    info: (...msg) => write('info', msg),
    warn: (...msg) => write('warn', msg),
    error: (...msg) => write('error', msg),
    trace: (...msg) => write('trace', msg),
    log: (level, ...msg) => write(level, msg),
    child: (child) => sdkLogger(logger, `${name}/${child}`),
  };
}
