import { isLoopbackHost } from '../../src/loopback';

/**
 * Text from SharePoint is untrusted: in a TextBlock, Teams reads a subset of markdown, so a title
 * like "1. Hemsjukvård" would become a numbered list and "[länk](https://…)" a live link.
 * Every such character is escaped with a backslash, which Teams and the Adaptive Cards renderer
 * both honour.
 */
const MARKDOWN_SPECIAL = /[\\`*_[\]()#\->~]/g;

/**
 * Escapes `text` so a markdown TextBlock shows it literally: `\ * _ [ ] ( ) # - > \` ~` get a
 * backslash, and so does the dot of a leading number ("1. Hemsjukvård" is not a list), a
 * leading "+" and the "$" of "${" (so the text never reads as a template expression).
 * Line breaks are kept (as paragraph breaks, which Teams shows as new lines).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(MARKDOWN_SPECIAL, (char) => `\\${char}`)
        .replace(/^(\s*\d+)\./, '$1\\.')
        .replace(/^(\s*)\+/, '$1\\+')
        .replace(/\$\{/g, '\\${'),
    )
    .join('\n\n');
}

/** Shortens `text` to `max` characters on a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** True for an absolute https URL (the only links cards open). */
export function isHttpsUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** True for an absolute http(s) URL; http only for this machine (local mode; see `isLoopbackHost`). */
export function isOpenableUrl(value: string | null | undefined): value is string {
  if (isHttpsUrl(value)) return true;
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}
