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
    plainColumn('Title', 'Rubrik', 'text', 'The ärende as it stands on the agenda.', { hint: 'Ärendet som det står på dagordningen.', required: true }),
    plainColumn('ErrandKey', 'Ärendenyckel', 'text', 'Stable key of the ärende (e.g. "2017-psykisk-1"); imports match on it.', {
      hint: 'Fast nyckel för ärendet, t.ex. 2017-psykisk-1. Ändra den inte: uppdrag och importer hänvisar till den.',
      required: true,
      indexed: true,
      unique: true,
    }),
    plainColumn('MeetingKey', 'Möte', 'text', 'Key of the meeting (Möten SVOM, MeetingKey) the ärende goes to; empty when not known.', {
      hint: 'Mötesnyckeln (från Möten SVOM) för mötet som ärendet går till. Lämna tom om mötet inte är känt.',
      indexed: true,
    }),
    plainColumn('ErrandYear', 'År', 'number', "The year the ärende was on the agenda, when its meeting is not given; otherwise the meeting's year is used.", {
      hint: 'Året då ärendet var på dagordningen, om mötet inte är angivet. Annars gäller mötets år.',
      indexed: true,
    }),
    plainColumn('EntryKeys', 'Balanslistans nycklar', 'note', 'EntryKey of each balance-list entry the ärende concerns, one per line.', {
      hint: 'Nycklarna till de rader i balanslistan som ärendet gäller, en per rad.',
    }),
    choiceColumn(
      'PreparingGroup',
      'Beredande grupp',
      GROUP_CHOICES,
      'The group that prepared it (Fredagsgruppen, L-IFO, ...); other names may be written in.',
      { hint: 'Gruppen som har berett ärendet, t.ex. Fredagsgruppen eller L-IFO. Andra namn kan skrivas in.', allowFillIn: true },
    ),
    choiceColumn('ErrandKind', 'Typ av ärende', ERRAND_KIND_CHOICES, 'Information, beslut, diskussion or uppföljning.', {
      hint: 'Information, beslut, diskussion eller uppföljning.',
    }),
    choiceColumn('ErrandStatus', 'Status', ERRAND_STATUS_CHOICES, 'Anmält, berett, behandlat, bordlagt or återremitterat; empty when not stated.', {
      hint: 'Anmält, berett, behandlat, bordlagt eller återremitterat. Lämna tom om det inte är angivet.',
    }),
    plainColumn('Decision', 'Beslut och noteringar', 'note', 'The decision, or notes; plain text.', {
      hint: 'Beslutet eller noteringar från mötet, som vanlig text.',
    }),
    plainColumn('DocumentLink', 'Handlingar', 'hyperlink', "Link to the ärende's documents.", { hint: 'Länk till ärendets handlingar.' }),
    plainColumn('SortOrder', 'Ordning', 'number', 'Position on the agenda, ascending.', {
      hint: 'Ärendets plats på dagordningen, lägst först.',
      required: true,
    }),
  ],
};

export const FORUM_LIST: ForumYearListDefinition = {
  list: 'forum',
  displayName: 'Forum SVOM',
  description: 'Forumets beskrivning och representation, som årets uppföljning skriver ut. En rad.',
  columns: [
    plainColumn('Title', 'Namn', 'text', 'The forum\'s name ("Sociala vård- och omsorgsgruppen").', {
      hint: 'Forumets namn, t.ex. Sociala vård- och omsorgsgruppen.',
      required: true,
    }),
    plainColumn('ShortName', 'Förkortning', 'text', 'Short name ("SVOM").', { hint: 'Förkortning, t.ex. SVOM.' }),
    plainColumn('Description', 'Beskrivning', 'note', 'What the forum is.', { hint: 'Vad forumet är. Skrivs ut i årets uppföljning.' }),
    plainColumn('RepresentationMunicipalities', 'Representation kommunerna', 'note', 'Who represents the municipalities.', {
      hint: 'Vilka som representerar kommunerna.',
    }),
    plainColumn('RegionName', 'Regionens namn', 'text', 'The region\'s name ("Region Jämtland Härjedalen").', {
      hint: 'Regionens namn, t.ex. Region Jämtland Härjedalen.',
    }),
    plainColumn('RepresentationRegion', 'Representation regionen', 'note', 'Who represents the region.', { hint: 'Vilka som representerar regionen.' }),
    plainColumn('OtherParticipants', 'Övriga deltagare', 'note', 'Who else usually takes part, and why.', {
      hint: 'Vilka som brukar delta i övrigt, och varför.',
    }),
    plainColumn('Preparation', 'Beredning av ärenden', 'note', 'How ärenden are prepared, and by which groups.', {
      hint: 'Hur ärenden bereds, och av vilka grupper.',
    }),
    plainColumn('MeetingPlan', 'Mötesplanering', 'note', 'The ordinary meeting plan in words.', { hint: 'Den ordinarie mötesplaneringen i ord.' }),
    plainColumn('PlannedMeetingsPerYear', 'Planerade möten per år', 'number', 'Ordinary meetings a year by the plan, joint ones included.', {
      hint: 'Antal ordinarie möten per år enligt planeringen, gemensamma möten medräknade.',
    }),
    plainColumn('GoalsText', 'Uppföljning av mål', 'note', 'Where the goals followed up come from.', { hint: 'Var målen som följs upp kommer ifrån.' }),
    plainColumn('BalanceListText', 'Balanslistan', 'note', 'What the balance list is to the forum.', { hint: 'Vad balanslistan är för forumet.' }),
  ],
};

