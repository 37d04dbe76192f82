/**
 * One plain-text line per card: the notification preview Teams shows, and the line the CLI and
 * the report print. Titles come from SharePoint: control characters are removed and the line is
 * kept short; it is never used as markdown.
 */
import type { DigestAction, Language } from '../contracts';
import type { Due, DueExpiry, DueMeeting } from '../../src/domain/types';
import { dayCount, relativeDays } from '../../src/vocabulary';

/** `text` as one short plain line: control characters and runs of space made one space, cut at `max`. */
export function plain(text: string, max = 90): string {
  // Control characters (C0 and C1) become spaces, so list text cannot drive a terminal.
  // eslint-disable-next-line no-control-regex
  const controls = /[\u0000-\u001f\u007f-\u009f]+/g;
  const clean = text.replace(controls, ' ').replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

export function meetingSummary(due: DueMeeting, language: Language): string {
  const title = plain(due.meeting.title) || (language === 'en' ? 'Meeting' : 'Möte');
  const when = `${due.meeting.date}${due.meeting.time ? ` ${due.meeting.time}` : ''}`;
  return language === 'en'
    ? `Meeting reminder: ${title}, ${when} (${relativeDays(due.daysUntil, language)})`
    : `Påminnelse om möte: ${title}, ${when} (${relativeDays(due.daysUntil, language)})`;
}

export function expirySummary(due: DueExpiry, language: Language): string {
  const title = plain(due.entry.title);
  if (due.daysLeft < 0) {
    return language === 'en' ? `Agreement expired on ${due.validTo}: ${title}` : `Avtalet gick ut ${due.validTo}: ${title}`;
  }
  if (due.daysLeft === 0) {
    return language === 'en' ? `Agreement's last day is today (${due.validTo}): ${title}` : `Avtalets sista giltighetsdag är i dag (${due.validTo}): ${title}`;
  }
  return language === 'en'
    ? `Agreement expires in ${dayCount(due.daysLeft, language)} (${due.validTo}): ${title}`
    : `Avtalet löper ut om ${dayCount(due.daysLeft, language)} (${due.validTo}): ${title}`;
}

export function digestSummary(due: Due, week: string, language: Language, actions: readonly DigestAction[] = []): string {
  const weekNumber = Number(week.slice(-2));
  const meetings = due.meetings.length;
  const agreements = due.expiries.length;
  const open = actions.length;
  const late = actions.filter((entry) => entry.daysLeft !== null && entry.daysLeft < 0).length;
  const actionPart =
    open === 0
      ? ''
      : language === 'en'
        ? `, ${open} open ${open === 1 ? 'action' : 'actions'} (${late} overdue)`
        : `, ${open} ${open === 1 ? 'öppet' : 'öppna'} uppdrag (${late} ${late === 1 ? 'försenat' : 'försenade'})`;
  return language === 'en'
    ? `Week ${weekNumber}: ${meetings} ${meetings === 1 ? 'meeting' : 'meetings'} in the coming four weeks, ${agreements} ${agreements === 1 ? 'agreement' : 'agreements'} to watch${actionPart}`
    : `Vecka ${weekNumber}: ${meetings} ${meetings === 1 ? 'möte' : 'möten'} de kommande fyra veckorna, ${agreements} avtal att bevaka${actionPart}`;
}

export function followUpSummary(year: number, language: Language): string {
  return language === 'en' ? `Follow-up ${year} is ready for review` : `Uppföljning ${year} är klar att granska`;
}
