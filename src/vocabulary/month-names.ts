/** Month names as a date is written in running text ("april 2017", "2 June 2017"). */
import type { Language } from './language';

const MONTHS: Readonly<Record<Language, readonly string[]>> = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** The name of `month` (1 = January … 12 = December); empty for any other number. */
export function monthName(month: number, language: Language): string {
  return MONTHS[language][month - 1] ?? '';
}
