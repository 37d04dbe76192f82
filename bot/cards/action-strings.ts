/**
 * The words of the action cards (uppdrag): the reminder and the day-after card "Beslut och uppdrag
 * från mötet …", in Swedish and English.
 */
import type { Language } from '../contracts';
import { dayCount } from '../../src/vocabulary';
import { SNOOZE_DAYS } from './actions';

const sv = {
  heading: (stage: 'soon' | 'today' | 'overdue', days: number) =>
    stage === 'overdue'
      ? `Uppdraget är försenat (${days === 1 ? '1 dag' : `${days} dagar`})`
      : stage === 'today'
        ? 'Uppdraget ska vara klart i dag'
        : `Uppdraget ska vara klart om ${days === 1 ? '1 dag' : `${days} dagar`}`,
  due: 'Klart senast',
  responsible: 'Ansvarig',
  nobody: 'Ingen ansvarig angiven',
  unknownPerson: 'okänd person',
  errand: 'Från ärende',
  meeting: 'Möte',
  done: 'Klart',
  remindAgain: `Påminn igen om ${dayCount(SNOOZE_DAYS, 'sv')}`,
  openActions: 'Visa alla uppdrag',
  doneBy: (by: string, date: string) => `Markerat klart av ${by} ${date}.`,
  already: (date: string | null) => `Uppdraget är redan klart${date ? ` (${date})` : ''}. Inget ändrat.`,
  conflict: 'Någon ändrade uppdraget under tiden, så ingenting sparades. Öppna Uppdrag i fliken och försök igen.',
  gone: 'Uppdraget finns inte längre i listan. Påminnelsen gäller inte längre.',
  summary: (title: string, due: string) => `Uppdrag ${title}, klart senast ${due}`,
  digestHeading: 'Öppna uppdrag',
  digestNone: 'Inga öppna uppdrag.',
  noDue: 'Inget slutdatum',
  timing: (daysLeft: number) =>
    daysLeft < 0
      ? `${-daysLeft === 1 ? '1 dag' : `${-daysLeft} dagar`} försenat`
      : daysLeft === 0
        ? 'i dag'
        : `${daysLeft === 1 ? '1 dag' : `${daysLeft} dagar`} kvar`,
  outcomeHeading: (date: string) => `Beslut och uppdrag från mötet ${date}`,
  outcomeCounts: (errands: number, undecided: number, actions: number) =>
    [
      errands === 1 ? '1 ärende' : `${errands} ärenden`,
      undecided === 0 ? '' : `${undecided} utan antecknat beslut`,
      actions === 0 ? 'inga uppdrag' : actions === 1 ? '1 uppdrag' : `${actions} uppdrag`,
    ]
      .filter(Boolean)
      .join(' · '),
  noDecision: 'Inget beslut antecknat ännu',
  outcomeAction: (title: string, who: string, due: string) => `• Uppdrag: ${title} – ${who}, klart senast ${due}`,
  outcomeDone: 'redan klart',
  outcomeStruck: 'struket',
  noDueDate: 'inget slutdatum satt',
  moreActions: (count: number) => `… och ${count} uppdrag till`,
  moreErrands: (count: number) => `… och ${count === 1 ? '1 ärende' : `${count} ärenden`} till, se minnesanteckningarna`,
  openMeeting: 'Visa mötet',
  minutes: 'Minnesanteckningar (Word)',
  outcomeSummary: (title: string, date: string) => `Beslut och uppdrag från mötet ${title}, ${date}`,
};

export type ActionStrings = typeof sv;

const en: ActionStrings = {
  heading: (stage, days) =>
    stage === 'overdue'
      ? `The action is overdue (${days === 1 ? '1 day' : `${days} days`})`
      : stage === 'today'
        ? 'The action is due today'
        : `The action is due in ${days === 1 ? '1 day' : `${days} days`}`,
  due: 'Due',
  responsible: 'Responsible',
  nobody: 'Nobody named',
  unknownPerson: 'unknown person',
  errand: 'From item',
  meeting: 'Meeting',
  done: 'Done',
  remindAgain: `Remind me again in ${dayCount(SNOOZE_DAYS, 'en')}`,
  openActions: 'Show all actions',
  doneBy: (by, date) => `Marked done by ${by} on ${date}.`,
  already: (date) => `The action is already done${date ? ` (${date})` : ''}. Nothing changed.`,
  conflict: 'Someone changed the action meanwhile, so nothing was saved. Open Actions in the tab and try again.',
  gone: 'The action is no longer in the list. The reminder no longer applies.',
  summary: (title, due) => `Action ${title}, due ${due}`,
  digestHeading: 'Open actions',
  digestNone: 'No open actions.',
  noDue: 'No due date',
  timing: (daysLeft) =>
    daysLeft < 0
      ? `${-daysLeft === 1 ? '1 day' : `${-daysLeft} days`} late`
      : daysLeft === 0
        ? 'today'
        : `${daysLeft === 1 ? '1 day' : `${daysLeft} days`} left`,
  outcomeHeading: (date) => `Decisions and actions from the meeting on ${date}`,
  outcomeCounts: (errands, undecided, actions) =>
    [
      errands === 1 ? '1 item' : `${errands} items`,
      undecided === 0 ? '' : `${undecided} with no decision recorded`,
      actions === 0 ? 'no actions' : actions === 1 ? '1 action' : `${actions} actions`,
    ]
      .filter(Boolean)
      .join(' · '),
  noDecision: 'No decision recorded yet',
  outcomeAction: (title, who, due) => `• Action: ${title} – ${who}, due ${due}`,
  outcomeDone: 'already done',
  outcomeStruck: 'struck',
  noDueDate: 'no due date set',
  moreActions: (count) => `… and ${count} more ${count === 1 ? 'action' : 'actions'}`,
  moreErrands: (count) => `… and ${count} more ${count === 1 ? 'item' : 'items'}, see the minutes`,
  openMeeting: 'Show the meeting',
  minutes: 'Minutes (Word)',
  outcomeSummary: (title, date) => `Decisions and actions from the meeting ${title}, ${date}`,
};

export function actionStrings(language: Language): ActionStrings {
  return language === 'en' ? en : sv;
}
