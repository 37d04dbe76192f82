/**
 * GET /api/events: server-sent events that tell an open tab when the list changed, so it redraws
 * within moments of the server learning of an edit instead of at its next poll.
 *
 * Authenticated like the list API (the same middleware, so the same token check and on-behalf-of
 * access check). The tab reads the stream with `fetch`, which can send the SSO token in the
 * `Authorization` header, rather than with `EventSource`, which cannot: no second kind of
 * credential (a ticket in the address) to issue, store across instances, or keep out of logs.
 *
 * While a stream is open it holds demand on the snapshot service, so the lists are read at the
 * fast interval; when the last one ends the demand window keeps them fast a while longer.
 *
 * The stream sends the snapshot's ETag at once (so a change between the tab's last load and the
 * connection is not missed) and again whenever the snapshot changes; the tab asks for the list
 * when the ETag is not the one it has. A comment line every `keepAliveMs` keeps proxies from
 * closing an idle connection. A stream lives no longer than its token, nor longer than the access
 * check is trusted (`maxAgeMs`): the tab reconnects at once with a fresh token and is checked
 * again, so a withdrawn permission also ends the user's stream.
 */
import type { RequestHandler, Response } from 'express';
import type { Logger } from '../../src/logger';
import type { Clock } from '../../src/ports/clock';
import type { Snapshot, SnapshotProvider } from '../../src/snapshot/types';
import { callerOf } from './auth/middleware';

/** How often a comment line goes out on an idle stream (proxies close idle connections after 30–240 s). */
export const KEEP_ALIVE_MS = 20_000;
/** What the tab waits before reconnecting after a stream ends (the `retry:` field). */
export const RECONNECT_MS = 2_000;
/** setTimeout's largest delay; a longer one fires at once. */
const MAX_TIMER_MS = 2_147_483_647;

export interface EventsOptions {
  snapshots: SnapshotProvider;
  clock: Clock;
  logger: Logger;
  keepAliveMs?: number;
  /** A stream ends after this long at the latest (SharePoint mode: the access check's lifetime). */
  maxAgeMs?: number | null;
  /** Aborted when the server stops: every open stream ends so the tab reconnects elsewhere. */
  stopping?: AbortSignal;
}

/** The event that names the snapshot's ETag. */
export function etagEvent(etag: string): string {
  // An ETag is one line of quoted text; the data field carries it as is.
  return `event: etag\ndata: ${etag.replace(/[\r\n]/g, '')}\n\n`;
}

export function eventsHandler(options: EventsOptions): RequestHandler {
  const log = options.logger.child({ module: 'tab-events' });
  const keepAliveMs = options.keepAliveMs ?? KEEP_ALIVE_MS;
  let open = 0;
  return async (_req, res) => {
    let snapshot: Snapshot | null = null;
    try {
      snapshot = await options.snapshots.get();
    } catch {
      // Nothing to name yet: the first change event will carry the ETag.
    }
    const caller = callerOf(res);
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // Proxies that buffer responses (nginx and the like) would hold the events back.
      'X-Accel-Buffering': 'no',
      Vary: 'Authorization',
    });
    res.flushHeaders();
    res.write(`retry: ${RECONNECT_MS}\n\n`);
    if (snapshot) res.write(etagEvent(snapshot.etag));

    const ends: Array<() => void> = [];
    let ended = false;
    const end = (reason: string) => {
      if (ended) return;
      ended = true;
      for (const undo of ends) undo();
      open -= 1;
      log.debug({ reason, open }, 'event stream ended');
      if (!res.writableEnded) res.end();
    };
    open += 1;
    log.debug({ open, user: caller?.kind === 'user' ? caller.user.oid : 'local' }, 'event stream opened');

    ends.push(options.snapshots.onChange((changed) => write(res, etagEvent(changed.etag))));
    const keepAlive = setInterval(() => write(res, ': keep-alive\n\n'), keepAliveMs);
    ends.push(() => clearInterval(keepAlive));
    const lifetimes = [options.maxAgeMs ?? null];
    if (caller?.kind === 'user') lifetimes.push(caller.user.expiresAt.getTime() - options.clock.now().getTime());
    const lifetime = Math.min(...lifetimes.filter((ms): ms is number => ms !== null));
    if (Number.isFinite(lifetime)) {
      const expiry = setTimeout(() => end('lifetime'), Math.max(0, Math.min(lifetime, MAX_TIMER_MS)));
      ends.push(() => clearTimeout(expiry));
    }
    // Somebody is looking while a stream is open: the server keeps the lists fresh until it ends.
    ends.push(options.snapshots.holdDemand());
    const onStop = () => end('server stopping');
    if (options.stopping?.aborted) onStop();
    options.stopping?.addEventListener('abort', onStop, { once: true });
    ends.push(() => options.stopping?.removeEventListener('abort', onStop));
    res.on('close', () => end('closed by the tab'));
  };
}

function write(res: Response, text: string): void {
  if (!res.writableEnded && !res.destroyed) res.write(text);
}
