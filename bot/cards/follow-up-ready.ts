/** The notice that the year's follow-up (Uppföljning) is ready for review. */
import type { AdaptiveCard, CardContext, FollowUpReady, Language } from '../contracts';
import type { PartialDate } from '../../src/domain/partial-date';
import { monthName } from '../../src/vocabulary';
import { dateWithWeekday, safe } from './format';
import { tabViewUrl } from './links';
import { isHttpsUrl, isOpenableUrl } from './markdown';
import { strings, type Strings } from './strings';
import { type UrlAction, expand } from './expand';
import followUpReadyTemplate from './templates/follow-up-ready.json';

/** "tisdag 2022-12-13", "december 2022" or "2017, datum anges inte": never more precise than written. */
function partialDateText(date: PartialDate, t: Strings, language: Language): string {
  if (date.month === null) return `${date.year}, ${t.dateNotGiven}`;
  if (date.day === null) return `${monthName(date.month, language)} ${date.year}`;
  const calendar = `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
  return dateWithWeekday(calendar, language);
}

/**
 * The year's follow-up is ready to review: why now, what the year holds, the view and the Word
 * file (the one saved in the site's library when the card was given it, else the app's download).
 */
export function followUpReadyCard(ready: FollowUpReady, context: CardContext): AdaptiveCard {
  const t = strings(context.language);
  const reason =
    ready.reason.kind === 'last-meeting'
      ? t.followUpAfterMeeting(ready.year, [safe(ready.reason.title, 160), partialDateText(ready.reason.date, t, context.language)].filter(Boolean).join(', '))
      : t.followUpOnDate(ready.year, dateWithWeekday(ready.reason.date, context.language));
  const urlActions: UrlAction[] = [];
  const view = tabViewUrl(context.tabUrl, { view: 'uppfoljning', year: String(ready.year) });
  if (isOpenableUrl(view)) urlActions.push({ title: t.openFollowUp, url: view });
  // The Uppföljning saved in the site's library opens in Word for the web; else the file is made anew and downloaded.
  if (isHttpsUrl(context.savedDocument?.webUrl)) urlActions.push({ title: t.openSavedWord, url: context.savedDocument.webUrl });
  else if (isOpenableUrl(ready.docxUrl)) urlActions.push({ title: t.downloadWord, url: ready.docxUrl });
  return expand(followUpReadyTemplate, {
    t,
    heading: t.followUpTitle(ready.year),
    reason,
    meetings: String(ready.meetings),
    events: ready.events > 0 ? String(ready.events) : '',
    errands: String(ready.errands),
    areasWithout: ready.areas > 0 ? t.countOf(ready.areasWithoutErrand, ready.areas) : '',
    problems: t.problemsValue(ready.problems),
    urlActions,
  });
}
