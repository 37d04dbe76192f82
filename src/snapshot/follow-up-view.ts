/**
 * The forum's year as `GET /api/follow-up/:year` serves it: `buildForumYear` on the snapshot's
 * forum data, with the snapshot's date, freshness and list links around it.
 */
import type { ForumData } from '../domain/errands';
import { buildForumYear } from '../domain/forum-year';
import type { FollowUpYearView } from '../view-model';
import { contentEtag } from './content-etag';
import type { Snapshot } from './types';

/** Where the Word file of `year` is served (`tabs/api`), relative to the app's origin. */
export function followUpDocxPath(year: number): string {
  return `/api/follow-up/${year}.docx`;
}

/** The file name the Word report is saved under: `uppfoljning-svom-YYYY.docx`. */
export function followUpDocxFileName(year: number): string {
  return `uppfoljning-svom-${year}.docx`;
}

/** Every year with a meeting or an ärende registered, ascending. */
export function yearsWithData(forum: ForumData): number[] {
  const years = new Set<number>();
  for (const meeting of forum.meetings) if (meeting.date !== null) years.add(meeting.date.year);
  for (const errand of forum.errands) if (errand.year !== null) years.add(errand.year);
  return [...years].sort((a, b) => a - b);
}

/**
 * The follow-up of `year` from the snapshot. Agreements are judged on 31 December of the year
 * with the snapshot's own horizon (`EXPIRING_WITHIN_DAYS`), as the balance list judges them today.
 */
export function buildFollowUpView(snapshot: Snapshot, year: number): FollowUpYearView {
  const { view } = snapshot;
  const followUp = buildForumYear(snapshot.forum, year, { expiringWithinDays: view.expiringWithinDays });
  return {
    ...followUp,
    source: view.source,
    today: view.today,
    demoDate: view.demoDate,
    refreshedAt: view.refreshedAt,
    stale: view.stale,
    staleSince: view.staleSince,
    lists: view.lists,
    expiringWithinDays: view.expiringWithinDays,
    yearsWithData: yearsWithData(snapshot.forum),
    docxUrl: followUpDocxPath(year),
  };
}

/**
 * A strong ETag of the follow-up's content, leaving out `refreshedAt` so that polling an unchanged
 * year answers 304. Taken from the content itself: the forum profile and the sections are not in
 * the balance list's view, so the list's ETag does not cover them.
 */
export function followUpEtag(view: FollowUpYearView): string {
  const { refreshedAt: _refreshedAt, ...content } = view;
  return contentEtag(content);
}
