/**
 * Every stable error code, in one union: a misspelt code, or a comparison with a code nothing
 * throws, fails the build instead of silently never matching. Add a code here when a new kind of
 * failure needs its own handling; reuse one when the caller would do the same thing.
 */
export type ErrorCode =
  // Configuration and command lines.
  | 'config'
  | 'usage'
  | 'invalid-date'
  | 'invalid-snooze'
  // A list store (SourceError), SharePoint through Graph or the local file.
  | 'not-found'
  | 'conflict'
  | 'bad-request'
  | 'invalid-field'
  | 'unauthorized'
  | 'forbidden'
  | 'auth'
  | 'network'
  | 'throttled'
  | 'unavailable'
  | 'resync-required'
  | 'graph-error'
  | 'graph-forbidden'
  | 'graph-unavailable'
  | 'local-busy'
  | 'local-unreadable'
  | 'local-invalid'
  | 'local-seed-missing'
  | 'local-seed-unreadable'
  // The app's credential with Entra ID (src/identity): refused by Entra ID or the identity endpoint, or no answer.
  | 'credential-refused'
  | 'credential-unavailable'
  // The bot's state store and reminder ledger.
  | 'invalid-state-key'
  | 'state-store-busy'
  | 'state-store-unavailable'
  | 'ledger-busy'
  // Tools: the import and the Teams app package.
  | 'import-unreadable'
  | 'import-failed'
  | 'invalid-package';

/**
 * Typed errors with a stable code and the cause attached, so each entry point can log
 * what happened and answer a person in words they can act on.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Configuration is missing or invalid; the message names the variable, `cause` keeps what failed underneath. */
export class ConfigError extends AppError {
  constructor(
    message: string,
    readonly problems: string[] = [],
    options?: { cause?: unknown },
  ) {
    super('config', message, options);
  }
}

/** A list store could not be read or written. */
export class SourceError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly status: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}
