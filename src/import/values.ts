/**
 * One value of one column, in the import/export layout and in Graph.
 *
 * Every value has a canonical form used to compare a file with the list: text as is, a choice as
 * its Swedish text, several choices as an array, a date-only value as the Stockholm date
 * `YYYY-MM-DD`, a date and time as an ISO instant, a number, a boolean, a link as its URL, and
 * null for "empty".
 */
import { parseCalendarDate, stockholmDateFromInstant, stockholmInstant } from '../domain/dates';
import type { ChoiceColumn, Column } from '../lists/schema';

export type Canonical = string | number | boolean | string[] | null;

/** A cell as a reader hands it over: text (CSV), or what a spreadsheet cell holds. */
export type Cell = string | number | boolean | Date | null | undefined;

export type Parsed = { ok: true; value: Canonical } | { ok: false; reason: string };

const BOOLEAN_TEXT: Record<string, boolean> = { ja: true, yes: true, true: true, '1': true, nej: false, no: false, false: false, '0': false };

/** Splits several choices written in one cell: `SVOM; Fredagsgruppen` (also `,` or new lines). */
function splitChoices(text: string): string[] {
  return text
    .split(/[;\n]|,(?!\s*\d)/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The choice text a cell names: a choice's text or its value (`Pågår` or `active`), any case. In a
 * fill-in column only the text is matched: there anything else is stored as written, so a
 * section's key (`priorities`) stays the key and is not turned into the 2022 heading.
 */
function matchChoice(column: ChoiceColumn, text: string): string | null {
  const wanted = text.trim().toLocaleLowerCase('sv');
  for (const [label, value] of column.values) {
    if (label.toLocaleLowerCase('sv') === wanted || (!column.allowFillIn && value.toLocaleLowerCase('sv') === wanted)) return label;
  }
  return null;
}

/** The calendar date a spreadsheet date cell shows (exceljs gives it as UTC midnight of that day). */
function dateOfCell(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Reads one cell of `column` from a file. Empty cells are null. */
export function parseCell(column: Column, cell: Cell): Parsed {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return { ok: true, value: null };
  const text = cell instanceof Date ? cell.toISOString() : String(cell);
  switch (column.type) {
    case 'text':
      return { ok: true, value: text.trim() };
    case 'note':
      // Every line end as `\n`: XLSX (XML) turns a lone carriage return into a line feed anyway.
      return { ok: true, value: text.replace(/\r\n?/g, '\n') };
    case 'choice': {
      const label = matchChoice(column, text);
      if (label) return { ok: true, value: label };
      if (column.allowFillIn) return { ok: true, value: text.trim() };
      return { ok: false, reason: `"${text}" is not one of: ${column.values.map(([label]) => label).join(', ')}` };
    }
    case 'multiChoice': {
      const parts = splitChoices(text).map((part) => matchChoice(column, part) ?? (column.allowFillIn ? part : null));
      const bad = splitChoices(text).filter((_, index) => parts[index] === null);
      if (bad.length > 0)
        return { ok: false, reason: `${bad.map((part) => `"${part}"`).join(', ')} not among: ${column.values.map(([label]) => label).join(', ')}` };
      return { ok: true, value: parts as string[] };
    }
    case 'dateOnly': {
      const date = cell instanceof Date ? dateOfCell(cell) : parseCalendarDate(text.trim());
      return date ? { ok: true, value: date } : { ok: false, reason: `"${text}" is not a date (YYYY-MM-DD)` };
    }
    case 'dateTime': {
      const ms = cell instanceof Date ? cell.getTime() : /^\d{4}-\d{2}-\d{2}T/.test(text.trim()) ? Date.parse(text.trim()) : Number.NaN;
      return Number.isNaN(ms)
        ? { ok: false, reason: `"${text}" is not a date and time (e.g. 2022-05-01T08:30:00Z)` }
        : { ok: true, value: new Date(ms).toISOString().replace(/\.000Z$/, 'Z') };
    }
    case 'number': {
      const number = typeof cell === 'number' ? cell : Number(text.trim().replace(/\s/g, '').replace(',', '.'));
      return Number.isFinite(number) && text.trim() !== '' ? { ok: true, value: number } : { ok: false, reason: `"${text}" is not a number` };
    }
    case 'boolean': {
      const value = typeof cell === 'boolean' ? cell : BOOLEAN_TEXT[text.trim().toLowerCase()];
      return value === undefined ? { ok: false, reason: `"${text}" is not ja/nej` } : { ok: true, value };
    }
    case 'hyperlink':
      return /^https?:\/\/\S+$/i.test(text.trim()) ? { ok: true, value: text.trim() } : { ok: false, reason: `"${text}" is not a link (https://…)` };
    case 'person':
      // The person's name as shown; the import compares it, a person is chosen in SharePoint.
      return { ok: true, value: text.trim() };
  }
}

/** The canonical value of a field as Graph returned it (untrusted: anything odd becomes null). */
export function fromGraph(column: Column, value: unknown): Canonical {
  if (value === null || value === undefined || value === '') return null;
  switch (column.type) {
    case 'multiChoice':
      return Array.isArray(value) && value.length > 0 ? value.map(String) : null;
    case 'dateOnly':
      return typeof value === 'string' ? stockholmDateFromInstant(value) : null;
    case 'dateTime': {
      const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      return Number.isNaN(ms) ? null : new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
    }
    case 'number':
      return typeof value === 'number' ? value : Number.isFinite(Number(value)) ? Number(value) : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'hyperlink': {
      const url = typeof value === 'object' ? (value as { Url?: unknown }).Url : value;
      return typeof url === 'string' && url ? url : null;
    }
    case 'person':
      // Graph gives the display name under the column's name when it is selected.
      return typeof value === 'string' ? value : null;
    default:
      // Hand-made data may hold a list where the column is text (the local store's EntryKeys):
      // one value a line, as the app reads it.
      if (Array.isArray(value)) return value.length > 0 ? value.map(String).join(column.type === 'note' ? '\n' : '; ') : null;
      return typeof value === 'string' ? value : String(value);
  }
}

/**
 * The fields to send to Graph for canonical values. Date-only values are written as the instant
 * of Stockholm midnight, exactly as SharePoint returns them; several choices carry Graph's
 * collection annotation; null clears the column.
 */
export function toGraphFields(columns: Column[], values: Record<string, Canonical>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const column of columns) {
    if (!(column.name in values)) continue;
    const value = values[column.name] ?? null;
    if (value === null) {
      fields[column.name] = null;
    } else if (column.type === 'dateOnly') {
      fields[column.name] = stockholmInstant(value as string)
        .toISOString()
        .replace(/\.000Z$/, 'Z');
    } else if (column.type === 'multiChoice') {
      fields[`${column.name}@odata.type`] = 'Collection(Edm.String)';
      fields[column.name] = value;
    } else {
      fields[column.name] = value;
    }
  }
  return fields;
}

/** The cell text written by export (and read back by import). */
export function toCellText(column: Column, value: Canonical): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  void column;
  return String(value);
}

/**
 * A stored value as the import reads it back from an exported cell: compared with the file's
 * value, an unchanged cell is the same even where reading a file normalises (a single line
 * trimmed, a choice in its canonical spelling, a note's line ends).
 */
export function asReadBack(column: Column, value: Canonical): Canonical {
  if (value === null || typeof value === 'number' || column.type === 'dateOnly' || column.type === 'dateTime') return value;
  const parsed = parseCell(column, toCellText(column, value));
  return parsed.ok ? parsed.value : value;
}

/** Whether two canonical values are the same (arrays compared in order). */
export function sameValue(a: Canonical, b: Canonical): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => item === b[index]);
  return a === b;
}
