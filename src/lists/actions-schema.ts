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
    plainColumn('Title', 'Uppdrag', 'text', 'What is to be done ("Fredagsgruppen återkommer med förslag till nästa möte").', { required: true }),
    plainColumn('ActionKey', 'Uppdragsnyckel', 'text', 'Stable key of the action (e.g. "2022-okt-1-a"); imports match on it.', {
      required: true,
      indexed: true,
      unique: true,
    }),
    plainColumn(
      'ErrandKey',
      'Från ärende',
      'text',
      'ErrandKey of the ärende (Ärenden SVOM) that gave the action; its meeting is the meeting the action comes from.',
      {
        indexed: true,
      },
    ),
    choiceColumn('ResponsibleGroup', 'Ansvarig grupp', GROUP_CHOICES, 'The group responsible (Fredagsgruppen, L-IFO, ...); other names may be written in.', {
      indexed: true,
      allowFillIn: true,
    }),
    plainColumn('Responsible', 'Ansvarig person', 'person', 'The person responsible, chosen from the organisation; shown by name.'),
    plainColumn('DueDate', 'Klart senast', 'dateOnly', 'The day the action is due (Swedish date).', { indexed: true }),
    choiceColumn('ActionStatus', 'Status', ACTION_STATUS_CHOICES, 'Pågår, klart or struket; empty counts as pågår.', { indexed: true }),
    plainColumn('DoneDate', 'Klart den', 'dateOnly', 'The day the action was done (set with Klart).'),
    plainColumn('Notes', 'Noteringar', 'note', 'Free-text notes, plain text.'),
  ],
};
