/**
 * eTags of the local store, shaped like SharePoint's (`"<tag>,<version>"`, quotes included).
 *
 * The tag is a hash of the item's fields, so an edit a person makes by hand in `lists.json`
 * changes the eTag even though nobody updated the stored one: a stale `If-Match` then fails
 * instead of silently overwriting the hand edit.
 */
import { createHash } from 'node:crypto';

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, stable((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** A short hash of the fields, independent of key order. */
export function fieldsTag(fields: Record<string, unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify(stable(fields)))
    .digest('hex')
    .slice(0, 16);
}

export function formatETag(tag: string, version: number): string {
  return `"${tag},${version}"`;
}

/** Tag and version of a stored eTag, or null when it is not one of ours. */
export function parseETag(eTag: string | undefined): { tag: string; version: number } | null {
  const match = /^"?([0-9a-f]{16}),(\d{1,9})"?$/.exec(eTag ?? '');
  return match ? { tag: match[1] as string, version: Number(match[2]) } : null;
}

/** Whether an `If-Match` value matches an eTag: `*`, or equal with or without the quotes. */
export function eTagMatches(ifMatch: string, eTag: string): boolean {
  const bare = (text: string) =>
    text
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1');
  return ifMatch.trim() === '*' || bare(ifMatch) === bare(eTag);
}
