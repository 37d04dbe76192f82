/** The words of the action reminder card (uppdrag), in Swedish and English. */
import type { Language } from '../contracts';

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
  remindAgain: 'Påminn igen om 7 dagar',
  openActions: 'Visa alla uppdrag',
  doneBy: (by: string, date: string) => `Markerat klart av ${by} ${date}.`,
  already: (date: string | null) => `Uppdraget är redan klart${date ? ` (${date})` : ''}. Inget ändrat.`,
  conflict: 'Någon ändrade uppdraget under tiden, så ingenting sparades. Öppna Uppdrag i fliken och försök igen.',
  gone: 'Uppdraget finns inte längre i listan. Påminnelsen gäller inte längre.',
  summary: (title: string, due: string) => `Uppdrag ${title}, klart senast ${due}`,
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
  remindAgain: 'Remind me again in 7 days',
  openActions: 'Show all actions',
  doneBy: (by, date) => `Marked done by ${by} on ${date}.`,
  already: (date) => `The action is already done${date ? ` (${date})` : ''}. Nothing changed.`,
  conflict: 'Someone changed the action meanwhile, so nothing was saved. Open Actions in the tab and try again.',
  gone: 'The action is no longer in the list. The reminder no longer applies.',
  summary: (title, due) => `Action ${title}, due ${due}`,
};

export function actionStrings(language: Language): ActionStrings {
  return language === 'en' ? en : sv;
}
