/**
 * Field mapping: list items in the SharePoint schema (`schema.ts`, `fields` keyed by internal
 * name) → the domain's entries, meetings and data-quality problems.
 *
 * Both sources deliver items in this schema (Graph, and the local store), and everything in them
 * is untrusted: any field may be missing, of the wrong type or hold text SharePoint never offered.
 * Nothing here throws on bad data; every oddity becomes a `Problem` on its item, and the item is
 * kept wherever it can still be shown.
 */
import { parseCalendarDate, stockholmDateFromInstant } from '../domain/dates';
import { compareMeetings } from '../domain/meetings';
import { arrangeEntries, type OrphanReason } from '../domain/tree';
import type {
  Agreement,
  BalanceList,
  CalendarDate,
  Entry,
  Meeting,
  Problem,
  ProblemCode,
  Section,
} from '../domain/types';
import { parseValidity } from '../domain/validity';
import type { ListData, ListItem, ListName } from '../ports/list-source';
import {
  ENTRY_KIND_CHOICES,
  GROUP_CHOICES,
  MEETING_KIND_CHOICES,
  REVISION_CHOICES,
  SECTION_CHOICES,
  STATUS_CHOICES,
} from './schema';

type Choices<T extends string> = ReadonlyArray<readonly [string, T]>;

/** Problem values are shown to people; a runaway value is cut here. */
const MAX_PROBLEM_VALUE = 200;
const TIME_PATTERN = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
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
    folded = new Map(choices.flatMap(([choice, value]) => [[choice, value], [fold(choice), value]] as Array<[string, string]>));
    foldedChoices.set(choices, folded);
  }
  return (folded.get(text) ?? folded.get(fold(text))) as T | undefined;
}

/** Reads the fields of one item, collecting its problems. */
class ItemReader {
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
      value: describe(value),
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
    this.problem(field, 'unknown-choice', value, `${field} "${describe(value)}" is not one of ${allowed}.`);
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
      this.problem(field, 'invalid-date', value, `${field} "${describe(value)}" is not a date.`);
    }
    return date;
  }

  /** A date-and-time column as an ISO instant (UTC); null when empty or unreadable. */
  instant(field: string): string | null {
    const value = this.raw(field);
    if (value === undefined || value === null || value === '') return null;
    const instant = typeof value === 'string' && INSTANT_PATTERN.test(value.trim()) ? new Date(value.trim()) : null;
    if (instant === null || Number.isNaN(instant.getTime()) || !parseCalendarDate(value.toString().slice(0, 10))) {
      this.problem(field, 'invalid-date', value, `${field} "${describe(value)}" is not a date and time.`);
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
      this.problem(field, 'invalid-date', value, `${field} "${describe(value)}" is not a time (HH:MM).`);
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
    this.problem(field, 'invalid-field-type', url, `${field} "${describe(url)}" is not a web link (http or https).`);
    return null;
  }
}

/** An entry as read, before keys are made unique and the tree is arranged. */
interface ReadEntry {
  reader: ItemReader;
  entry: Entry;
  /** The section as the item states it; null when it has to be inferred. */
  statedSection: Section | null;
  /** The key as written; '' when missing. */
  writtenKey: string;
}

function readAgreement(reader: ItemReader): Agreement {
  const text = reader.text('ValidityText');
  const { validity, problem } = parseValidity(text, { from: reader.date('ValidFrom'), to: reader.date('ValidTo') });
  if (problem) reader.problem('ValidityText', problem.code, text, problem.message);
  return {
    validity,
    recommendingForums: reader.multiChoice('RecommendingForums', GROUP_CHOICES),
    revisionStatus: reader.choice('RevisionStatus', REVISION_CHOICES, false),
    revisionUpdatedBy: reader.optionalText('RevisionUpdatedBy'),
    revisionUpdatedAt: reader.instant('RevisionUpdatedAt'),
  };
}

