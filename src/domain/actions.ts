/**
 * Uppdrag: the actions a meeting gives ("Fredagsgruppen återkommer med förslag till nästa möte"),
 * each from an ärende, with a responsible group or person, a due date and a state. Pure types and
 * rules; the field mapping (`src/lists/actions-mapping.ts`) builds them from "Uppdrag SVOM".
 */
import { addDays, daysBetween } from './dates';
import type { CalendarDate } from './types';

/** Pågår, klart, struket. An item that states none counts as pågår. */
export type ActionStatus = 'open' | 'done' | 'struck';

/** A person of a SharePoint person column: the name shown, and the id in the site's user list. */
export interface PersonRef {
  /** Display name; '' when SharePoint knows the id but not (or no longer) the person. */
  name: string;
  /** Id in the site's user list (`<Column>LookupId`); null in a local file that names the person only. */
  lookupId: string | null;
}

/** One action of the list "Uppdrag SVOM". */
export interface Action {
  /** The list item's id. */
  id: string;
  /** Stable key written by the secretariat or the import, e.g. "2022-okt-1-a". */
  key: string;
  title: string;
  /** ErrandKey of the ärende that gave it; null when the item names none. */
  errandKey: string | null;
  /** The responsible group (Fredagsgruppen, or any name written in); '' when not stated. */
  group: string;
  /** The responsible person; null when not stated. */
  person: PersonRef | null;
  /** Due date (Stockholm); null when none is set. */
  due: CalendarDate | null;
  status: ActionStatus;
  /** The day it was done; null when not done or not recorded. */
  doneOn: CalendarDate | null;
  notes: string;
  eTag: string;
  editUrl: string;
}

/** Where an open action stands on a day: late, due within the horizon, or later / no due date. */
export type ActionTiming = 'overdue' | 'due-soon' | 'later';

/** Days an action is late on `today` (1 the day after its due date); 0 when not late or done. */
export function daysLate(action: Action, today: CalendarDate): number {
  if (action.status !== 'open' || action.due === null) return 0;
  return Math.max(0, daysBetween(action.due, today));
}

/** The timing of an open action on `today`; `soonDays` ahead counts as due soon (the due day included). */
export function actionTiming(action: Action, today: CalendarDate, soonDays: number): ActionTiming {
  if (action.due === null) return 'later';
  if (action.due < today) return 'overdue';
  return action.due <= addDays(today, soonDays) ? 'due-soon' : 'later';
}

/** Due date first (none last), then title: overdue actions come first, the latest-due last. */
export function compareActions(a: Action, b: Action): number {
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.title.localeCompare(b.title, 'sv') || a.key.localeCompare(b.key, 'sv');
}

/** The open actions by due date (overdue first). */
export function openActions(actions: readonly Action[]): Action[] {
  return actions.filter((action) => action.status === 'open').sort(compareActions);
}

/** The actions an ärende gave, by due date. */
export function actionsForErrand(actions: readonly Action[], errandKey: string): Action[] {
  return actions.filter((action) => action.errandKey === errandKey).sort(compareActions);
}

/**
 * The action's state at the end of `date` as far as the list tells: done or struck only from the
 * day it was done (a struck one has no day and counts as struck), open before that.
 */
export function actionStatusOn(action: Action, date: CalendarDate): ActionStatus {
  if (action.status === 'done') return action.doneOn !== null && action.doneOn > date ? 'open' : 'done';
  return action.status;
}
