/** How an agreement's validity and revision read on the cards that show agreements. */
import type { Language } from '../contracts';
import type { Entry } from '../../src/domain/types';
import { dateWithWeekday, safe } from './format';
import { revisionLabel, type Strings } from './strings';

/** The validity as dates ("lördag 2022-12-31", "t.o.m. …"), or "not stated". */
export function validityDates(entry: Pick<Entry, 'agreement'>, t: Strings, language: Language): string {
  const validity = entry.agreement?.validity;
  if (!validity) return t.notStated;
  const from = validity.from ? dateWithWeekday(validity.from, language) : '';
  const to = validity.to ? dateWithWeekday(validity.to, language) : t.unknownEnd;
  if (from) return `${from} – ${to}`;
  return validity.to ? t.untilDate(to) : to;
}

/** Where the revision stands, by whom and when. */
export function revisionText(entry: Pick<Entry, 'agreement'>, t: Strings, language: Language): string {
  const agreement = entry.agreement;
  if (!agreement?.revisionStatus) return t.notStated;
  const when = agreement.revisionUpdatedAt ? agreement.revisionUpdatedAt.slice(0, 10) : null;
  return t.revisionBy(revisionLabel(agreement.revisionStatus, language), agreement.revisionUpdatedBy ? safe(agreement.revisionUpdatedBy, 80) : null, when);
}
