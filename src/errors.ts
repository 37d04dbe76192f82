/**
 * Typed errors with a stable code and the cause attached, so each entry point can log
 * what happened and answer a person in words they can act on.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Configuration is missing or invalid; the message names the variable. */
export class ConfigError extends AppError {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super('config', message);
  }
}

/** A list store could not be read or written. */
export class SourceError extends AppError {
  constructor(
    code: string,
    message: string,
    readonly status: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}