export const SECTIONS_LIST: ForumYearListDefinition = {
  list: 'sections',
  displayName: 'Avsnitt SVOM',
  description: 'Balanslistans avsnitt: namn, ordning och period. Ett nytt avsnitt här syns utan ny version.',
  columns: [
    plainColumn('Title', 'Rubrik', 'text', "The section's heading as printed.", { hint: 'Avsnittets rubrik som den skrivs ut.', required: true }),
    plainColumn('SectionKey', 'Avsnittsnyckel', 'text', "Stable key the balance list's Section column may name instead of the heading.", {
      hint: 'Fast nyckel för avsnittet. Kolumnen Avsnitt i balanslistan kan ange den i stället för rubriken.',
      required: true,
      indexed: true,
      unique: true,
    }),
    plainColumn('SortOrder', 'Ordning', 'number', 'Position among the sections, ascending.', {
      hint: 'Avsnittets plats bland avsnitten, lägst först.',
      required: true,
    }),
    plainColumn('Period', 'Period', 'text', 'The period as written ("2019-2022"); empty when the section has none.', {
      hint: 'Perioden som den skrivs, t.ex. 2019-2022. Lämna tom om avsnittet inte har någon.',
    }),
    choiceColumn('SectionKind', 'Innehåll', SECTION_KIND_CHOICES, 'Areas, or the table of agreements (their state at year end is reported).', {
      hint: 'Områden, eller tabellen över överenskommelser (deras läge vid årets slut redovisas).',
    }),
    plainColumn('Description', 'Beskrivning', 'note', 'A line printed under the heading.', { hint: 'En rad som skrivs ut under rubriken.' }),
  ],
};

/** Columns of the meetings list for the forum's year (part of `MEETINGS_LIST`). */
export const MEETING_FORUM_YEAR_COLUMNS: Column[] = [
  // Display names of key columns differ per list, so an import file's headers tell its list.
  plainColumn('MeetingKey', 'Mötesnyckel', 'text', 'Stable key ärenden refer to (e.g. "2017-extra-april").', {
    hint: 'Fast nyckel som ärenden hänvisar till, t.ex. 2017-extra-april. Ändra den inte.',
    indexed: true,
    unique: true,
  }),
  plainColumn('MeetingYear', 'År', 'number', 'The year, when the day is not known (MeetingDate empty).', {
    hint: 'Året, när mötesdagen inte är känd (Datum är tomt).',
  }),
  plainColumn('MeetingMonth', 'Månad', 'number', 'The month 1-12, when the day is not known.', { hint: 'Månaden 1-12, när mötesdagen inte är känd.' }),
  plainColumn('Subject', 'Ämne', 'text', 'Why an extra meeting was called, or what an event was about.', {
    hint: 'Varför ett extra möte kallades, eller vad ett evenemang handlade om.',
  }),
];

export const FORUM_YEAR_LISTS: Record<ForumYearListName, ForumYearListDefinition> = {
  errands: ERRANDS_LIST,
  forum: FORUM_LIST,
  sections: SECTIONS_LIST,
};