function readEntry(item: ListItem): ReadEntry {
  const reader = new ItemReader('balance', item);
  const title = reader.text('Title');
  reader.title = title;
  if (title === '') reader.problem('Title', 'missing-title', '', 'The entry has no title.');
  const writtenKey = reader.text('EntryKey');
  const statedSection = reader.choice('Section', SECTION_CHOICES, true);
  const statedKind = reader.choice('EntryKind', ENTRY_KIND_CHOICES, true);
  const parentKey = reader.optionalText('ParentKey');
  const order = reader.number('SortOrder', true);
  const section: Section = statedSection ?? 'several';
  const kind = statedKind ?? (section === 'agreements' ? 'agreement' : 'item');
  const entry: Entry = {
    id: reader.id,
    key: writtenKey,
    section,
    kind,
    parentKey,
    // Without a usable order the entry goes after its siblings.
    order: order ?? Number.MAX_SAFE_INTEGER,
    title,
    status: reader.choice('EntryStatus', STATUS_CHOICES, false),
    preparingGroups: reader.multiChoice('PreparingGroups', GROUP_CHOICES),
    notes: reader.text('Notes', { multiline: true }),
    nextFollowUp: reader.date('NextFollowUp'),
    agreement: kind === 'agreement' ? readAgreement(reader) : null,
    eTag: typeof item.eTag === 'string' ? item.eTag : '',
    editUrl: reader.editUrl,
    modifiedAt: typeof item.lastModifiedDateTime === 'string' ? item.lastModifiedDateTime : null,
  };
  return { reader, entry, statedSection, writtenKey };
}

