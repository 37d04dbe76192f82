/**
 * Serves the built web app (tabs/web/dist): hashed assets cached for a year, pages never cached,
 * and the tab's routes (`/`, `/tab`, `/config`) answered with index.html. When the app has not
 * been built, the pages say so plainly with a 503 instead of a bare 404.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import express, { type Router } from 'express';

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
