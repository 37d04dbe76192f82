/**
 * Reads an agreement's validity ("Giltighetstid") as people write it in the balance list.
 *
 * Understood forms (case, spacing and the kind of dash do not matter):
 * - a year range "2021-2023", "2021 – 2023", "2021–23": Jan 1 of the first year to Dec 31 of the last;
 * - a single year "2022": the whole year;
 * - a date range "2022-01-01 – 2023-12-31" (also with "till" or "t.o.m." between the dates);
 * - an end only "t.o.m. 2022-12-31", "tom 2022-12-31", "t o m …", "till och med …" (a year means Dec 31);
 * - a start only "fr.o.m. 2022-01-01", "from …", "från och med …", optionally followed by an end
 *   ("fr.o.m. 2022-01-01 t.o.m. 2023-12-31") or by "tills vidare";
 * - open-ended "tills vidare", "tillsvidare", "löpande": no end date, and no problem;
 * - empty: nothing known, no problem (the agreement's state is then unknown).
 *
 * Anything else is an `unparseable-validity` problem with no dates, so an agreement is never
 * silently taken as active. A leading "Gäller" or "Giltig" is ignored.
 */
import { parseCalendarDate } from './dates';
import type { CalendarDate, Validity } from './types';

export type ValidityProblemCode = 'unparseable-validity' | 'validity-conflict';

export interface ValidityProblem {
  code: ValidityProblemCode;
  /** Plain English, naming the text and what is wrong with it. */
  message: string;
}

export interface ValidityResult {
  validity: Validity;
  problem: ValidityProblem | null;
}

/** Longer texts are not validity periods; reading them would only invite pathological input. */
const MAX_LENGTH = 120;
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const BOUND = String.raw`(${DATE}|\d{4})`;
const TOM = String.raw`(?:t\.?\s?o\.?\s?m\.?|till och med)`;
const FROM = String.raw`(?:fr\.?\s?o\.?\s?m\.?|från och med)`;
const OPEN = String.raw`(?:tills?\s?vidare|löpande)`;
const TO_SEPARATOR = String.raw`(?:-|till|${TOM})`;

const whole = (pattern: string): RegExp => new RegExp(`^${pattern}$`, 'u');

const PATTERNS = {
  open: whole(OPEN),
  shortYearRange: whole(String.raw`(\d{4})\s*-\s*(\d{2})`),
  range: whole(String.raw`${BOUND}\s*${TO_SEPARATOR}\s*${BOUND}`),
  upTo: whole(String.raw`${TOM}\s*${BOUND}`),
  fromTo: whole(String.raw`${FROM}\s*${BOUND}\s*,?\s*${TO_SEPARATOR}\s*${BOUND}`),
  from: whole(String.raw`${FROM}\s*${BOUND}(?:\s*,?\s*(${OPEN}))?`),
  year: whole(String.raw`(\d{4})`),
  date: whole(DATE),
} as const;

/** What the text says, before the columns are taken into account. */
interface Reading {
  from: CalendarDate | null;
  to: CalendarDate | null;
  /** The text says explicitly that there is no end ("tills vidare"). */
  openEnded: boolean;
}

class Unreadable extends Error {}

/** Folds the ways people type the same thing: dashes, spaces, case, a leading "gäller". */
function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('sv')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^(?:gäller|giltig|giltigt|giltighetstid)\s*:?\s*/u, '')
    .replace(/\.$/u, '');
}

