/**
 * Reads one list item's fields defensively: every getter returns a typed value or null and
 * records a `Problem` (in English, with the offending value) instead of throwing. The field
 * mapping (`mapping.ts`) is built on it.
 */
import { parseCalendarDate, stockholmDateFromInstant } from '../domain/dates';
import type { CalendarDate, Problem, ProblemCode } from '../domain/types';
import type { ListItem, ListName } from '../ports/list-source';

export type Choices<T extends string> = ReadonlyArray<readonly [string, T]>;

/** Problem values are shown to people; a runaway value is cut here. */
const MAX_PROBLEM_VALUE = 200;
const TIME_PATTERN = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describeValue(value: unknown): string {
  let text: string;
  if (value === undefined || value === null) text = '';
  else if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > MAX_PROBLEM_VALUE ? `${text.slice(0, MAX_PROBLEM_VALUE - 3)}...` : text;
}

/** Folds case, Unicode form and spacing so "  pågår " still finds "Pågår". */
function fold(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('sv');
}

const foldedChoices = new WeakMap<Choices<string>, Map<string, string>>();

/** The domain value of a choice text, matched exactly or else ignoring case and spacing. */
function lookup<T extends string>(choices: Choices<T>, text: string): T | undefined {
  let folded = foldedChoices.get(choices);
  if (folded === undefined) {
    folded = new Map(
      choices.flatMap(
        ([choice, value]) =>
          [
            [choice, value],
            [fold(choice), value],
          ] as Array<[string, string]>,
      ),
    );
    foldedChoices.set(choices, folded);
  }
  return (folded.get(text) ?? folded.get(fold(text))) as T | undefined;
}

/** Reads the fields of one item, collecting its problems. */
export class ItemReader {
  readonly problems: Problem[] = [];
  private readonly fields: Record<string, unknown>;
  readonly id: string;
  readonly editUrl: string;
  /** The item's title for problems; set once the title is read. */
  title = '';

  constructor(
    private readonly list: ListName,
    readonly item: ListItem,
  ) {
    this.id = typeof item.id === 'string' || typeof item.id === 'number' ? String(item.id) : '';
    this.editUrl = typeof item.webUrl === 'string' ? item.webUrl : '';
    if (isRecord(item.fields)) {
      this.fields = item.fields;
    } else {
      this.fields = {};
      this.problem(null, 'invalid-field-type', item.fields, 'The item has no fields object.');
    }
  }

  problem(field: string | null, code: ProblemCode, value: unknown, message: string): void {
    this.problems.push({
      list: this.list,
      itemId: this.id,
      title: this.title,
      field,
      code,
      value: describeValue(value),
      message,
      editUrl: this.editUrl,
    });
  }

  private raw(field: string): unknown {
    return this.fields[field];
  }

  private wrongType(field: string, value: unknown, expected: string): void {
    this.problem(field, 'invalid-field-type', value, `${field} should be ${expected}, got ${Array.isArray(value) ? 'a list' : typeof value}.`);
  }

  /** A single-line or note text, trimmed for single lines; '' when empty. */
  text(field: string, options: { multiline?: boolean } = {}): string {
    const value = this.raw(field);
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return options.multiline ? value : value.trim();
    if (typeof value === 'number' || typeof value === 'boolean') {
      this.wrongType(field, value, 'text');
      return String(value);
    }
    this.wrongType(field, value, 'text');
    return '';
  }

  /** Like `text`, but null when empty. */
  optionalText(field: string): string | null {
    const value = this.text(field);
    return value === '' ? null : value;
  }

  /** A number column; Graph sends numbers, hand-made data sometimes numeric strings. */
  number(field: string, required: boolean): number | null {
    const value = this.raw(field);
    if (value === undefined || value === null || value === '') {
      if (required) this.problem(field, 'invalid-number', '', `${field} is empty; it needs a number.`);
      return null;
    }
    const parsed =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(value.replace(',', '.'))
          ? Number(value.replace(',', '.'))
          : Number.NaN;
    if (!Number.isFinite(parsed)) {
      this.problem(field, 'invalid-number', value, `${field} is not a number.`);
      return null;
    }
    return parsed;
  }

