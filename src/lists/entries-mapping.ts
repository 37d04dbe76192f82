/**
 * Balance-list items → the domain's entries: each item read (its section as the list of sections
 * or the 2022 list's five define them, its kind, its agreement's validity), then every entry given
 * a unique key, a section where it states none, and its place in the tree. Nothing throws on bad
 * data; every oddity is a `Problem` on its item.
 */
import { arrangeEntries, type OrphanReason } from '../domain/tree';
import { undefinedSection, type SectionDefinition } from '../domain/sections';
import type { Agreement, Entry, Problem } from '../domain/types';
import { parseValidity } from '../domain/validity';
import type { ListItem } from '../ports/list-source';
import { compareIds, describeValue, isRecord, ItemReader } from './item-reader';
import { ENTRY_KIND_CHOICES, GROUP_CHOICES, REVISION_CHOICES, SECTION_CHOICES, STATUS_CHOICES } from './schema';
import { mapSections, sectionResolver } from './sections-mapping';

/** An entry as read, before keys are made unique and the tree is arranged. */
interface ReadEntry {
  reader: ItemReader;
  entry: Entry;
  /** The section as the item states it; null when it has to be inferred. */
  statedSection: string | null;
  /** The key as written; '' when missing. */
  writtenKey: string;
}

function readAgreement(reader: ItemReader): Agreement {
  const text = reader.text('ValidityText');
  const { validity, problem } = parseValidity(text, { from: reader.date('ValidFrom'), to: reader.date('ValidTo') });
  if (problem) reader.problem('ValidityText', problem.code, text, problem.message);
  if (!problem && validity.from === null && validity.to === null && text.trim() === '') {
    reader.problem(
      'ValidityText',
      'missing-validity',
      text,
      'The agreement has no validity (ValidityText, ValidFrom and ValidTo are empty), so nobody is reminded before it ends.',
    );
  }
  return {
    validity,
    recommendingForums: reader.multiChoice('RecommendingForums', GROUP_CHOICES),
    revisionStatus: reader.choice('RevisionStatus', REVISION_CHOICES, false),
    revisionUpdatedBy: reader.optionalText('RevisionUpdatedBy'),
    revisionUpdatedAt: reader.instant('RevisionUpdatedAt'),
  };
}

/**
 * How an entry's Section is read. Without a list of sections it is one of the 2022 list's five
 * choice texts, exactly as before there was such a list. With one, it names a section of the list
 * by heading or SectionKey (ignoring case and spacing); a name the list does not define is
 * reported and kept as written, so its entries still show, under that name.
 */
export interface SectionReading {
  /** The key of the section the written value names; null (with a problem) when none. */
  read(reader: ItemReader): string | null;
  /** The section an entry goes to when it names none and its parent gives none. */
  fallback(reader: ItemReader): string;
  /** Whether the section holds agreements (an entry without a kind there is an agreement). */
  isAgreements(key: string): boolean;
}

export function builtInReading(sections: readonly SectionDefinition[]): SectionReading {
  const resolve = sectionResolver(sections);
  return {
    // The one resolver (a 2022 heading or a built-in key, case and spacing ignored); what it
    // does not know is reported as an unknown choice, as before there was a list of sections.
    read: (reader) => {
      const written = isRecord(reader.item.fields) ? reader.item.fields.Section : undefined;
      const found = typeof written === 'string' ? resolve(written) : null;
      return found !== null ? found.key : reader.choice('Section', SECTION_CHOICES, true);
    },
    fallback: () => 'several',
    isAgreements: (key) => key === 'agreements',
  };
}

/** The 2022 list's five, read by the resolver (entries read on their own, `mapEntry`). */
const BUILT_IN_READING = builtInReading(mapSections([]).sections);

