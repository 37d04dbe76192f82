/**
 * The words for statuses, shared by the tab and the cards so that a member reads the same word
 * for the same state wherever it appears. Chosen for a Swedish reader first: "Gäller" and
 * "Löper snart ut" are what a politician would say about an agreement.
 */
import type { AgreementState, EntryStatus, MeetingKind, RevisionStatus } from '../domain/types';
import type { Language } from './language';

/** An agreement's state on a given day. */
export const AGREEMENT_STATE_TERMS: Readonly<Record<Language, Readonly<Record<AgreementState, string>>>> = {
  sv: { active: 'Gäller', expiring: 'Löper snart ut', expired: 'Har gått ut', unknown: 'Okänt slutdatum' },
  en: { active: 'Active', expiring: 'Expiring soon', expired: 'Expired', unknown: 'Unknown end date' },
};

/** An entry's status ("Status" in the list). */
export const ENTRY_STATUS_TERMS: Readonly<Record<Language, Readonly<Record<EntryStatus, string>>>> = {
  sv: { active: 'Pågår', 'not-started': 'Ej påbörjad', monitoring: 'Bevakas', paused: 'Vilande', done: 'Klar' },
  en: { active: 'In progress', 'not-started': 'Not started', monitoring: 'Monitoring', paused: 'Paused', done: 'Done' },
};

/** An agreement's revision status ("Revisionsstatus" in the list). */
export const REVISION_STATUS_TERMS: Readonly<Record<Language, Readonly<Record<RevisionStatus, string>>>> = {
  sv: { 'not-needed': 'Ej behov av revision', 'may-be-needed': 'Revision kan behövas', started: 'Revision påbörjad', revised: 'Reviderad' },
  en: { 'not-needed': 'No revision needed', 'may-be-needed': 'Revision may be needed', started: 'Revision started', revised: 'Revised' },
};

/** A meeting's kind ("Mötestyp" in the list). */
export const MEETING_KIND_TERMS: Readonly<Record<Language, Readonly<Record<MeetingKind, string>>>> = {
  sv: { ordinary: 'Ordinarie', extra: 'Extra', 'joint-vasternorrland': 'Gemensamt med Västernorrland', event: 'Annat evenemang' },
  en: { ordinary: 'Ordinary', extra: 'Extra', 'joint-vasternorrland': 'Joint with Västernorrland', event: 'Other event' },
};
