/**
 * The columns of "Uppdrag SVOM": the actions (uppdrag) a meeting gave, each from an ärende, with
 * who is responsible, by when, and where it stands. Same shapes as `schema.ts`, which gathers it
 * into `LISTS`, the single source for reading, provisioning, import, export and documentation.
 */
import type { ActionStatus } from '../domain/actions';
import { GROUP_CHOICES } from './choices';
import { choiceColumn, plainColumn, type ListDefinition } from './column-types';

export const ACTION_STATUS_CHOICES = [
  ['Pågår', 'open'],
  ['Klart', 'done'],
  ['Struket', 'struck'],
] as const satisfies ReadonlyArray<readonly [string, ActionStatus]>;

export const ACTIONS_LIST: ListDefinition = {
  list: 'actions',
  displayName: 'Uppdrag SVOM',
  description: 'Uppdrag från SVOM:s möten: vad som ska göras, av vem och till när, och från vilket ärende.',
  columns: [
    plainColumn('Title', 'Uppdrag', 'text', 'What is to be done ("Fredagsgruppen återkommer med förslag till nästa möte").', {
      hint: 'Vad som ska göras, t.ex. Fredagsgruppen återkommer med förslag till nästa möte.',
      required: true,
    }),
    plainColumn('ActionKey', 'Uppdragsnyckel', 'text', 'Stable key of the action (e.g. "2022-okt-1-a"); imports match on it.', {
      hint: 'Fast nyckel för uppdraget, t.ex. 2022-okt-1-a. Ändra den inte: importer hänvisar till den.',
      required: true,
      indexed: true,
      unique: true,
    }),
    plainColumn(
      'ErrandKey',
      'Från ärende',
      'text',
      'ErrandKey of the ärende (Ärenden SVOM) that gave the action; its meeting is the meeting the action comes from.',
      { hint: 'Ärendenyckeln (från Ärenden SVOM) för ärendet som gav uppdraget. Uppdraget kommer från det ärendets möte.', indexed: true },
    ),
    choiceColumn('ResponsibleGroup', 'Ansvarig grupp', GROUP_CHOICES, 'The group responsible (Fredagsgruppen, L-IFO, ...); other names may be written in.', {
      hint: 'Den ansvariga gruppen, t.ex. Fredagsgruppen eller L-IFO. Andra namn kan skrivas in.',
      indexed: true,
      allowFillIn: true,
    }),
    plainColumn('Responsible', 'Ansvarig person', 'person', 'The person responsible, chosen from the organisation; shown by name.', {
      hint: 'Den ansvariga personen, vald ur organisationen. Påminnelser i Teams nämner personen.',
    }),
    plainColumn('DueDate', 'Klart senast', 'dateOnly', 'The day the action is due (Swedish date).', {
      hint: 'Dagen då uppdraget ska vara klart.',
      indexed: true,
    }),
    choiceColumn('ActionStatus', 'Status', ACTION_STATUS_CHOICES, 'Pågår, klart or struket; empty counts as pågår.', {
      hint: 'Pågår, klart eller struket. Tom räknas som pågår.',
      indexed: true,
    }),
    plainColumn('DoneDate', 'Klart den', 'dateOnly', 'The day the action was done (set with Klart).', {
      hint: 'Dagen då uppdraget blev klart. Fylls i när någon väljer Klart i Teams.',
    }),
    plainColumn('Notes', 'Noteringar', 'note', 'Free-text notes, plain text.', { hint: 'Fria noteringar, vanlig text.' }),
  ],
};
