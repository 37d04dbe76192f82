/**
 * A stand-in for the web build (`dist/` with the given files) served by the tab's page route on
 * loopback, so the tests read the page exactly as the server sends it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import express, { type RequestHandler } from 'express';
import { webApp } from '../../../../tabs/api/web-app';

export interface BuiltWebApp {
  /** The stand-in build folder. */
  dist: string;
  url: string;
  close(): Promise<void>;
}

/** Writes `files` (paths relative to `dist/`) and serves them, after `before` (e.g. the security headers). */
export async function serveBuiltWebApp(files: Record<string, string>, before: RequestHandler[] = []): Promise<BuiltWebApp> {
  const dist = join(mkdtempSync(join(tmpdir(), 'balanslistan-web-')), 'dist');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  const app = express();
  for (const handler of before) app.use(handler);
  app.use(webApp({ distDir: dist }));
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    dist,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dirname(dist), { recursive: true, force: true });
    },
  };
}
