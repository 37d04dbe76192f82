/**
 * The SharePoint lists' columns: the single source of truth used to read items (`$select`), map
 * them to the domain, document them (`npm run docs:schema`), provision, import and export them.
 * The forum's year's own lists ("Ärenden SVOM", "Forum SVOM", "Avsnitt SVOM") are defined in
 * `forum-year-schema.ts`, the actions ("Uppdrag SVOM") in `actions-schema.ts`; both join `LISTS` here.
 *
 * Choice columns store the Swedish display text; `values` maps each text to the domain value.
 */
import type { EntryKind, EntryStatus, RevisionStatus, Section } from '../domain/types';
import type { ListName } from '../ports/list-source';
import { GROUP_CHOICES, MEETING_KIND_CHOICES } from './choices';
import type { ListDefinition, PlainColumn } from './column-types';
import { ACTIONS_LIST } from './actions-schema';
import { ERRANDS_LIST, FORUM_LIST, MEETING_FORUM_YEAR_COLUMNS, SECTIONS_LIST } from './forum-year-schema';

export { GROUP_CHOICES, MEETING_KIND_CHOICES } from './choices';

export type { ChoiceColumn, Column, ColumnType, ListDefinition, PlainColumn } from './column-types';

export const SECTION_CHOICES = [
  ['Mål för gemensam hälso- och sjukvårdspolitik 2014-2025', 'goals'],
  ['SVOM:s prioriterade områden 2019-2022', 'priorities'],
  ['Gemensam hälso- och sjukvårdspolitik / Strategi för hälsa', 'strategy'],
  ['Flera områden', 'several'],
  ['Överenskommelser och avtal rekommendationsbeslutade av SVOM', 'agreements'],
] as const satisfies ReadonlyArray<readonly [string, Section]>;

export const ENTRY_KIND_CHOICES = [
  ['Målområde', 'goal-area'],
  ['Delmål', 'sub-goal'],
  ['Prioriterat område', 'priority-area'],
  ['Rubrik', 'heading'],
  ['Ämne', 'topic'],
  ['Punkt', 'item'],
  ['Avtal', 'agreement'],
] as const satisfies ReadonlyArray<readonly [string, EntryKind]>;

export const STATUS_CHOICES = [
  ['Pågår', 'active'],
  ['Ej påbörjad', 'not-started'],
  ['Bevakas', 'monitoring'],
  ['Vilande', 'paused'],
  ['Klar', 'done'],
] as const satisfies ReadonlyArray<readonly [string, EntryStatus]>;

export const REVISION_CHOICES = [
  ['Ej behov av revision', 'not-needed'],
  ['Revision kan behövas', 'may-be-needed'],
  ['Revision påbörjad', 'started'],
  ['Reviderad', 'revised'],
] as const satisfies ReadonlyArray<readonly [string, RevisionStatus]>;

const title = (description: string, hint: string): PlainColumn => ({
  name: 'Title',
  displayName: 'Rubrik',
  type: 'text',
  required: true,
  indexed: false,
  description,
  hint,
});

