import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { createNotifier, createNotifyRoute, type NotifyReport } from '../../../../bot/notifier';
import { SourceError } from '../../../../src/errors';
import { silentLogger } from '../../../../src/logger';
import { MemoryListSource } from '../../../fakes/memory-list-source';
import { RecordingMessenger, botOptions, clockAt, notifierDeps, seedListData } from '../../../unit/bot/notifier/helpers';

const SECRET = 'a-long-random-notify-secret-0123456789';

interface Running {
  url: string;
  messenger: RecordingMessenger;
  source: MemoryListSource;
  close(): Promise<void>;
}

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function start(notifySecret: string | null): Promise<Running> {
  const dir = await mkdtemp(join(tmpdir(), 'notify-route-'));
  dirs.push(dir);
  const clock = clockAt('2022-12-01');
  const source = new MemoryListSource(seedListData());
  const messenger = new RecordingMessenger();
  const options = botOptions({ notifySecret });
  const notifier = createNotifier(notifierDeps({ source, clock, dir, messenger }, { options }));
  const app = express();
  app.use(createNotifyRoute(notifier, options, { logger: silentLogger }));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/notify`,
    messenger,
    source,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function call(url: string, body: unknown, authorization?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  return fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
}

describe('POST /api/notify', () => {
  let app: Running;
  beforeEach(async () => {
    app = await start(SECRET);
  });
  afterEach(async () => {
    await app.close();
  });

  it('runs the notifier with the right secret and answers the report', async () => {
    const response = await call(app.url, {}, `Bearer ${SECRET}`);
    expect(response.status).toBe(200);
    const report = (await response.json()) as NotifyReport;
    expect(report).toMatchObject({ kind: 'reminders', date: '2022-12-01', dryRun: false, counts: { posted: 2 } });
    expect(app.messenger.posts).toHaveLength(2);
    const again = (await (await call(app.url, {}, `bearer ${SECRET}`)).json()) as NotifyReport;
    expect(again.counts).toEqual({ 'skipped-already-posted': 2 });
  });

  it('previews a date in a dry run, with the cards, posting nothing', async () => {
    const report = (await (await call(app.url, { dryRun: true, date: '2022-12-01' }, `Bearer ${SECRET}`)).json()) as NotifyReport;
    expect(report.counts).toEqual({ 'would-post': 2 });
    expect(report.teams[0]?.events[0]?.card).toMatchObject({ type: 'AdaptiveCard' });
    expect(app.messenger.attempts).toHaveLength(0);
  });

  it('runs the digest when asked', async () => {
    const report = (await (await call(app.url, { digest: true }, `Bearer ${SECRET}`)).json()) as NotifyReport;
    expect(report.kind).toBe('digest');
    expect(report.teams[0]?.events[0]?.key).toBe('digest/2022-W48');
  });

  it.each([
    ['no Authorization header', undefined],
    ['a wrong secret', 'Bearer not-the-secret'],
    ['the secret with something added', `Bearer ${SECRET}x`],
    ['another scheme', `Basic ${Buffer.from(`x:${SECRET}`).toString('base64')}`],
  ])('answers 401 to %s, and runs nothing', async (_name, authorization) => {
    const response = await call(app.url, {}, authorization);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(app.messenger.attempts).toHaveLength(0);
  });

  it.each([
    [{ date: '2022-13-01' }, /not a date/],
    [{ date: '1 december' }, /date must be YYYY-MM-DD/],
    [{ dryRun: 'yes' }, /dryRun/],
    [{ everything: true }, /everything|Unrecognized/i],
  ])('answers 400 to a bad body %j', async (body, message) => {
    const response = await call(app.url, body, `Bearer ${SECRET}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
    expect(app.messenger.attempts).toHaveLength(0);
  });

  it('answers 503 when the list cannot be read at all', async () => {
    app.source.failure = new SourceError('unavailable', 'Graph answered 503', 503);
    const response = await call(app.url, {}, `Bearer ${SECRET}`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('source-unavailable');
  });
});

describe('POST /api/notify without NOTIFY_SECRET', () => {
  it('does not exist: 404 whatever is sent', async () => {
    const app = await start(null);
    try {
      expect((await call(app.url, {}, `Bearer ${SECRET}`)).status).toBe(404);
      expect((await call(app.url, {})).status).toBe(404);
      expect(app.messenger.attempts).toHaveLength(0);
    } finally {
      await app.close();
    }
  });
});