function checkYear(text: string): number {
  const year = Number(text);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new Unreadable(`the year ${text} is outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
  return year;
}

/** A bound as the first day it covers (start) or the last (end). */
function bound(text: string, side: 'start' | 'end'): CalendarDate {
  if (text.length === 4) {
    const year = checkYear(text);
    return side === 'start' ? `${year}-01-01` : `${year}-12-31`;
  }
  const date = parseCalendarDate(text);
  if (!date) throw new Unreadable(`"${text}" is not a real date`);
  checkYear(text.slice(0, 4));
  return date;
}

function ordered(from: CalendarDate, to: CalendarDate): Reading {
  if (to < from) throw new Unreadable(`it ends (${to}) before it starts (${from})`);
  return { from, to, openEnded: false };
}

function read(normalized: string): Reading {
  if (normalized === '') return { from: null, to: null, openEnded: false };
  let match: RegExpExecArray | null;
  if (PATTERNS.open.test(normalized)) return { from: null, to: null, openEnded: true };
  if ((match = PATTERNS.year.exec(normalized))) {
    return ordered(bound(match[1] as string, 'start'), bound(match[1] as string, 'end'));
  }
  if (PATTERNS.date.test(normalized)) {
    bound(normalized, 'end');
    throw new Unreadable('a single date does not say whether it is the first or the last day (write "fr.o.m." or "t.o.m.")');
  }
  if ((match = PATTERNS.shortYearRange.exec(normalized))) {
    const first = match[1] as string;
    const last = `${first.slice(0, 2)}${match[2] as string}`;
    return ordered(bound(first, 'start'), bound(last, 'end'));
  }
  if ((match = PATTERNS.range.exec(normalized))) {
    return ordered(bound(match[1] as string, 'start'), bound(match[2] as string, 'end'));
  }
  if ((match = PATTERNS.upTo.exec(normalized))) {
    return { from: null, to: bound(match[1] as string, 'end'), openEnded: false };
  }
  if ((match = PATTERNS.fromTo.exec(normalized))) {
    return ordered(bound(match[1] as string, 'start'), bound(match[2] as string, 'end'));
  }
  if ((match = PATTERNS.from.exec(normalized))) {
    return { from: bound(match[1] as string, 'start'), to: null, openEnded: match[2] !== undefined };
  }
  throw new Unreadable('it is not a form the app understands');
}

function quote(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(shown);
}

function unparseable(text: string, reason: string): ValidityProblem {
  return {
    code: 'unparseable-validity',
    message:
      `Cannot read the validity ${quote(text)}: ${reason}. ` +
      'Write it like "2021-2023", "2022-01-01 – 2023-12-31", "t.o.m. 2022-12-31" or "tills vidare", ' +
      'or fill in the ValidFrom/ValidTo columns.',
  };
}

function readText(text: string): { reading: Reading | null; problem: ValidityProblem | null } {
  if (text.length > MAX_LENGTH) {
    return { reading: null, problem: unparseable(text, `it is longer than ${MAX_LENGTH} characters`) };
  }
  try {
    return { reading: read(normalize(text)), problem: null };
  } catch (error) {
    if (error instanceof Unreadable) return { reading: null, problem: unparseable(text, error.message) };
    throw error;
  }
}

/** Where the columns and a readable text disagree, in words; null when they agree. */
function conflict(text: string, reading: Reading, from: CalendarDate | null, to: CalendarDate | null): string | null {
  const differences: string[] = [];
  if (from !== null && reading.from !== null && from !== reading.from) {
    differences.push(`ValidFrom is ${from} but the text starts on ${reading.from}`);
  }
  if (to !== null && reading.to !== null && to !== reading.to) {
    differences.push(`ValidTo is ${to} but the text ends on ${reading.to}`);
  }
  if (to !== null && reading.openEnded) {
    differences.push(`ValidTo is ${to} but the text says it runs until further notice`);
  }
  if (differences.length === 0) return null;
  return `The validity ${quote(text)} contradicts the date columns: ${differences.join('; ')}. The columns are used.`;
}

/**
 * Parses an agreement's validity text and combines it with the ValidFrom/ValidTo columns.
 *
 * A column that is set wins over the text for its side; when it contradicts a readable text the
 * result carries a `validity-conflict` problem (the columns are still used). A text that cannot be
 * read gives an `unparseable-validity` problem and no dates from the text (dates from the columns
 * are still used). Never throws on any input.
 *
 * @param text the validity exactly as written, e.g. "2021-2023" or "t.o.m. 2022-12-31"
 * @param columns the ValidFrom/ValidTo columns as Stockholm calendar dates, when the list has them
 */
export function parseValidity(
  text: string,
  columns?: { from: CalendarDate | null; to: CalendarDate | null },
): ValidityResult {
  const written = typeof text === 'string' ? text : '';
  const columnFrom = columns?.from ?? null;
  const columnTo = columns?.to ?? null;
  const { reading, problem } = readText(written);

  const validity: Validity = {
    text: written,
    from: columnFrom ?? reading?.from ?? null,
    to: columnTo ?? reading?.to ?? null,
  };
  if (problem) return { validity, problem };

  const contradiction = reading ? conflict(written, reading, columnFrom, columnTo) : null;
  if (contradiction) return { validity, problem: { code: 'validity-conflict', message: contradiction } };

  if (columnFrom !== null && columnTo !== null && columnTo < columnFrom) {
    return {
      validity,
      problem: {
        code: 'validity-conflict',
        message: `ValidTo (${columnTo}) is before ValidFrom (${columnFrom}).`,
      },
    };
  }
  return { validity, problem: null };
}
