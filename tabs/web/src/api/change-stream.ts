/**
 * Listens to the API's change stream (`GET /api/events`, server-sent events) and reports each
 * ETag it names, so the tab redraws as soon as the server has a new list. Read with `fetch`, not
 * `EventSource`, because only `fetch` can send the SSO token (tabs/api/events.ts says why).
 *
 * The stream ends now and then on purpose (the token's expiry, a server restart): the tab then
 * reconnects after the server's `retry:` delay. A refused or failed connection is tried again
 * after a growing delay, and meanwhile `onLive(false)` lets the tab poll instead.
 */
import { createParser } from 'eventsource-parser';

export interface ChangeStreamHandlers {
  /** The ETag of the server's current list: sent on connecting and after each change. */
  onEtag(etag: string): void;
  /** True while the stream is open (the tab need not poll), false while it is down. */
  onLive(live: boolean): void;
  /** The server's keep-alive: it is there and has nothing new. */
  onAlive?(): void;
}

export interface ChangeStreamOptions extends ChangeStreamHandlers {
  /** Opens the stream (the authorized GET of `/api/events`); aborted by `signal` when stopped. */
  open(signal: AbortSignal): Promise<Response>;
  /** Delays after consecutive failed connections, in ms; the last one repeats. */
  backoffMs?: number[];
}

/** After a failed connection: soon, then less and less often while the server keeps refusing. */
export const BACKOFF_MS = [2_000, 5_000, 15_000, 30_000, 60_000];
/** After a stream the server ended, until it says otherwise (`retry:`). */
const DEFAULT_RETRY_MS = 2_000;

/** Starts listening; the returned function stops (and closes the stream). */
export function watchChanges(options: ChangeStreamOptions): () => void {
  const backoff = options.backoffMs ?? BACKOFF_MS;
  let stopped = false;
  let controller: AbortController | null = null;
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let retryMs = DEFAULT_RETRY_MS;
  let live = false;

  const setLive = (value: boolean) => {
    if (live === value || stopped) return;
    live = value;
    options.onLive(value);
  };
  const again = () => {
    if (stopped) return;
    const delay = failures === 0 ? retryMs : (backoff[Math.min(failures, backoff.length) - 1] ?? DEFAULT_RETRY_MS);
    timer = setTimeout(() => void connect(), delay);
  };

  const connect = async (): Promise<void> => {
    timer = null;
    controller = new AbortController();
    let response: Response;
    try {
      response = await options.open(controller.signal);
    } catch {
      failures += 1;
      again();
      return;
    }
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !response.body || !type.startsWith('text/event-stream')) {
      // Refused (401/403), unavailable, or a server without the stream: the tab polls meanwhile.
      void response.body?.cancel().catch(() => undefined);
      failures += 1;
      again();
      return;
    }
    failures = 0;
    setLive(true);
    const parser = createParser({
      onEvent: (event) => {
        if (event.event === 'etag' && event.data && !stopped) options.onEtag(event.data);
      },
      onRetry: (ms) => {
        retryMs = ms;
      },
      onComment: () => {
        if (!stopped) options.onAlive?.();
      },
    });
    if (stopped) {
      void response.body.cancel().catch(() => undefined);
      return;
    }
    const current = response.body.getReader();
    reader = current;
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const chunk = await current.read();
        if (chunk.done) break;
        parser.feed(decoder.decode(chunk.value, { stream: true }));
      }
    } catch {
      // Cut off (network, proxy) or aborted by stop(): either way the stream is down.
    }
    reader = null;
    setLive(false);
    again();
  };

  void connect();
  return () => {
    if (stopped) return;
    setLive(false);
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    controller?.abort();
    // Aborting the request errors its body too; cancelling says so to any stream handed over.
    void reader?.cancel().catch(() => undefined);
  };
}
