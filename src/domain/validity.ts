/**
 * Reads an agreement's validity ("Giltighetstid") as people write it in the balance list.
 *
 * Understood forms (case, spacing and the kind of dash do not matter):
 * - a year range "2021-2023", "2021 – 2023", "2021–23": Jan 1 of the first year to Dec 31 of the last;
 * - a single year "2022": the whole year;
 * - a range of dates "2022-01-01 – 2023-12-31", joined by one or two hyphens, any dash, "till" or
 *   "t.o.m."; each date as ISO, day first with slashes or dots ("31/12/2023", "31.12.2023",
 *   "31/12 2023") or with a Swedish month name, full or short ("31 dec 2023", "1:a januari 2022");
 *   a month without a day means its first day (start) or its last (end): "jan 2022 – dec 2023";
 *   the first date may leave out the year the second one names: "1 jan – 31 dec 2023";
 * - an end only "t.o.m. 2022-12-31", "tom …", "t o m …", "till och med …", "till …" (a year means Dec 31);
 * - a start only "fr.o.m. 2022-01-01", "from …", "från (och med) …", optionally followed by an end
 *   ("fr.o.m. 2022-01-01 t.o.m. 2023-12-31") or by "tills vidare"; also "2022-01-01 – tills vidare";
 * - open-ended "tills vidare", "tillsvidare", "löpande": no end date, and no problem;
 * - empty: nothing known, no problem here (the field mapping reports an agreement with no validity).
 *
 * Anything else is an `unparseable-validity` problem with no dates, so an agreement is never
 * silently taken as active. Forms that could mean two different days are refused, not guessed:
 * two-digit years ("1.1.23"), a date without a year, and a single date or month alone (is it the
 * first day or the last?). A leading "Gäller" or "Giltig" is ignored.
 */
import { BOUND, Unreadable, boundDate, boundParts } from './validity-bounds';
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

// Texts are normalized first: lower case, every dash a hyphen, single spaces.
const TOM = String.raw`(?:t\.? ?o\.? ?m\.?|till och med)`;
const FROM = String.raw`(?:fr\.? ?o\.? ?m\.?|från och med|från)`;
const OPEN = String.raw`(?:tills? ?vidare|löpande)`;
const JOIN = String.raw`(?:-{1,2}|till|${TOM})`;
const UNTIL = String.raw`(?:${TOM}|till)`;

const whole = (pattern: string): RegExp => new RegExp(`^${pattern}$`, 'u');

const PATTERNS = {
  open: whole(OPEN),
  single: whole(`(${BOUND})`),
  shortYearRange: whole(String.raw`(\d{4}) ?-{1,2} ?(\d{2})`),
  range: whole(`(${BOUND}) ?${JOIN} ?(${BOUND})`),
  rangeOpen: whole(`(${BOUND}) ?-{1,2} ?${OPEN}`),
  upTo: whole(`${UNTIL} ?(${BOUND})`),
  fromTo: whole(`${FROM} ?(${BOUND}) ?,? ?${JOIN} ?(${BOUND})`),
  from: whole(`${FROM} ?(${BOUND})(?: ?,? ?(?:och )?(${OPEN}))?`),
} as const;

/** What the text says, before the columns are taken into account. */
interface Reading {
  from: CalendarDate | null;
  to: CalendarDate | null;
  /** The text says explicitly that there is no end ("tills vidare"). */
  openEnded: boolean;
}

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

function start(text: string): CalendarDate {
  return boundDate(boundParts(text), 'start');
}

function end(text: string): CalendarDate {
  return boundDate(boundParts(text), 'end');
}

function ordered(from: CalendarDate, to: CalendarDate): Reading {
  if (to < from) throw new Unreadable(`it ends (${to}) before it starts (${from})`);
  return { from, to, openEnded: false };
}

/** Two ends; the first may leave out the year the second names ("1 jan – 31 dec 2023"). */
function range(first: string, last: string): Reading {
  const lastParts = boundParts(last);
  const to = boundDate(lastParts, 'end');
  return ordered(boundDate(boundParts(first), 'start', lastParts.year), to);
}

/** A whole text that is one bound: a year is the whole year; a day or a month alone is refused. */
function single(text: string): Reading {
  const parts = boundParts(text);
  const to = boundDate(parts, 'end');
  if (parts.month === null) return ordered(boundDate(parts, 'start'), to);
  throw new Unreadable(
    parts.day === null
      ? 'a month alone does not say whether it is the start or the end (write "fr.o.m." or "t.o.m.")'
      : 'a single date does not say whether it is the first or the last day (write "fr.o.m." or "t.o.m.")',
  );
}

function read(normalized: string): Reading {
  if (normalized === '') return { from: null, to: null, openEnded: false };
  let match: RegExpExecArray | null;
  if (PATTERNS.open.test(normalized)) return { from: null, to: null, openEnded: true };
  if ((match = PATTERNS.single.exec(normalized))) return single(match[1] as string);
  if ((match = PATTERNS.shortYearRange.exec(normalized))) {
    const first = match[1] as string;
    return ordered(start(first), end(`${first.slice(0, 2)}${match[2] as string}`));
  }
  if ((match = PATTERNS.range.exec(normalized))) return range(match[1] as string, match[2] as string);
  if ((match = PATTERNS.rangeOpen.exec(normalized))) return { from: start(match[1] as string), to: null, openEnded: true };
  if ((match = PATTERNS.upTo.exec(normalized))) return { from: null, to: end(match[1] as string), openEnded: false };
  if ((match = PATTERNS.fromTo.exec(normalized))) return range(match[1] as string, match[2] as string);
  if ((match = PATTERNS.from.exec(normalized))) {
    return { from: start(match[1] as string), to: null, openEnded: match[2] !== undefined };
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
      'Write it like "2021-2023", "2022-01-01 – 2023-12-31", "t.o.m. 31 december 2022" or "tills vidare", ' +
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
export function parseValidity(text: string, columns?: { from: CalendarDate | null; to: CalendarDate | null }): ValidityResult {
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
