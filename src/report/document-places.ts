/**
 * Where "Spara i SharePoint" saves each document (`POST /api/documents`), and so where the bot's
 * cards look for it: the folder of the year (`2022`, or `utan-år` for a meeting with no year) and
 * the file's name. One home for both, so the cards look exactly where the tab saves.
 */
import type { DocumentPlace } from '../ports/document-store';
import { followUpDocxFileName } from '../snapshot/follow-up-view';
import { meetingDocumentFileName } from './meeting-document';
import type { MeetingDocumentKind } from './meeting-outline';

/** The folder of a meeting's documents when the meeting has no year written. */
export const NO_YEAR_FOLDER = 'utan-år';

/**
 * A meeting's agenda or minutes as Word: `2022/minnesanteckningar-svom-nov.docx`. Null for a
 * meeting without a key: the tab can only save documents of meetings it can name by key.
 */
export function meetingDocumentPlace(kind: MeetingDocumentKind, meeting: { key: string; year: number | null }): DocumentPlace | null {
  if (meeting.key === '') return null;
  return { folder: meeting.year === null ? NO_YEAR_FOLDER : String(meeting.year), fileName: meetingDocumentFileName(kind, meeting.key, 'docx') };
}

/** The year's Uppföljning as Word: `2022/uppfoljning-svom-2022.docx`. */
export function followUpDocumentPlace(year: number): DocumentPlace {
  return { folder: String(year), fileName: followUpDocxFileName(year) };
}
