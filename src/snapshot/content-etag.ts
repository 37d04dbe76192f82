/**
 * The one digest behind the tab API's ETags (the balance list's view, a follow-up year): a strong
 * ETag of a JSON value, so equal content always answers 304 and any change gives a new tag.
 */
import { createHash } from 'node:crypto';

/** A strong ETag (quotes included) of `content`'s JSON: 27 characters of base64url SHA-256. */
export function contentEtag(content: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 27)}"`;
}
