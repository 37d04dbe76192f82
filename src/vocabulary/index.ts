/** Words shared by the tab and the cards: statuses, kinds and numbers of days, in Swedish and English. */
export { AGREEMENT_STATE_TERMS, ENTRY_STATUS_TERMS, MEETING_KIND_TERMS, REVISION_STATUS_TERMS } from './status-terms';
export { LANGUAGES, type Language } from './language';
export { monthName } from './month-names';
export { ERRAND_KIND_TERMS, ERRAND_STATUS_TERMS } from './errand-terms';
export { dayCount, formatCount, relativeDays } from './day-counts';