export function listReading(sections: readonly SectionDefinition[]): SectionReading {
  const resolve = sectionResolver(sections);
  const agreements = new Set(sections.filter((section) => section.agreements).map((section) => section.key));
  const names = sections.map((section) => `"${section.name}"`).join(', ');
  return {
    read: (reader) => {
      const written = reader.text('Section');
      if (written === '') {
        reader.problem('Section', 'unknown-section', '', `Section is empty; it needs one of the sections of the list of sections (${names}).`);
        return null;
      }
      const found = resolve(written);
      if (found !== null) return found.key;
      reader.problem(
        'Section',
        'unknown-section',
        written,
        `Section "${describeValue(written)}" is not one of the sections of the list of sections (${names}); it is shown under that name.`,
      );
      return null;
    },
    fallback: (reader) => reader.text('Section'),
    isAgreements: (key) => agreements.has(key),
  };
}

function readEntry(item: ListItem, sections: SectionReading = BUILT_IN_READING): ReadEntry {
  const reader = new ItemReader('balance', item);
  const title = reader.text('Title');
  reader.title = title;
  if (title === '') reader.problem('Title', 'missing-title', '', 'The entry has no title.');
  const writtenKey = reader.text('EntryKey');
  const statedSection = sections.read(reader);
  const statedKind = reader.choice('EntryKind', ENTRY_KIND_CHOICES, true);
  const parentKey = reader.optionalText('ParentKey');
  const order = reader.number('SortOrder', true);
  // Read without reporting again: `read` has already said what is wrong with the value.
  const section = statedSection ?? sections.fallback(new ItemReader('balance', item));
  const kind = statedKind ?? (sections.isAgreements(section) ? 'agreement' : 'item');
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

/**
 * One balance-list item as an entry, read on its own: its key is not checked against the rest of
 * the list (a missing key becomes `item-<id>`) and its parent is not looked up. For decisions
 * about one item read fresh from its store.
 */
export function mapEntry(item: ListItem): Entry {
  const { entry, writtenKey } = readEntry(item);
  if (writtenKey === '') entry.key = `item-${entry.id}`;
  return entry;
}

/** Gives every entry a unique key: missing keys become `item-<id>`, later duplicates `<key>~<id>`. */
function assignKeys(read: ReadEntry[]): void {
  const taken = new Set<string>();
  const claim = ({ entry, reader }: ReadEntry, wanted: string, reportDuplicate: boolean): void => {
    let key = wanted;
    if (taken.has(key)) {
      if (reportDuplicate) {
        reader.problem(
          'EntryKey',
          'duplicate-key',
          wanted,
          `EntryKey "${describeValue(wanted)}" is used by another item too; this one is shown as "${wanted}~${entry.id}".`,
        );
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
  'other-section': (parentKey) => `ParentKey "${parentKey}" is an entry in another section; the entry is shown at the top of its own section.`,
  cycle: (parentKey) => `ParentKey "${parentKey}" makes a loop of parents; the entry is shown at the top of its section.`,
};

export function mapEntries(items: readonly ListItem[], sections: SectionReading, order: readonly string[]): { entries: Entry[]; problems: Problem[] } {
  const read = items.map((item) => readEntry(item, sections)).sort((a, b) => compareIds(a.entry.id, b.entry.id));
  assignKeys(read);
  inferSections(read);
  const readerByKey = new Map(read.map((candidate) => [candidate.entry.key, candidate.reader]));
  const { entries, orphans } = arrangeEntries(
    read.map((candidate) => candidate.entry),
    order,
  );
  for (const orphan of orphans) {
    readerByKey
      .get(orphan.entry.key)
      ?.problem('ParentKey', 'unknown-parent', orphan.parentKey, ORPHAN_MESSAGES[orphan.reason](describeValue(orphan.parentKey)));
  }
  const problems = entries.flatMap((entry) => readerByKey.get(entry.key)?.problems ?? []);
  return { entries, problems };
}

/** The sections, then one named as written for each section an entry names that none defines. */
export function withUndefinedSections(sections: readonly SectionDefinition[], entries: readonly Entry[]): SectionDefinition[] {
  const known = new Set(sections.map((section) => section.key));
  const extra: SectionDefinition[] = [];
  for (const entry of entries) {
    if (known.has(entry.section)) continue;
    known.add(entry.section);
    extra.push(undefinedSection(entry.section, entry.section));
  }
  return [...sections, ...extra];
}
