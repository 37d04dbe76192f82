/**
 * An example of a held meeting for the local demo: the last ordinary meeting before `today`, two
 * ärenden with their decisions, and the actions they gave (one overdue, one due within a week, one
 * done), so a fresh start shows a filled Uppdrag view and reminders. Like the example meetings,
 * every title starts with "Exempel:" and every note says it is example data.
 */
import { addDays } from '../domain/dates';
import type { CalendarDate } from '../domain/types';
import { EXAMPLE_NOTE, EXAMPLE_TITLE_PREFIX, previousExampleDate } from './example-meetings';

export const EXAMPLE_ACTION_NOTE = 'Exempeldata för att visa appen – inget beslutat uppdrag. Ta bort eller ersätt med forumets riktiga uppdrag.';

/** Items of the meetings, ärenden and actions lists (SharePoint schema fields). */
export interface ExampleFollowUp {
  meeting: Record<string, unknown>;
  errands: Array<Record<string, unknown>>;
  actions: Array<Record<string, unknown>>;
}

/**
 * The example held meeting before `today` with its ärenden and actions. `entryKeys` are the
 * balance list's keys: an ärende names only entries that exist, so the example adds no problems.
 */
export function exampleFollowUpFields(today: CalendarDate, entryKeys: ReadonlySet<string>): ExampleFollowUp {
  const date = previousExampleDate(today);
  const key = `exempel-${date}`;
  const entries = (...keys: string[]) => keys.filter((candidate) => entryKeys.has(candidate)).join('\n');
  const meeting = {
    Title: `${EXAMPLE_TITLE_PREFIX} SVOM ordinarie möte`,
    MeetingKey: key,
    MeetingDate: date,
    StartTime: '09:00',
    MeetingKind: 'Ordinarie',
    Location: 'Östersund',
    PreparingGroups: ['Fredagsgruppen', 'L-IFO'],
    Notes: EXAMPLE_NOTE,
  };
  const errands = [
    {
      Title: `${EXAMPLE_TITLE_PREFIX} Handlingsplan för psykisk hälsa`,
      ErrandKey: `${key}-1`,
      MeetingKey: key,
      EntryKeys: entries('prio-3'),
      PreparingGroup: 'Fredagsgruppen',
      ErrandKind: 'Beslut',
      ErrandStatus: 'Behandlat',
      Decision: 'Exempel: SVOM ställer sig bakom inriktningen. Fredagsgruppen återkommer med förslag till nästa möte.',
      SortOrder: 1,
    },
    {
      Title: `${EXAMPLE_TITLE_PREFIX} Välfärdsteknologi – lägesrapport`,
      ErrandKey: `${key}-2`,
      MeetingKey: key,
      EntryKeys: entries('prio-1'),
      PreparingGroup: 'L-IFO',
      ErrandKind: 'Information',
      ErrandStatus: 'Behandlat',
      Decision: 'Exempel: Informationen noteras. Avtalet revideras före årsskiftet.',
      SortOrder: 2,
    },
  ];
  // Overdue by up to three days, but never due before the meeting that gave it.
  const overdue = addDays(today, -3) > date ? addDays(today, -3) : date;
  const actions = [
    {
      Title: `${EXAMPLE_TITLE_PREFIX} Skicka den reviderade handlingsplanen till kommunerna`,
      ActionKey: `${key}-1-a`,
      ErrandKey: `${key}-1`,
      ResponsibleGroup: 'Fredagsgruppen',
      DueDate: overdue,
      ActionStatus: 'Pågår',
      Notes: EXAMPLE_ACTION_NOTE,
    },
    {
      Title: `${EXAMPLE_TITLE_PREFIX} Återkom med förslag till nästa möte`,
      ActionKey: `${key}-1-b`,
      ErrandKey: `${key}-1`,
      ResponsibleGroup: 'Fredagsgruppen',
      DueDate: addDays(today, 5),
      ActionStatus: 'Pågår',
      Notes: EXAMPLE_ACTION_NOTE,
    },
    {
      Title: `${EXAMPLE_TITLE_PREFIX} Revidera avtalet om välfärdsteknologi`,
      ActionKey: `${key}-2-a`,
      ErrandKey: `${key}-2`,
      ResponsibleGroup: 'L-IFO',
      DueDate: addDays(today, 30),
      ActionStatus: 'Pågår',
      Notes: EXAMPLE_ACTION_NOTE,
    },
    {
      Title: `${EXAMPLE_TITLE_PREFIX} Skicka ut minnesanteckningarna`,
      ActionKey: `${key}-2-b`,
      ErrandKey: `${key}-2`,
      ResponsibleGroup: 'SVOM',
      DueDate: addDays(date, 7),
      ActionStatus: 'Klart',
      DoneDate: addDays(date, 2) < today ? addDays(date, 2) : date,
      Notes: EXAMPLE_ACTION_NOTE,
    },
  ];
  return { meeting, errands, actions };
}
