/**
 * GET /api/first-view: the tab's page drawn on the server for the signed-in user (SharePoint
 * mode), so a first visit shows its rows before React and Fluent UI have even loaded.
 *
 * The page itself cannot carry the list in SharePoint mode: Teams loads it without a token. So the
 * tab's start-up script (tabs/web/src/teams/early-view.ts), once Teams has handed out the SSO
 * token, asks here with it, behind the same authentication as the list API, and puts the answer
 * on screen; the app then hydrates it as it hydrates local mode's page. Query: `page` (the page
 * address's query: view, search, filters, `lang`), `locale` and `theme` (Teams' own, so the
 * browser finds the same markup when it hydrates with them). The answer is the drawn markup,
 * Fluent UI's style elements and the data the page was drawn with, never stored by a cache.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { RequestHandler } from 'express';
import type { Logger } from '../../src/logger';
import type { Clock } from '../../src/ports/clock';
import type { SnapshotProvider } from '../../src/snapshot/types';
import type { PageRequest } from '../web/src/ssr/page-data';
import type { LoadPageRenderer } from './page-renderer';
import { answerSourceUnavailable } from './source-unavailable';

const THEMES: ReadonlyArray<NonNullable<PageRequest['theme']>> = ['light', 'dark', 'contrast'];
/** A locale as Teams gives it ("sv-SE", "en-us"); anything else is not passed to the renderer. */
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;
/** Pages drawn recently, per list version, address, locale, theme and minute (the page shows the time). */
const CACHE_SIZE = 32;

/** The page query as the address had it: at most 2,000 characters, starting with `?` when not empty. */
function pageQuery(value: unknown): string | null {
  if (value === undefined) return '';
  if (typeof value !== 'string' || value.length > 2000) return null;
  return value === '' || value.startsWith('?') ? value : `?${value}`;
}

export function firstViewHandler(deps: { snapshots: SnapshotProvider; clock: Clock; logger: Logger; loadRenderer: LoadPageRenderer }): RequestHandler {
  const log = deps.logger.child({ module: 'tab-first-view' });
  const cache = new Map<string, Buffer>();
  return async (req, res) => {
    res.set({ 'Cache-Control': 'no-store', Vary: 'Authorization, Accept-Encoding' });
    const search = pageQuery(req.query.page);
    const locale = typeof req.query.locale === 'string' && LOCALE.test(req.query.locale) ? req.query.locale : undefined;
    const theme = THEMES.find((name) => name === req.query.theme);
    if (search === null) {
      res.status(400).json({ error: { code: 'bad-request', message: 'Sidans adress är för lång.' } });
      return;
    }
    let snapshot;
    try {
      deps.snapshots.noteDemand();
      snapshot = await deps.snapshots.get();
    } catch (error) {
      answerSourceUnavailable(res, log, error, 'first view');
      return;
    }
    const now = deps.clock.now();
    const key = JSON.stringify([snapshot.etag, search, locale ?? '', theme ?? '', now.toISOString().slice(0, 16)]);
    let body = cache.get(key);
    if (!body) {
      let drawn;
      try {
        drawn = await deps.loadRenderer().renderPage({ view: snapshot.view, etag: snapshot.etag, search, acceptLanguage: locale, theme, now });
      } catch (error) {
        // The tab then asks for the list and draws it itself.
        log.error(
          { err: error instanceof Error ? { name: error.name, message: error.message, cause: String(error.cause ?? '') } : String(error) },
          'first view could not be drawn on the server',
        );
        res.status(503).json({ error: { code: 'first-view-unavailable', message: 'Vyn kunde inte ritas på servern.' } });
        return;
      }
      body = gzipSync(JSON.stringify(drawn));
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(key, body);
    }
    res.set('Content-Type', 'application/json; charset=utf-8');
    if (req.acceptsEncodings('gzip')) res.set('Content-Encoding', 'gzip').send(body);
    else res.send(gunzipSync(body));
  };
}
