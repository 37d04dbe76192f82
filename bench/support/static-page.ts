/** The yardstick of the tab benchmarks: the same rows as plain server-made HTML, no script, no framework. */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { BalanceListView } from '../../src/view-model';

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The same rows as plain server-made HTML: no script, no framework. */
export function staticPage(view: BalanceListView): string {
  const rows = view.entries
    .map(
      (entry) =>
        `<li data-row>${escape(entry.title)}${entry.status ? ` <span>${escape(entry.status)}</span>` : ''}${entry.notes ? `<p>${escape(entry.notes)}</p>` : ''}</li>`,
    )
    .join('');
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Balanslistan</title></head><body><h1>Balanslistan</h1><ul id="list">${rows}</ul></body></html>`;
}

export async function serveStatic(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const body = gzipSync(html);
  const server = createHttpServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip', 'Cache-Control': 'no-cache' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
