/**
 * The forum's year (issue 10): `GET /api/follow-up/:year` answers the follow-up as JSON with an
 * ETag (304 when unchanged, as the balance list), `GET /api/follow-up/:year.docx` the annual
 * report as a Word file to download. `?lang=en` gives the Word file in English.
 */
import { gzipSync } from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';
import { parseReportYear } from '../../src/domain/report-year';
import type { Logger } from '../../src/logger';
import { renderFollowUpDocx } from '../../src/report';
import type { Language } from '../../src/vocabulary';
import { buildFollowUpView, followUpDocxFileName, followUpEtag } from '../../src/snapshot/follow-up-view';
import type { Snapshot, SnapshotProvider } from '../../src/snapshot/types';
import { etagMatches } from './balance-list';
import { answerSourceUnavailable } from './source-unavailable';

/** The route: one path segment, the year with or without `.docx`. */
export const FOLLOW_UP_ROUTE = '/api/follow-up/:file';
export const FOLLOW_UP_PREFIX = '/api/follow-up/';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Years kept ready per snapshot; a tab asks for a handful, never all of them. */
const CACHED_YEARS = 16;

interface Packed {
  etag: string;
  json: string;
  gzip: Buffer | null;
}

function badRequest(res: Response, code: string, message: string): void {
  res.status(400).set('Cache-Control', 'no-store').json({ error: { code, message } });
}

/** What the path and query ask for, or null after answering 400. */
function requestOf(req: Request, res: Response): { year: number; docx: boolean; language: Language } | null {
  const file = String(req.params.file ?? '');
  const docx = file.toLowerCase().endsWith('.docx');
  const year = parseReportYear(docx ? file.slice(0, -'.docx'.length) : file);
  if (year === null) {
    badRequest(res, 'bad-year', 'Året ska skrivas med fyra siffror mellan 2000 och 2100, till exempel /api/follow-up/2017.');
    return null;
  }
  const lang = req.query.lang;
  if (lang !== undefined && lang !== 'sv' && lang !== 'en') {
    badRequest(res, 'bad-language', 'Språket (lang) ska vara sv eller en.');
    return null;
  }
  return { year, docx, language: lang === 'en' ? 'en' : 'sv' };
}

export function followUpHandler(deps: { snapshots: SnapshotProvider; logger: Logger }): RequestHandler {
  const log = deps.logger.child({ module: 'follow-up-api' });
  // The JSON of each year asked for, for the current snapshot only: polling costs an ETag compare.
  let cache: { snapshot: Snapshot; years: Map<number, Packed> } | null = null;

  const packed = (snapshot: Snapshot, year: number): Packed => {
    if (cache?.snapshot !== snapshot) cache = { snapshot, years: new Map() };
    let entry = cache.years.get(year);
    if (!entry) {
      if (cache.years.size >= CACHED_YEARS) cache.years.clear();
      const view = buildFollowUpView(snapshot, year);
      entry = { etag: followUpEtag(view), json: JSON.stringify(view), gzip: null };
      cache.years.set(year, entry);
    }
    return entry;
  };

  return async (req, res) => {
    const asked = requestOf(req, res);
    if (asked === null) return;
    let snapshot: Snapshot;
    try {
      deps.snapshots.noteDemand();
      snapshot = await deps.snapshots.get();
    } catch (error) {
      answerSourceUnavailable(res, log, error, 'follow-up');
      return;
    }

    if (asked.docx) {
      const started = performance.now();
      const view = buildFollowUpView(snapshot, asked.year);
      const body = await renderFollowUpDocx(view, asked.language);
      log.info(
        { year: asked.year, language: asked.language, bytes: body.byteLength, ms: Math.round(performance.now() - started) },
        'follow-up report downloaded',
      );
      res
        .set({
          'Content-Type': DOCX_TYPE,
          'Content-Disposition': `attachment; filename="${followUpDocxFileName(asked.year)}"`,
          'Cache-Control': 'private, no-store',
        })
        .send(body);
      return;
    }

    const entry = packed(snapshot, asked.year);
    res.set({ ETag: entry.etag, 'Cache-Control': 'no-cache', Vary: 'Authorization, Accept-Encoding' });
    if (etagMatches(req.get('if-none-match'), entry.etag)) {
      res.status(304).end();
      return;
    }
    res.type('application/json; charset=utf-8');
    if (!req.acceptsEncodings('gzip')) {
      res.send(entry.json);
      return;
    }
    entry.gzip ??= gzipSync(entry.json);
    res.set('Content-Encoding', 'gzip').send(entry.gzip);
  };
}
