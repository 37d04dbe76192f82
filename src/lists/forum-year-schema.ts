/**
 * The columns of the forum year's lists: "Ärenden SVOM", the forum profile "Forum SVOM" and the
 * balance list's sections "Avsnitt SVOM", plus the columns the meetings list needs for the
 * year's follow-up. Same shapes as `schema.ts`; choice texts are Swedish, mapped to domain values.
 * They are part of `LISTS` in `schema.ts`, the single source for reading, provisioning, import,
 * export and the generated documentation.
 */
import { forumMeetingKind, type ErrandKind, type ErrandStatus, type ForumMeetingKind } from '../domain/errands';
import type { ForumListName } from '../ports/list-source';
import { GROUP_CHOICES, MEETING_KIND_CHOICES } from './choices';
import { choiceColumn, plainColumn, type Column, type ListDefinition } from './column-types';

/** The forum year's own lists (the actions have theirs in `actions-schema.ts`). */
export type ForumYearListName = Exclude<ForumListName, 'actions'>;

export interface ForumYearListDefinition extends ListDefinition {
  list: ForumYearListName;
}

export const ERRAND_KIND_CHOICES = [
  ['Information', 'information'],
  ['Beslut', 'decision'],
  ['Diskussion', 'discussion'],
  ['Uppföljning', 'follow-up'],
] as const satisfies ReadonlyArray<readonly [string, ErrandKind]>;

export const ERRAND_STATUS_CHOICES = [
  ['Anmält', 'reported'],
  ['Berett', 'prepared'],
  ['Behandlat', 'handled'],
  ['Bordlagt', 'tabled'],
  ['Återremitterat', 'referred-back'],
] as const satisfies ReadonlyArray<readonly [string, ErrandStatus]>;

/** The meetings list's kinds in the follow-up's words (`joint` for joint with Västernorrland). */
export const FORUM_MEETING_KIND_CHOICES: ReadonlyArray<readonly [string, ForumMeetingKind]> = MEETING_KIND_CHOICES.map(
  ([text, kind]) => [text, forumMeetingKind(kind)] as const,
);

/** Whether a section holds areas or the agreements table. */
export const SECTION_KIND_CHOICES = [
  ['Områden', 'areas'],
  ['Avtal', 'agreements'],
] as const satisfies ReadonlyArray<readonly [string, 'areas' | 'agreements']>;

export const ERRANDS_LIST: ForumYearListDefinition = {
  list: 'errands',
  displayName: 'Ärenden SVOM',
  description: 'Ärenden på SVOM:s dagordningar: mötet de går till och de delar av balanslistan de gäller.',
  columns: [
    plainColumn('Title', 'Rubrik', 'text', 'The ärende as it stands on the agenda.', { required: true }),
    plainColumn('ErrandKey', 'Ärendenyckel', 'text', 'Stable key of the ärende (e.g. "2017-psykisk-1"); imports match on it.', {
      required: true,
      indexed: true,
      unique: true,
    }),
    plainColumn('MeetingKey', 'Möte', 'text', 'Key of the meeting (Möten SVOM, MeetingKey) the ärende goes to; empty when not known.', { indexed: true }),
    plainColumn('ErrandYear', 'År', 'number', "The year the ärende was on the agenda, when its meeting is not given; otherwise the meeting's year is used.", {
      indexed: true,
    }),
    plainColumn('EntryKeys', 'Balanslistans nycklar', 'note', 'EntryKey of each balance-list entry the ärende concerns, one per line.'),
    choiceColumn(
      'PreparingGroup',
      'Beredande grupp',
      GROUP_CHOICES,
      'The group that prepared it (Fredagsgruppen, L-IFO, ...); other names may be written in.',
      { allowFillIn: true },
    ),
    choiceColumn('ErrandKind', 'Typ av ärende', ERRAND_KIND_CHOICES, 'Information, beslut, diskussion or uppföljning.'),
    choiceColumn('ErrandStatus', 'Status', ERRAND_STATUS_CHOICES, 'Anmält, berett, behandlat, bordlagt or återremitterat; empty when not stated.'),
    plainColumn('Decision', 'Beslut och noteringar', 'note', 'The decision, or notes; plain text.'),
    plainColumn('DocumentLink', 'Handlingar', 'hyperlink', "Link to the ärende's documents."),
    plainColumn('SortOrder', 'Ordning', 'number', 'Position on the agenda, ascending.', { required: true }),
  ],
};