export const BALANCE_LIST: ListDefinition = {
  list: 'balance',
  displayName: 'Balanslista SVOM',
  description: 'SVOM:s balanslista: mål, prioriterade områden, ämnen och överenskommelser.',
  columns: [
    title(
      "The entry's text: a goal, area, topic, item or the agreement's name.",
      'Målets, områdets, ämnets eller överenskommelsens text, som den står i balanslistan.',
    ),
    {
      name: 'EntryKey',
      displayName: 'Nyckel',
      type: 'text',
      required: true,
      indexed: true,
      unique: true,
      description: 'Stable key of the entry (e.g. "mal-1-3"); parents refer to it, imports match on it.',
      hint: 'Fast nyckel för raden, t.ex. mal-1-3. Ändra den inte: andra rader och importer hänvisar till den.',
    },
    {
      name: 'Section',
      displayName: 'Avsnitt',
      type: 'choice',
      required: true,
      indexed: true,
      // Fill-in: a section added to "Avsnitt SVOM" is written here without a new version.
      allowFillIn: true,
      values: SECTION_CHOICES,
      description:
        'The part of the balance list document the entry belongs to: one of the 2022 list\'s five, or, where the list "Avsnitt SVOM" has sections, the heading or key (Avsnittsnyckel) of one of them.',
      hint: 'Den del av balanslistan som raden hör till. Ett avsnitt från listan Avsnitt SVOM kan skrivas in med sin rubrik eller nyckel.',
    },
    {
      name: 'EntryKind',
      displayName: 'Typ',
      type: 'choice',
      required: true,
      indexed: true,
      allowFillIn: false,
      values: ENTRY_KIND_CHOICES,
      description: 'Goal area, sub-goal, priority area, heading, topic, item or agreement.',
      hint: 'Vad raden är: målområde, delmål, prioriterat område, rubrik, ämne, punkt eller överenskommelse.',
    },
    {
      name: 'ParentKey',
      displayName: 'Överordnad nyckel',
      type: 'text',
      required: false,
      indexed: false,
      description: 'EntryKey of the entry this one sits under; empty at the top of a section.',
      hint: 'Nyckeln för raden som den här står under. Lämna tom för en rad överst i ett avsnitt.',
    },
    {
      name: 'SortOrder',
      displayName: 'Ordning',
      type: 'number',
      required: true,
      indexed: false,
      description: 'Position among its siblings, ascending.',
      hint: 'Radens plats bland raderna under samma överordnade rad, lägst först.',
    },
    {
      name: 'EntryStatus',
      displayName: 'Status',
      type: 'choice',
      required: false,
      indexed: false,
      allowFillIn: false,
      values: STATUS_CHOICES,
      description: 'Where the work on the entry stands; empty when not stated.',
      hint: 'Hur arbetet står. Lämna tom om det inte är angivet.',
    },
    {
      name: 'PreparingGroups',
      displayName: 'Beredande forum',
      type: 'multiChoice',
      required: false,
      indexed: false,
      allowFillIn: true,
      values: GROUP_CHOICES,
      description: 'Groups that prepare the entry for SVOM (Fredagsgruppen, L-IFO, ...).',
      hint: 'Grupper som bereder frågan inför SVOM, t.ex. Fredagsgruppen eller L-IFO. Andra namn kan skrivas in.',
    },
    {
      name: 'Notes',
      displayName: 'Noteringar',
      type: 'note',
      required: false,
      indexed: false,
      description: 'Free-text notes, plain text.',
      hint: 'Fria noteringar, vanlig text.',
    },
    {
      name: 'NextFollowUp',
      displayName: 'Nästa uppföljning',
      type: 'dateOnly',
      required: false,
      indexed: true,
      description: 'Date of the meeting where the entry is next followed up.',
      hint: 'Datum för mötet där frågan följs upp nästa gång.',
    },
    {
      name: 'ValidityText',
      displayName: 'Giltighetstid',
      type: 'text',
      required: false,
      indexed: false,
      description: 'Agreements: validity as written ("2021-2023", "t.o.m. 2022-12-31").',
      hint: 'Överenskommelser: giltighetstiden som den är skriven, t.ex. 2021-2023 eller t.o.m. 2022-12-31.',
    },
    {
      name: 'ValidFrom',
      displayName: 'Giltig från',
      type: 'dateOnly',
      required: false,
      indexed: false,
      description: 'Agreements: first day of validity; when empty it is read from Giltighetstid.',
      hint: 'Överenskommelser: första giltiga dag. Lämna tom så läses den ur Giltighetstid.',
    },
    {
      name: 'ValidTo',
      displayName: 'Giltig till och med',
      type: 'dateOnly',
      required: false,
      indexed: true,
      description: 'Agreements: last day of validity; when empty it is read from Giltighetstid.',
      hint: 'Överenskommelser: sista giltiga dag. Lämna tom så läses den ur Giltighetstid.',
    },
    {
      name: 'RecommendingForums',
      displayName: 'Rekommendationsbeslutande forum',
      type: 'multiChoice',
      required: false,
      indexed: false,
      allowFillIn: true,
      values: GROUP_CHOICES,
      description: 'Agreements: the forum(s) that recommend adoption.',
      hint: 'Överenskommelser: de forum som rekommenderar att den antas.',
    },
    {
      name: 'RevisionStatus',
      displayName: 'Revisionsstatus',
      type: 'choice',
      required: false,
      indexed: false,
      allowFillIn: false,
      values: REVISION_CHOICES,
      description: 'Agreements: whether a revision is needed, started or done.',
      hint: 'Överenskommelser: om revision behövs, har påbörjats eller är klar.',
    },
    {
      name: 'RevisionUpdatedBy',
      displayName: 'Revisionsstatus ändrad av',
      type: 'text',
      required: false,
      indexed: false,
      description: 'Agreements: who last changed the revision status (written by the bot).',
      hint: 'Överenskommelser: vem som senast ändrade revisionsstatus. Fylls i av appen.',
    },
    {
      name: 'RevisionUpdatedAt',
      displayName: 'Revisionsstatus ändrad',
      type: 'dateTime',
      required: false,
      indexed: false,
      description: 'Agreements: when the revision status was last changed (written by the bot).',
      hint: 'Överenskommelser: när revisionsstatus senast ändrades. Fylls i av appen.',
    },
  ],
};

