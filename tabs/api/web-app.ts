/**
 * Serves the built web app (tabs/web/dist): hashed assets cached for a year, pages never cached,
 * and the tab's routes (`/`, `/tab`, `/config`) answered with index.html. When the app has not
 * been built, the pages say so plainly with a 503 instead of a bare 404.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import express, { type Router } from 'express';

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

export function webApp(options: { distDir?: string } = {}): Router {
  const distDir = options.distDir ?? defaultWebDist();
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

  const page = (file: string) => (_req: express.Request, res: express.Response) => {
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
    res.sendFile(join(distDir, file));
  };

  router.get(PAGE_ROUTES, page('index.html'));
  router.get('/auth/end', page('auth-end.html'));
  return router;
}
