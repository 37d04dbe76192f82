/**
 * Serves the built web app (tabs/web/dist): hashed assets cached for a year, pages never cached,
 * and the tab's routes (`/`, `/tab`, `/config`) answered with index.html. In local mode the tab's
 * page comes drawn by React on the server (tabs/web/dist-ssr, the same components the browser
 * runs) with the list as a JSON data block, so it is readable before (and without) the script,
 * needs no second request, and the browser hydrates it. When the app has not been built, the
 * pages say so plainly with a 503 instead of a bare 404. Uppföljning comes drawn for the year of
 * the address, from the same follow-up `GET /api/follow-up/:year` answers.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import express, { type Router } from 'express';
import type { Logger } from '../../src/logger';
import type { Clock } from '../../src/ports/clock';
import type { SnapshotProvider } from '../../src/snapshot/types';
import { isLoopbackAddress } from '../../src/loopback';
import { buildFollowUpView } from '../../src/snapshot/follow-up-view';
import { inlinePainter } from './inline-paint';
import { jsonForHtml } from './page-html';
import { pageRendererLoader, type LoadPageRenderer } from './page-renderer';
import { contentSecurityPolicy } from './security-headers';
import { teamsPreloadLinks } from './teams-preload';

const ASSET_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/** Paths the single-page app answers. */
export const PAGE_ROUTES = ['/', '/tab', '/tab/*rest', '/config', '/personal'];

/** The repository root: the nearest folder above this file with a package.json (source or compiled). */
function packageRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export function defaultWebDist(): string {
  return join(packageRoot(resolve(__dirname)), 'tabs', 'web', 'dist');
}

export interface FirstViewOptions {
  snapshots: SnapshotProvider;
  clock: Clock;
  logger: Logger;
}

/** The stylesheet (a few kB) goes into the page: the first paint then waits for one response, not two. */
function inlineStylesheets(html: string, distDir: string): string {
  return html.replace(/<link rel="stylesheet"[^>]*href="\/assets\/([\w.-]+\.css)"[^>]*>/g, (link, name: string) => {
    const css = join(distDir, 'assets', name);
    return existsSync(css) ? `<style>${readFileSync(css, 'utf8').replace(/<\//g, '<\\/')}</style>` : link;
  });
}

