/**
 * State keys are `/`-separated paths such as `ledger/<team>/expiry/12/2022-12-31/30`.
 * Both stores encode each segment so that any team or item id is safe in a file or blob name,
 * and the encoding keeps prefixes (what `list(prefix)` needs).
 */
import { AppError } from '../../src/errors';

/** Rejects keys a store could not hold faithfully: empty, or with empty segments. */
export function assertKey(key: string): void {
  if (key.length === 0 || key.split('/').some((segment) => segment.length === 0)) {
    throw new AppError('invalid-state-key', `State key "${key}" is empty or has an empty segment`);
  }
  if (key.length > 900) throw new AppError('invalid-state-key', `State key is too long (${key.length} characters, at most 900)`);
}

/** Encodes a key (or a key prefix) segment by segment; `/` stays a separator. */
export function encodeKeyPath(key: string): string {
  return key.split('/').map(encodeSegment).join('/');
}

export function decodeKeyPath(name: string): string {
  return name.split('/').map(decodeURIComponent).join('/');
}

/** encodeURIComponent, plus the characters it leaves alone that file systems or URLs dislike. */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*.~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
