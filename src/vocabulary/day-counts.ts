/**
 * Numbers of days in words, the same in the tab and the cards: the plural from
 * `Intl.PluralRules` ("1 dag", "2 dagar") and thousands grouped as the locale writes them
 * ("1 704" in Swedish, "1,704" in English).
 */
import type { Language } from './language';

const LOCALE: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

const numbers = {
  sv: new Intl.NumberFormat(LOCALE.sv, { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat(LOCALE.en, { maximumFractionDigits: 0 }),
};
const plurals = { sv: new Intl.PluralRules(LOCALE.sv), en: new Intl.PluralRules(LOCALE.en) };
/** "i går", "i dag", "i morgon": the three days said in words. */
const nearby = {
  sv: new Intl.RelativeTimeFormat(LOCALE.sv, { numeric: 'auto' }),
  en: new Intl.RelativeTimeFormat(LOCALE.en, { numeric: 'auto' }),
};
/** "om 2 dagar", "för 2 dagar sedan": every other day by its number (never "i övermorgon"). */
const counted = {
  sv: new Intl.RelativeTimeFormat(LOCALE.sv, { numeric: 'always' }),
  en: new Intl.RelativeTimeFormat(LOCALE.en, { numeric: 'always' }),
};

const DAY: Record<Language, { one: string; other: string }> = {
  sv: { one: 'dag', other: 'dagar' },
  en: { one: 'day', other: 'days' },
};

/** A whole number with the locale's thousands separator: "1 704" / "1,704". */
export function formatCount(count: number, language: Language): string {
  return numbers[language].format(count);
}

/** "1 dag", "2 dagar", "1 704 dagar" / "1 day", "1,704 days"; the sign is dropped. */
export function dayCount(days: number, language: Language): string {
  const count = Math.abs(days);
  const word = plurals[language].select(count) === 'one' ? DAY[language].one : DAY[language].other;
  return `${formatCount(count, language)} ${word}`;
}

/**
 * Days from today, as the tab, the cards and the notifier's lines all say them: "i går", "i dag",
 * "i morgon", otherwise by number ("om 2 dagar", "för 1 704 dagar sedan"; "in 2 days", "2 days ago").
 */
export function relativeDays(days: number, language: Language): string {
  return (Math.abs(days) <= 1 ? nearby : counted)[language].format(days, 'day');
}