  /** A single choice: the domain value of a known text, null when empty or unknown. */
  choice<T extends string>(field: string, choices: Choices<T>, required: boolean): T | null {
    const value = this.raw(field);
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (required) this.problem(field, 'unknown-choice', '', `${field} is empty; it needs one of the list's choices.`);
      return null;
    }
    if (typeof value !== 'string') {
      this.wrongType(field, value, 'a choice text');
      return null;
    }
    const found = lookup(choices, value);
    if (found !== undefined) return found;
    const allowed = choices.map(([text]) => `"${text}"`).join(', ');
    this.problem(field, 'unknown-choice', value, `${field} "${describeValue(value)}" is not one of ${allowed}.`);
    return null;
  }

  /**
   * A multiple choice with fill-in allowed: known texts in their canonical spelling, others as
   * written. Graph sends a string array; a single string or SharePoint's ";#" form is accepted too.
   */
  multiChoice(field: string, choices: Choices<string>): string[] {
    const value = this.raw(field);
    if (value === undefined || value === null) return [];
    let parts: unknown[];
    if (Array.isArray(value)) parts = value;
    else if (typeof value === 'string') parts = value.split(';#');
    else {
      this.wrongType(field, value, 'a list of choice texts');
      return [];
    }
    const result: string[] = [];
    for (const part of parts) {
      if (typeof part !== 'string') {
        this.wrongType(field, part, 'a choice text');
        continue;
      }
      const written = part.replace(/\s+/gu, ' ').trim();
      if (written === '') continue;
      const chosen = lookup(choices, written) ?? written;
      if (!result.includes(chosen)) result.push(chosen);
    }
    return result;
  }

  /** A date-only column as a Stockholm calendar date; null when empty or unreadable. */
  date(field: string): CalendarDate | null {
    const value = this.raw(field);
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string') {
      this.wrongType(field, value, 'a date');
      return null;
    }
    const date = stockholmDateFromInstant(value);
    if (date === null) {
      this.problem(field, 'invalid-date', value, `${field} "${describeValue(value)}" is not a date.`);
    }
    return date;
  }

  /** A date-and-time column as an ISO instant (UTC); null when empty or unreadable. */
  instant(field: string): string | null {
    const value = this.raw(field);
    if (value === undefined || value === null || value === '') return null;
    const instant = typeof value === 'string' && INSTANT_PATTERN.test(value.trim()) ? new Date(value.trim()) : null;
    if (instant === null || Number.isNaN(instant.getTime()) || !parseCalendarDate(value.toString().slice(0, 10))) {
      this.problem(field, 'invalid-date', value, `${field} "${describeValue(value)}" is not a date and time.`);
      return null;
    }
    return instant.toISOString();
  }

  /** A start time `HH:MM` (also "9.30" and "9:30"); null when empty or unreadable. */
  time(field: string): string | null {
    const value = this.text(field);
    if (value === '') return null;
    const match = TIME_PATTERN.exec(value);
    if (!match) {
      this.problem(field, 'invalid-date', value, `${field} "${describeValue(value)}" is not a time (HH:MM).`);
      return null;
    }
    return `${(match[1] as string).padStart(2, '0')}:${match[2] as string}`;
  }

  /** A hyperlink column (`{ Url, Description }` from Graph, or a plain URL); only http(s) links. */
  link(field: string): string | null {
    const value = this.raw(field);
    if (value === undefined || value === null || value === '') return null;
    let url: unknown;
    if (isRecord(value)) url = value.Url ?? value.url;
    else if (typeof value === 'string') url = value.split(', ')[0];
    else {
      this.wrongType(field, value, 'a link');
      return null;
    }
    if (url === undefined || url === null || url === '') return null;
    if (typeof url === 'string') {
      try {
        const parsed = new URL(url.trim());
        if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return parsed.href;
      } catch {
        // Not a URL at all; reported below.
      }
    }
    this.problem(field, 'invalid-field-type', url, `${field} "${describeValue(url)}" is not a web link (http or https).`);
    return null;
  }
}

/** Numeric ids in numeric order, others after them; the first item by id keeps a shared key. */
export function compareIds(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  if (numeric.test(a) !== numeric.test(b)) return numeric.test(a) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
