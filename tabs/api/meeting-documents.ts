/**
 * A meeting's agenda and minutes as Word files: `GET /api/meetings/:key/dagordning.docx` and
 * `GET /api/meetings/:key/minnesanteckningar.docx` (`?lang=en` in English), behind the same
 * sign-in and access check as the list. 404 for a meeting key the lists do not have.
 */
import type { RequestHandler, Response } from 'express';
import type { Logger } from '../../src/logger';
import { meetingDocumentData, meetingDocumentFileName, MEETING_DOCUMENT_KINDS, renderMeetingDocument, type MeetingDocumentKind } from '../../src/report';
import type { Snapshot, SnapshotProvider } from '../../src/snapshot/types';
import { answerSourceUnavailable } from './source-unavailable';

export const MEETING_DOCUMENTS_ROUTE = '/api/meetings/:key/:file';
export const MEETINGS_PREFIX = '/api/meetings/';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function answer(res: Response, status: 400 | 404, code: string, message: string): void {
  res.status(status).set('Cache-Control', 'no-store').json({ error: { code, message } });
}

/** The kind a file name asks for (`dagordning.docx`), or null. */
function kindOf(file: string): MeetingDocumentKind | null {
  const match = /^([a-z]+)\.docx$/u.exec(file.toLowerCase());
  const kind = match?.[1] ?? '';
  return (MEETING_DOCUMENT_KINDS as readonly string[]).includes(kind) ? (kind as MeetingDocumentKind) : null;
}

export function meetingDocumentsHandler(deps: { snapshots: SnapshotProvider; logger: Logger }): RequestHandler {
  const log = deps.logger.child({ module: 'meeting-documents-api' });
  return async (req, res) => {
    const kind = kindOf(String(req.params.file ?? ''));
    if (kind === null) {
      answer(res, 404, 'unknown-document', 'Dokumentet finns inte: fråga efter dagordning.docx eller minnesanteckningar.docx.');
      return;
    }
    const lang = req.query.lang;
    if (lang !== undefined && lang !== 'sv' && lang !== 'en') {
      answer(res, 400, 'bad-language', 'Språket (lang) ska vara sv eller en.');
      return;
    }
    let snapshot: Snapshot;
    try {
      snapshot = await deps.snapshots.get();
    } catch (error) {
      answerSourceUnavailable(res, log, error, 'meeting-documents');
      return;
    }
    const key = String(req.params.key ?? '');
    const data = meetingDocumentData(snapshot.forum, snapshot.list.meetings, key);
    if (data === null) {
      answer(res, 404, 'unknown-meeting', 'Det finns inget möte med den nyckeln i möteslistan.');
      return;
    }
    const started = performance.now();
    const body = await renderMeetingDocument(data, kind, 'docx', lang === 'en' ? 'en' : 'sv');
    log.info({ meeting: key, kind, bytes: body.length, ms: Math.round(performance.now() - started) }, 'meeting document downloaded');
    res
      .set({
        'Content-Type': DOCX_TYPE,
        'Content-Disposition': `attachment; filename="${meetingDocumentFileName(kind, key, 'docx')}"`,
        'Cache-Control': 'private, no-store',
      })
      .send(body);
  };
}