export const MEETINGS_LIST: ListDefinition = {
  list: 'meetings',
  displayName: 'Möten SVOM',
  description: 'SVOM:s möten: ordinarie, extra, gemensamma med Västernorrland och andra evenemang.',
  columns: [
    title("The meeting's title.", 'Mötets rubrik.'),
    {
      name: 'MeetingDate',
      displayName: 'Datum',
      type: 'dateOnly',
      // Not required: the follow-up records meetings known only to the month or the year.
      required: false,
      indexed: true,
      description: 'The day of the meeting; empty when only MeetingYear (and MeetingMonth) is known.',
      hint: 'Mötesdagen. Lämna tom om bara år (och månad) är kända.',
    },
    {
      name: 'StartTime',
      displayName: 'Starttid',
      type: 'text',
      required: false,
      indexed: false,
      description: 'Start time HH:MM, Swedish time; empty when not decided.',
      hint: 'Starttid som TT:MM i svensk tid, t.ex. 13:00. Lämna tom om den inte är bestämd.',
    },
    {
      name: 'MeetingKind',
      displayName: 'Mötestyp',
      type: 'choice',
      required: false,
      indexed: false,
      allowFillIn: false,
      values: MEETING_KIND_CHOICES,
      description: 'Ordinary, extra, joint with Västernorrland, or another event (Annat evenemang).',
      hint: 'Ordinarie, extra, gemensamt med Västernorrland eller annat evenemang.',
    },
    {
      name: 'Location',
      displayName: 'Plats',
      type: 'text',
      required: false,
      indexed: false,
      description: 'Where the meeting is held.',
      hint: 'Var mötet hålls.',
    },
    {
      name: 'MeetingLink',
      displayName: 'Länk',
      type: 'hyperlink',
      required: false,
      indexed: false,
      description: "Link to join the Teams meeting: the meeting's side panel finds its agenda by it. One link per meeting.",
      hint: 'Klistra in länken för att ansluta till Teams-mötet, så visas mötets dagordning i mötets sidopanel i Teams. Varje möte har sin egen länk.',
    },
    {
      name: 'ItemDeadline',
      displayName: 'Sista dag för ärenden',
      type: 'dateOnly',
      required: false,
      indexed: false,
      description: 'Last day to submit items for the agenda.',
      hint: 'Sista dag att anmäla ärenden till dagordningen.',
    },
    {
      name: 'PreparingGroups',
      displayName: 'Beredande forum',
      type: 'multiChoice',
      required: false,
      indexed: false,
      allowFillIn: true,
      values: GROUP_CHOICES,
      description: "Groups that prepare the meeting's items.",
      hint: 'Grupper som bereder mötets ärenden.',
    },
    {
      name: 'Notes',
      displayName: 'Noteringar',
      type: 'note',
      required: false,
      indexed: false,
      description: 'Free-text notes, plain text.',
      hint: 'Fria noteringar, vanlig text.',
    },
    ...MEETING_FORUM_YEAR_COLUMNS,
  ],
};

/** Every list, keyed by name; `LIST_NAMES` (ports) gives their order. */
export const LISTS: Record<ListName, ListDefinition> = {
  balance: BALANCE_LIST,
  meetings: MEETINGS_LIST,
  errands: ERRANDS_LIST,
  forum: FORUM_LIST,
  sections: SECTIONS_LIST,
  actions: ACTIONS_LIST,
};

/**
 * The `$select` for a list's fields: exactly the columns we use. A person column is named twice:
 * `<Name>` brings the person's display name, `<Name>LookupId` the id in the site's user list.
 */
export function selectFields(list: ListName): string[] {
  return LISTS[list].columns.flatMap((column) => (column.type === 'person' ? [column.name, `${column.name}LookupId`] : [column.name]));
}
