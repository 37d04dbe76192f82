/**
 * Every text the tab shows, in Swedish (the default) and English: the shape in types.ts, the
 * words in sv.ts and en.ts. Codes from the API (statuses, problem codes, kinds) are turned into
 * words there, never shown raw.
 */
import type { Language } from '../../../../src/vocabulary';
import { en } from './en';
import { sv } from './sv';
import type { Strings } from './types';

export type { Language };
export type { ErrandStrings, FollowUpStrings, Strings } from './types';
export { en, sv };

/** Swedish unless the locale (Teams' or the browser's, e.g. "en-GB") is English. */
export function languageOf(locale: string | null | undefined): Language {
  return locale && /^en\b/i.test(locale.trim()) ? 'en' : 'sv';
}

export function stringsFor(language: Language): Strings {
  return language === 'en' ? en : sv;
}
