/**
 * @jest-environment node
 *
 * The tab's reader of the change stream: the ETags it names, live while open and down otherwise,
 * reconnecting after the server's `retry:` when a stream ends and after a growing delay when a
 * connection is refused, and closing the stream when stopped.
 */
import { watchChanges } from '../../../../tabs/web/src/api/change-stream';

/** A stream the test writes to, as the server would, and ends. */
function serverStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
    cancel: () => {
      cancelled = true;
    },
  });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream; charset=utf-8' } }),
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
    get cancelled() {
      return cancelled;
    },
  };
}

/** Records what the reader reports, and lets the test wait for it. */
function recorder() {
  const events: string[] = [];
  const waiters: Array<() => void> = [];
  const push = (event: string) => {
    events.push(event);
    for (const waiter of waiters.splice(0)) waiter();
  };
  const until = async (match: (events: string[]) => boolean) => {
    while (!match(events)) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { events, onEtag: (etag: string) => push(`etag ${etag}`), onLive: (live: boolean) => push(live ? 'live' : 'down'), until };
}

describe('watchChanges', () => {
  it('reports each ETag the stream names, split across chunks or not, and is live while it is open', async () => {
    const stream = serverStream();
    const seen = recorder();
    const stop = watchChanges({ ...seen, open: async () => stream.response });
    stream.send('retry: 2000\n\nevent: etag\ndata: "v1"\n\n: keep-alive\n\nevent: et');
    stream.send('ag\ndata: "v2"\n\nevent: other\ndata: x\n\n');
    await seen.until((events) => events.length >= 3);
    expect(seen.events).toEqual(['live', 'etag "v1"', 'etag "v2"']);
    stop();
    expect(seen.events.at(-1)).toBe('down');
    await seen.until(() => stream.cancelled);
  });

  it('is down when the server ends the stream, and connects again after its retry delay', async () => {
    const first = serverStream();
    const second = serverStream();
    const responses = [first, second];
    const seen = recorder();
    const stop = watchChanges({ ...seen, open: async () => (responses.shift() ?? serverStream()).response });
    first.send('retry: 10\n\nevent: etag\ndata: "v1"\n\n');
    await seen.until((events) => events.includes('etag "v1"'));
    first.end();
    second.send('event: etag\ndata: "v2"\n\n');
    await seen.until((events) => events.includes('etag "v2"'));
    expect(seen.events).toEqual(['live', 'etag "v1"', 'down', 'live', 'etag "v2"']);
    stop();
  });

  it('stays down while the server refuses, waiting longer each time, and goes live once it answers', async () => {
    const opened: number[] = [];
    const stream = serverStream();
    const answers = [
      () => new Response('{"error":{"code":"unauthorized"}}', { status: 401, headers: { 'Content-Type': 'application/json' } }),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => new Response('<html>proxy</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
      () => stream.response,
    ];
    const seen = recorder();
    const stop = watchChanges({
      ...seen,
      backoffMs: [5, 20, 40],
      open: async () => {
        opened.push(performance.now());
        const answer = answers.shift();
        if (!answer) throw new Error('opened once too often');
        return answer();
      },
    });
    stream.send('event: etag\ndata: "v9"\n\n');
    await seen.until((events) => events.includes('etag "v9"'));
    expect(seen.events).toEqual(['live', 'etag "v9"']);
    expect(opened).toHaveLength(4);
    const gaps = opened.slice(1).map((at, index) => at - (opened[index] as number));
    // Never sooner than the backoff; later ones no sooner than the longer delays.
    expect(gaps[0]).toBeGreaterThanOrEqual(4);
    expect(gaps[1]).toBeGreaterThanOrEqual(19);
    expect(gaps[2]).toBeGreaterThanOrEqual(39);
    stop();
  });

  it('does not connect again once stopped', async () => {
    let opens = 0;
    const stop = watchChanges({
      onEtag: () => undefined,
      onLive: () => undefined,
      backoffMs: [5],
      open: async () => {
        opens += 1;
        throw new TypeError('offline');
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 1));
    stop();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(opens).toBe(1);
  });
});
