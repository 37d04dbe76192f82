/**
 * The columns of "Uppdrag SVOM": the actions (uppdrag) a meeting gave, each from an ärende, with
 * who is responsible, by when, and where it stands. Same shapes as `schema.ts`, which gathers it
 * into `LISTS`, the single source for reading, provisioning, import, export and documentation.
 */
import type { ActionStatus } from '../domain/actions';
import { GROUP_CHOICES } from './choices';
import type { ListDefinition, PlainColumn } from './column-types';

export const ACTION_STATUS_CHOICES = [
  ['Pågår', 'open'],
  ['Klart', 'done'],
  ['Struket', 'struck'],
] as const satisfies ReadonlyArray<readonly [string, ActionStatus]>;

const column = (name: string, displayName: string, type: PlainColumn['type'], description: string, extra: Partial<PlainColumn> = {}): PlainColumn => ({
  name,
  displayName,
  type,
  required: false,
  indexed: false,
  description,
  ...extra,
});

export const ACTIONS_LIST: ListDefinition = {
  list: 'actions',
  displayName: 'Uppdrag SVOM',
  description: 'Uppdrag från SVOM:s möten: vad som ska göras, av vem och till när, och från vilket ärende.',
  columns: [
    column('Title', 'Uppdrag', 'text', 'What is to be done ("Fredagsgruppen återkommer med förslag till nästa möte").', { required: true }),
    column('ActionKey', 'Uppdragsnyckel', 'text', 'Stable key of the action (e.g. "2022-okt-1-a"); imports match on it.', {
      required: true,
      indexed: true,
      unique: true,
    }),
    column(
      'ErrandKey',
      'Från ärende',
      'text',
      'ErrandKey of the ärende (Ärenden SVOM) that gave the action; its meeting is the meeting the action comes from.',
      {
        indexed: true,
      },
    ),
    {
      name: 'ResponsibleGroup',
      displayName: 'Ansvarig grupp',
      type: 'choice',
      required: false,
      indexed: true,
      allowFillIn: true,
      values: GROUP_CHOICES,
      description: 'The group responsible (Fredagsgruppen, L-IFO, ...); other names may be written in.',
    },
    column('Responsible', 'Ansvarig person', 'person', 'The person responsible, chosen from the organisation; shown by name.'),
    column('DueDate', 'Klart senast', 'dateOnly', 'The day the action is due (Swedish date).', { indexed: true }),
    {
      name: 'ActionStatus',
      displayName: 'Status',
      type: 'choice',
      required: false,
      indexed: true,
      allowFillIn: false,
      values: ACTION_STATUS_CHOICES,
      description: 'Pågår, klart or struket; empty counts as pågår.',
    },
    column('DoneDate', 'Klart den', 'dateOnly', 'The day the action was done (set with Klart).'),
    column('Notes', 'Noteringar', 'note', 'Free-text notes, plain text.'),
  ],
};
