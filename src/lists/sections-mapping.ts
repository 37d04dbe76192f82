/**
 * The balance list's sections and the forum profile from their list items, and each balance
 * entry's section resolved against them. Untrusted input: problems, never throws.
 */
import type { FollowUpProblem, ForumProfile } from '../domain/errands';
import { builtInSections, compareSections, parsePeriod, type SectionDefinition } from '../domain/sections';
import type { Problem, Section } from '../domain/types';
import type { ListItem, ListName } from '../ports/list-source';
import { FORUM_LIST, SECTION_KIND_CHOICES } from './forum-year-schema';
import { ItemReader } from './item-reader';
import { SECTION_CHOICES } from './schema';

/** A reader of one item of `list` and its problems. */
export function readerFor(list: ListName, item: ListItem): { reader: ItemReader; problems: () => Problem[] } {
  const reader = new ItemReader(list, item);
  return { reader, problems: () => reader.problems };
}

/** Folds case, Unicode form and spacing so a section named with other spacing is still found. */
export function fold(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('sv');
}

const BUILT_IN_NAMES = Object.fromEntries(SECTION_CHOICES.map(([text, value]) => [value, text])) as Record<Section, string>;

/** The sections from their list; the 2022 list's five when the list is absent or empty. */
export function mapSections(items: readonly ListItem[]): { sections: SectionDefinition[]; problems: Problem[] } {
  if (items.length === 0) return { sections: builtInSections(BUILT_IN_NAMES), problems: [] };
  const sections: SectionDefinition[] = [];
  const problems: Problem[] = [];
  const taken = new Set<string>();
  for (const item of items) {
    const { reader, problems: problemsOf } = readerFor('sections', item);
    const name = reader.text('Title');
    reader.title = name;
    if (name === '') reader.problem('Title', 'missing-title', '', 'The section has no heading.');
    let key = reader.text('SectionKey');
    if (key === '') {
      key = `section-${reader.id}`;
      reader.problem('SectionKey', 'missing-key', '', `The section has no SectionKey; it is known as "${key}".`);
    } else if (taken.has(key)) {
      reader.problem('SectionKey', 'duplicate-key', key, `SectionKey "${key}" is used by another section too; this one is known as "${key}~${reader.id}".`);
      key = `${key}~${reader.id}`;
    }
    taken.add(key);
    const periodText = reader.text('Period');
    const period = parsePeriod(periodText);
    if (periodText !== '' && period.fromYear === null) {
      reader.problem(
        'Period',
        'invalid-date',
        periodText,
        `Period "${periodText}" is not a year or a range of years such as "2019-2022"; the section is shown every year.`,
      );
    }
    sections.push({
      key,
      name,
      order: reader.number('SortOrder', true) ?? Number.MAX_SAFE_INTEGER,
      periodText,
      ...period,
      agreements: reader.choice('SectionKind', SECTION_KIND_CHOICES, false) === 'agreements',
      description: reader.text('Description', { multiline: true }),
    });
    problems.push(...problemsOf());
  }
  return { sections: sections.sort(compareSections), problems };
}

/**
 * The section a written Section value names (its key or its heading, ignoring case and spacing).
 * A heading of the 2022 list's five also names the section whose key is that built-in key
 * ("SVOM:s prioriterade områden 2019-2022" → `priorities`): entries written with the old heading
 * follow a section whose period was renamed in the list of sections.
 *
 * The one resolver of section references: the app's mapping, the import's check of a balance
 * row's Avsnitt and the export all use it, so a value the tab shows under a section is one the
 * import accepts, and the other way round.
 */
export function sectionResolver(sections: readonly SectionDefinition[]): (written: string) => SectionDefinition | null {
  const byText = new Map<string, SectionDefinition>();
  for (const section of sections) {
    for (const text of [section.key, section.name]) if (!byText.has(fold(text))) byText.set(fold(text), section);
  }
  for (const [text, key] of SECTION_CHOICES) {
    const section = byText.get(fold(key));
    if (section !== undefined && !byText.has(fold(text))) byText.set(fold(text), section);
  }
  return (written) => byText.get(fold(written)) ?? null;
}

/** The forum profile: the first item by id; null (and a problem) when the list has none. */
export function mapForum(items: readonly ListItem[]): { forum: ForumProfile | null; problems: FollowUpProblem[] } {
  const item = [...items].sort((a, b) => Number(a.id) - Number(b.id))[0];
  if (item === undefined) {
    const message = `There is no forum profile (list "${FORUM_LIST.displayName}"); the report prints the forum's headings without their text.`;
    return { forum: null, problems: [{ list: 'forum', itemId: '', title: '', field: null, code: 'no-forum-profile', value: '', message, editUrl: '' }] };
  }
  const { reader, problems } = readerFor('forum', item);
  const name = reader.text('Title');
  reader.title = name;
  if (name === '') reader.problem('Title', 'missing-title', '', 'The forum profile has no name.');
  const note = (field: string): string => reader.text(field, { multiline: true });
  const planned = reader.number('PlannedMeetingsPerYear', false);
  if (planned !== null && (!Number.isInteger(planned) || planned < 0)) {
    reader.problem('PlannedMeetingsPerYear', 'invalid-number', planned, 'PlannedMeetingsPerYear should be a whole number of meetings.');
  }
  const forum: ForumProfile = {
    name,
    shortName: reader.text('ShortName'),
    description: note('Description'),
    representationMunicipalities: note('RepresentationMunicipalities'),
    representationRegion: note('RepresentationRegion'),
    regionName: reader.text('RegionName'),
    otherParticipants: note('OtherParticipants'),
    preparation: note('Preparation'),
    meetingPlan: note('MeetingPlan'),
    plannedMeetingsPerYear: planned !== null && Number.isInteger(planned) && planned >= 0 ? planned : null,
    goalsText: note('GoalsText'),
    balanceListText: note('BalanceListText'),
  };
  return { forum, problems: problems() };
}