export const FORUM_LIST: ForumYearListDefinition = {
  list: 'forum',
  displayName: 'Forum SVOM',
  description: 'Forumets beskrivning och representation, som årets uppföljning skriver ut. En rad.',
  columns: [
    plainColumn('Title', 'Namn', 'text', 'The forum\'s name ("Sociala vård- och omsorgsgruppen").', { required: true }),
    plainColumn('ShortName', 'Förkortning', 'text', 'Short name ("SVOM").'),
    plainColumn('Description', 'Beskrivning', 'note', 'What the forum is.'),
    plainColumn('RepresentationMunicipalities', 'Representation kommunerna', 'note', 'Who represents the municipalities.'),
    plainColumn('RegionName', 'Regionens namn', 'text', 'The region\'s name ("Region Jämtland Härjedalen").'),
    plainColumn('RepresentationRegion', 'Representation regionen', 'note', 'Who represents the region.'),
    plainColumn('OtherParticipants', 'Övriga deltagare', 'note', 'Who else usually takes part, and why.'),
    plainColumn('Preparation', 'Beredning av ärenden', 'note', 'How ärenden are prepared, and by which groups.'),
    plainColumn('MeetingPlan', 'Mötesplanering', 'note', 'The ordinary meeting plan in words.'),
    plainColumn('PlannedMeetingsPerYear', 'Planerade möten per år', 'number', 'Ordinary meetings a year by the plan, joint ones included.'),
    plainColumn('GoalsText', 'Uppföljning av mål', 'note', 'Where the goals followed up come from.'),
    plainColumn('BalanceListText', 'Balanslistan', 'note', 'What the balance list is to the forum.'),
  ],
};

export const SECTIONS_LIST: ForumYearListDefinition = {
  list: 'sections',
  displayName: 'Avsnitt SVOM',
  description: 'Balanslistans avsnitt: namn, ordning och period. Ett nytt avsnitt här syns utan ny version.',
  columns: [
    plainColumn('Title', 'Rubrik', 'text', "The section's heading as printed.", { required: true }),
    plainColumn('SectionKey', 'Avsnittsnyckel', 'text', "Stable key the balance list's Section column may name instead of the heading.", {
      required: true,
      indexed: true,
      unique: true,
    }),
    plainColumn('SortOrder', 'Ordning', 'number', 'Position among the sections, ascending.', { required: true }),
    plainColumn('Period', 'Period', 'text', 'The period as written ("2019-2022"); empty when the section has none.'),
    choiceColumn('SectionKind', 'Innehåll', SECTION_KIND_CHOICES, 'Areas, or the table of agreements (their state at year end is reported).'),
    plainColumn('Description', 'Beskrivning', 'note', 'A line printed under the heading.'),
  ],
};

/** Columns of the meetings list for the forum's year (part of `MEETINGS_LIST`). */
export const MEETING_FORUM_YEAR_COLUMNS: Column[] = [
  // Display names of key columns differ per list, so an import file's headers tell its list.
  plainColumn('MeetingKey', 'Mötesnyckel', 'text', 'Stable key ärenden refer to (e.g. "2017-extra-april").', { indexed: true, unique: true }),
  plainColumn('MeetingYear', 'År', 'number', 'The year, when the day is not known (MeetingDate empty).'),
  plainColumn('MeetingMonth', 'Månad', 'number', 'The month 1-12, when the day is not known.'),
  plainColumn('Subject', 'Ämne', 'text', 'Why an extra meeting was called, or what an event was about.'),
];

export const FORUM_YEAR_LISTS: Record<ForumYearListName, ForumYearListDefinition> = {
  errands: ERRANDS_LIST,
  forum: FORUM_LIST,
  sections: SECTIONS_LIST,
};