/** The page index.html drawn with the list, and the list as data; the template is read again when rebuilt. */
function pageRenderer(distDir: string, loadRenderer: LoadPageRenderer, deps: FirstViewOptions) {
  const log = deps.logger.child({ module: 'tab-first-view' });
  let template: { mtimeMs: number; head: string; body: string; end: string } | null = null;
  // Recent pages per data version, address and language, gzipped once; emptied when the forum's
  // data behind Uppföljning changes (the forum profile and the sections are not in the list's ETag).
  const cache = new Map<string, Buffer>();
  let cachedForum: object | null = null;
  const load = () => {
    const file = join(distDir, 'index.html');
    const mtimeMs = statSync(file).mtimeMs;
    if (template?.mtimeMs !== mtimeMs) {
      const html = inlineStylesheets(readFileSync(file, 'utf8'), distDir);
      const marker = '<div id="root"></div>';
      const at = html.indexOf(marker);
      const headEnd = html.indexOf('</head>');
      const bodyEnd = html.lastIndexOf('</body>');
      if (at < 0 || headEnd < 0 || bodyEnd < at) throw new Error('tabs/web/dist/index.html has no <div id="root"></div> between </head> and </body>');
      template = {
        mtimeMs,
        head: html.slice(0, headEnd),
        body: `${html.slice(headEnd, at)}<div id="root">`,
        end: `</div>${html.slice(at + marker.length, bodyEnd)}`,
      };
      cache.clear();
    }
    return template;
  };
  return async (req: express.Request): Promise<Buffer | null> => {
    const page = load();
    const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    const acceptLanguage = req.acceptsLanguages()[0];
    let snapshot;
    try {
      deps.snapshots.noteDemand();
      snapshot = await deps.snapshots.get();
    } catch (error) {
      // The script shows the problem (and retries) when it asks the API itself.
      log.warn({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'page sent without the list');
      return null;
    }
    if (snapshot.forum !== cachedForum) {
      cache.clear();
      cachedForum = snapshot.forum;
    }
    const now = deps.clock.now();
    const key = `${snapshot.etag}|${acceptLanguage ?? ''}|${search}|${now.toISOString().slice(0, 16)}`;
    const cached = cache.get(key);
    if (cached) return cached;
    let drawn;
    try {
      const followUp = (year: number) => buildFollowUpView(snapshot, year);
      drawn = await loadRenderer().renderPage({ view: snapshot.view, etag: snapshot.etag, search, acceptLanguage, now, followUp });
    } catch (error) {
      // The plain page still works: the script draws the list itself.
      log.error(
        { err: error instanceof Error ? { name: error.name, message: error.message, cause: String(error.cause ?? '') } : String(error) },
        'page could not be drawn on the server',
      );
      return null;
    }
    const html =
      // The document speaks the language it is drawn in, before the script runs (the template says sv).
      page.head.replace(/<html lang="[^"]*"/, `<html lang="${drawn.language}"`) +
      drawn.styles +
      page.body +
      drawn.html +
      page.end +
      `<script type="application/json" id="initial-data">${jsonForHtml(drawn.data)}</script></body></html>`;
    const body = gzipSync(html);
    if (cache.size >= 32) cache.delete(cache.keys().next().value as string);
    cache.set(key, body);
    return body;
  };
}

/**
 * The tab's page without a first view (SharePoint mode): index.html with its stylesheet inlined
 * (one response before the first paint, not two), preload hints for the Teams start-up modules
 * and, right after the empty root, the kept page's painter (inline-paint.ts) with the CSP that
 * allows exactly it; read again when rebuilt.
 */
function plainPage(distDir: string) {
  let page: { mtimeMs: number; html: string; gzipped: Buffer; csp: string } | null = null;
  return () => {
    const file = join(distDir, 'index.html');
    const mtimeMs = statSync(file).mtimeMs;
    if (page?.mtimeMs !== mtimeMs) {
      const painter = inlinePainter(distDir);
      let html = inlineStylesheets(readFileSync(file, 'utf8'), distDir).replace('</head>', `${teamsPreloadLinks(distDir)}</head>`);
      // A function, so that `$` in the script is never read as a replacement pattern.
      if (painter) html = html.replace(ROOT_ELEMENT, () => `${ROOT_ELEMENT}${painter.element}`);
      const csp = contentSecurityPolicy(painter && html.includes(painter.element) ? [painter.source] : []);
      page = { mtimeMs, html, gzipped: gzipSync(html), csp };
    }
    return page;
  };
}

const ROOT_ELEMENT = '<div id="root"></div>';

/** Where the server renderer is built, beside the web app's dist. */
export function defaultSsrDir(distDir: string): string {
  return join(dirname(distDir), 'dist-ssr');
}

export function webApp(options: { distDir?: string; firstView?: FirstViewOptions } = {}): Router {
  const distDir = options.distDir ?? defaultWebDist();
  const render = options.firstView ? pageRenderer(distDir, pageRendererLoader(defaultSsrDir(distDir)), options.firstView) : null;
  const plain = plainPage(distDir);
  const router = express.Router();
  const built = () => existsSync(join(distDir, 'index.html'));

  // Hashed scripts and styles never change under one name: gzip each once and keep it.
  const gzipped = new Map<string, Buffer>();
  router.get('/assets/:file', (req, res, next) => {
    const file = req.params.file;
    const type = ASSET_TYPES[extname(file)];
    if (!type || !/^[\w.-]+$/.test(file) || !req.acceptsEncodings('gzip')) return next();
    const path = join(distDir, 'assets', file);
    let body = gzipped.get(path);
    if (!body) {
      if (!existsSync(path)) return next();
      body = gzipSync(readFileSync(path), { level: 9 });
      gzipped.set(path, body);
    }
    res.set({ 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', 'Cache-Control': 'public, max-age=31536000, immutable' });
    res.send(body);
  });
  router.use(
    '/assets',
    express.static(join(distDir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
    }),
  );

  const page =
    (file: string, withFirstView = false) =>
    async (req: express.Request, res: express.Response) => {
      if (!built()) {
        res
          .status(503)
          .type('text/plain; charset=utf-8')
          .set('Cache-Control', 'no-store')
          .send(
            'Webbappen är inte byggd. Kör "npm run build" (eller "npm start") och ladda om sidan.\n' +
              'The web app is not built. Run "npm run build" (or "npm start") and reload the page.\n',
          );
        return;
      }
      res.set('Cache-Control', 'no-cache');
      // The list rides in the page only where the API itself would serve it without sign-in.
      if (withFirstView && render && req.acceptsEncodings('gzip') && isLoopbackAddress(req.socket.remoteAddress)) {
        const body = await render(req);
        if (body) {
          res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding, Accept-Language' }).send(body);
          return;
        }
      }
      if (withFirstView && !render) {
        const { html, gzipped, csp } = plain();
        res.set({ 'Content-Type': 'text/html; charset=utf-8', Vary: 'Accept-Encoding', 'Content-Security-Policy': csp });
        if (req.acceptsEncodings('gzip')) res.set('Content-Encoding', 'gzip').send(gzipped);
        else res.send(html);
        return;
      }
      res.sendFile(join(distDir, file));
    };

  router.get(
    PAGE_ROUTES.filter((route) => route !== '/config'),
    page('index.html', true),
  );
  router.get('/config', page('index.html'));
  router.get('/auth/end', page('auth-end.html'));
  return router;
}
