/**
 * The words for an ärende's kind and status, shared by the tab and the cards. The Swedish ones are
 * the choices of the list "Ärenden SVOM", so a member reads in Teams what the secretariat wrote.
 */
import type { ErrandKind, ErrandStatus } from '../domain/errands';
import type { Language } from './language';

/** What an ärende asks of the meeting ("Typ" in the list). */
export const ERRAND_KIND_TERMS: Readonly<Record<Language, Readonly<Record<ErrandKind, string>>>> = {
  sv: { information: 'Information', decision: 'Beslut', discussion: 'Diskussion', 'follow-up': 'Uppföljning' },
  en: { information: 'Information', decision: 'Decision', discussion: 'Discussion', 'follow-up': 'Follow-up' },
};

/** Where an ärende stands ("Status" in the list). */
export const ERRAND_STATUS_TERMS: Readonly<Record<Language, Readonly<Record<ErrandStatus, string>>>> = {
  sv: { reported: 'Anmält', prepared: 'Berett', handled: 'Behandlat', tabled: 'Bordlagt', 'referred-back': 'Återremitterat' },
  en: { reported: 'Submitted', prepared: 'Prepared', handled: 'Handled', tabled: 'Tabled', 'referred-back': 'Referred back' },
};
