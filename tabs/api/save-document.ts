/**
 * "Spara i SharePoint": `POST /api/documents` with `{ "kind": "dagordning" | "minnesanteckningar",
 * "meeting": KEY }` or `{ "kind": "uppfoljning", "year": 2022 }` (and `"lang": "en"`) saves the Word
 * file where the forum keeps documents: the site's document library in SharePoint mode, the local
 * store's folder in local mode (a folder per year). Behind the same sign-in and access check as the
 * list. Answers where it went, and whether it was saved beside a file someone else had changed.
 */
import express, { type RequestHandler, type Response } from 'express';
import { SourceError } from '../../src/errors';
import { parseReportYear } from '../../src/domain/report-year';
import type { Logger } from '../../src/logger';
import type { DocumentPlace, DocumentStore } from '../../src/ports/document-store';
import { meetingDocumentData, renderFollowUpDocx, renderMeetingDocument } from '../../src/report';
import { followUpDocumentPlace, meetingDocumentPlace } from '../../src/report/document-places';
import { buildFollowUpView } from '../../src/snapshot/follow-up-view';
import type { Snapshot, SnapshotProvider } from '../../src/snapshot/types';
import { answerSourceUnavailable } from './source-unavailable';

export const SAVE_DOCUMENT_PATH = '/api/documents';

function answer(res: Response, status: number, code: string, message: string): void {
  res.status(status).set('Cache-Control', 'no-store').json({ error: { code, message } });
}

interface Made extends DocumentPlace {
  bytes: Uint8Array;
}

/** The document the body asks for, made from the snapshot; a string is the answer's error. */
async function make(body: Record<string, unknown>, snapshot: Snapshot): Promise<Made | { status: number; code: string; message: string }> {
  const language = body.lang === 'en' ? 'en' : 'sv';
  if (body.kind === 'uppfoljning') {
    const year = parseReportYear(String(body.year ?? ''));
    if (year === null) return { status: 400, code: 'bad-year', message: 'Året ska skrivas med fyra siffror mellan 2000 och 2100.' };
    return { ...followUpDocumentPlace(year), bytes: await renderFollowUpDocx(buildFollowUpView(snapshot, year), language) };
  }
  if (body.kind !== 'dagordning' && body.kind !== 'minnesanteckningar')
    return { status: 400, code: 'bad-kind', message: 'Dokumentet ska vara dagordning, minnesanteckningar eller uppfoljning.' };
  const key = typeof body.meeting === 'string' ? body.meeting : '';
  const data = meetingDocumentData(snapshot.forum, snapshot.list.meetings, key);
  const place = data && meetingDocumentPlace(body.kind, { key, year: data.meeting.date?.year ?? null });
  if (!data || !place) return { status: 404, code: 'unknown-meeting', message: 'Det finns inget möte med den nyckeln i möteslistan.' };
  return {
    ...place,
    bytes: (await renderMeetingDocument(data, body.kind, 'docx', language)) as Buffer,
  };
}

export function saveDocumentHandlers(deps: { snapshots: SnapshotProvider; documents: DocumentStore | null; logger: Logger }): RequestHandler[] {
  const log = deps.logger.child({ module: 'save-document-api' });
  const save: RequestHandler = async (req, res) => {
    if (deps.documents === null) {
      answer(res, 503, 'no-document-store', 'Dokument kan inte sparas här.');
      return;
    }
    const body = typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
    let snapshot: Snapshot;
    try {
      snapshot = await deps.snapshots.get();
    } catch (error) {
      answerSourceUnavailable(res, log, error, 'save-document');
      return;
    }
    const made = await make(body, snapshot);
    if ('status' in made) {
      answer(res, made.status, made.code, made.message);
      return;
    }
    try {
      const saved = await deps.documents.save(made.folder, made.fileName, made.bytes);
      res.set('Cache-Control', 'no-store').json(saved);
    } catch (error) {
      const status = error instanceof SourceError ? error.status : null;
      log.error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error), file: made.fileName }, 'document not saved');
      if (status === 403)
        answer(res, 502, 'save-forbidden', 'Appen får inte spara filer på webbplatsen. Be en administratör ge appen skrivrätt (se driftsättningen).');
      else answer(res, 502, 'save-failed', 'Filen kunde inte sparas just nu. Försök igen om en stund; Word-filen kan också laddas ner.');
    }
  };
  return [express.json({ limit: '4kb' }), save];
}