/** Numeric ids in numeric order, others after them; the first item by id keeps a shared key. */
function compareIds(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  if (numeric.test(a) !== numeric.test(b)) return numeric.test(a) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Gives every entry a unique key: missing keys become `item-<id>`, later duplicates `<key>~<id>`. */
function assignKeys(read: ReadEntry[]): void {
  const taken = new Set<string>();
  const claim = ({ entry, reader }: ReadEntry, wanted: string, reportDuplicate: boolean): void => {
    let key = wanted;
    if (taken.has(key)) {
      if (reportDuplicate) {
        reader.problem('EntryKey', 'duplicate-key', wanted, `EntryKey "${describe(wanted)}" is used by another item too; this one is shown as "${wanted}~${entry.id}".`);
      }
      key = `${wanted}~${entry.id}`;
      for (let n = 2; taken.has(key); n += 1) key = `${wanted}~${entry.id}~${n}`;
    }
    taken.add(key);
    entry.key = key;
  };
  const withKey = read.filter((candidate) => candidate.writtenKey !== '');
  const withoutKey = read.filter((candidate) => candidate.writtenKey === '');
  for (const candidate of withKey) claim(candidate, candidate.writtenKey, true);
  for (const candidate of withoutKey) {
    const fallback = `item-${candidate.entry.id}`;
    candidate.reader.problem('EntryKey', 'missing-key', '', `The entry has no EntryKey; it is shown as "${fallback}".`);
    claim(candidate, fallback, false);
  }
}

/** An entry without a usable section takes its parent's, so it stays next to its family. */
function inferSections(read: ReadEntry[]): void {
  const byWrittenKey = new Map<string, ReadEntry>();
  for (const candidate of read) {
    if (candidate.writtenKey !== '' && !byWrittenKey.has(candidate.writtenKey)) byWrittenKey.set(candidate.writtenKey, candidate);
  }
  for (const candidate of read) {
    if (candidate.statedSection !== null || candidate.entry.parentKey === null) continue;
    const parentSection = byWrittenKey.get(candidate.entry.parentKey)?.statedSection;
    if (parentSection) candidate.entry.section = parentSection;
  }
}

const ORPHAN_MESSAGES: Record<OrphanReason, (parentKey: string) => string> = {
  'unknown-parent': (parentKey) => `ParentKey "${parentKey}" matches no entry; the entry is shown at the top of its section.`,
  'other-section': (parentKey) =>
    `ParentKey "${parentKey}" is an entry in another section; the entry is shown at the top of its own section.`,
  cycle: (parentKey) =>
    `ParentKey "${parentKey}" makes a loop of parents; the entry is shown at the top of its section.`,
};

function mapEntries(items: readonly ListItem[]): { entries: Entry[]; problems: Problem[] } {
  const read = items.map(readEntry).sort((a, b) => compareIds(a.entry.id, b.entry.id));
  assignKeys(read);
  inferSections(read);
  const readerByKey = new Map(read.map((candidate) => [candidate.entry.key, candidate.reader]));
  const { entries, orphans } = arrangeEntries(read.map((candidate) => candidate.entry));
  for (const orphan of orphans) {
    readerByKey
      .get(orphan.entry.key)
      ?.problem('ParentKey', 'unknown-parent', orphan.parentKey, ORPHAN_MESSAGES[orphan.reason](describe(orphan.parentKey)));
  }
  const problems = entries.flatMap((entry) => readerByKey.get(entry.key)?.problems ?? []);
  return { entries, problems };
}

function readMeeting(item: ListItem): { meeting: Meeting | null; reader: ItemReader } {
  const reader = new ItemReader('meetings', item);
  const title = reader.text('Title');
  reader.title = title;
  if (title === '') reader.problem('Title', 'missing-title', '', 'The meeting has no title.');
  const rawDate = isRecord(item.fields) ? item.fields.MeetingDate : undefined;
  const date = reader.date('MeetingDate');
  if (date === null && (rawDate === undefined || rawDate === null || rawDate === '')) {
    reader.problem('MeetingDate', 'missing-date', '', 'The meeting has no date; it is left out of the meetings.');
  }
  const meeting: Meeting = {
    id: reader.id,
    title,
    date: date ?? '',
    time: reader.time('StartTime'),
    kind: reader.choice('MeetingKind', MEETING_KIND_CHOICES, false),
    location: reader.text('Location'),
    link: reader.link('MeetingLink'),
    itemDeadline: reader.date('ItemDeadline'),
    preparingGroups: reader.multiChoice('PreparingGroups', GROUP_CHOICES),
    notes: reader.text('Notes', { multiline: true }),
    eTag: typeof item.eTag === 'string' ? item.eTag : '',
    editUrl: reader.editUrl,
  };
  return { meeting: date === null ? null : meeting, reader };
}

function mapMeetings(items: readonly ListItem[]): { meetings: Meeting[]; problems: Problem[] } {
  const read = items.map(readMeeting);
  const dated = read.filter((candidate) => candidate.meeting !== null);
  dated.sort((a, b) => compareMeetings(a.meeting as Meeting, b.meeting as Meeting));
  const undated = read.filter((candidate) => candidate.meeting === null).sort((a, b) => compareIds(a.reader.id, b.reader.id));
  return {
    meetings: dated.map((candidate) => candidate.meeting as Meeting),
    problems: [...dated, ...undated].flatMap((candidate) => candidate.reader.problems),
  };
}

/**
 * Turns the items of both lists into the balance list as the domain understands it.
 *
 * - Entries come out in document order: sections in the order of `SECTION_CHOICES`, then
 *   depth-first by parent, siblings by SortOrder. Agreements (EntryKind "Avtal") carry their
 *   validity (ValidityText read together with ValidFrom/ValidTo), forums and revision fields.
 * - Meetings come out by date, then start time; a meeting without a date is left out.
 * - Problems list every data-quality issue found (list, item id, title, column, code, value, an
 *   English message and the item's edit link), entries' problems in document order, then meetings'.
 *
 * Never throws on bad data: unknown choices become null, unreadable dates null, a missing key
 * `item-<id>`, a repeated key `<key>~<id>`, and an entry whose parent cannot be found is shown
 * at the top of its section.
 */
export function mapListData(data: ListData): BalanceList {
  const balanceItems = Array.isArray(data?.balance) ? data.balance.filter(isRecord) : [];
  const meetingItems = Array.isArray(data?.meetings) ? data.meetings.filter(isRecord) : [];
  const { entries, problems: entryProblems } = mapEntries(balanceItems as unknown as ListItem[]);
  const { meetings, problems: meetingProblems } = mapMeetings(meetingItems as unknown as ListItem[]);
  return { entries, meetings, problems: [...entryProblems, ...meetingProblems] };
}
