/**
 * GET /api/balance-list: the snapshot's view as JSON with its ETag, and 304 when the caller
 * already has it, so polling an unchanged list costs a few hundred bytes.
 */
import { gzipSync } from 'node:zlib';
import type { RequestHandler } from 'express';
import type { Logger } from '../../src/logger';
import type { SnapshotProvider } from '../../src/snapshot/types';
import { answerSourceUnavailable } from './source-unavailable';

/** True when `If-None-Match` names `etag` (a list, `*`, or weak forms of it). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}

export function balanceListHandler(deps: { snapshots: SnapshotProvider; logger: Logger }): RequestHandler {
  const log = deps.logger.child({ module: 'tab-api' });
  // The body of the current snapshot, gzipped once per ETag (a full load after a change).
  let packed: { etag: string; body: Buffer } | null = null;
  return async (req, res) => {
    let snapshot;
    try {
      // Somebody looks: reads go fast, and an old snapshot is refreshed behind this answer.
      deps.snapshots.noteDemand();
      snapshot = await deps.snapshots.get();
    } catch (error) {
      answerSourceUnavailable(res, log, error, 'balance list');
      return;
    }
    res.set({ ETag: snapshot.etag, 'Cache-Control': 'no-cache', Vary: 'Authorization, Accept-Encoding' });
    if (etagMatches(req.get('if-none-match'), snapshot.etag)) {
      res.status(304).end();
      return;
    }
    if (!req.acceptsEncodings('gzip')) {
      res.json(snapshot.view);
      return;
    }
    if (packed?.etag !== snapshot.etag) packed = { etag: snapshot.etag, body: gzipSync(JSON.stringify(snapshot.view)) };
    res.set({ 'Content-Type': 'application/json; charset=utf-8', 'Content-Encoding': 'gzip' }).send(packed.body);
  };
}
