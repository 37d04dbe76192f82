/**
 * Reads a server-sent event stream in tests: collects its frames (the text between blank lines)
 * as they arrive, and waits for one that matches.
 */
export interface StreamReader {
  readonly frames: string[];
  /** Resolves with the first frame from `index` on that matches; rejects when the stream ends first. */
  waitFor(match: (frame: string) => boolean, from?: number): Promise<string>;
  /** Resolves when the server has ended the stream. */
  readonly ended: Promise<void>;
  cancel(): Promise<void>;
}

export function readStream(response: Response): StreamReader {
  if (!response.body) throw new Error('the response has no body');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const frames: string[] = [];
  let buffer = '';
  let done = false;
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const waiter of waiters) waiter();
  };
  const ended = (async () => {
    try {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        buffer += chunk.value;
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          frames.push(buffer.slice(0, at));
          buffer = buffer.slice(at + 2);
        }
        notify();
      }
    } catch {
      // Cancelled or cut off: the stream has ended either way.
    } finally {
      done = true;
      notify();
    }
  })();
  return {
    frames,
    ended,
    waitFor(match, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = frames.slice(from).find(match);
          if (found !== undefined) {
            waiters.delete(check);
            resolve(found);
          } else if (done) {
            waiters.delete(check);
            reject(new Error(`the stream ended without the frame; it sent ${JSON.stringify(frames)}`));
          }
        };
        waiters.add(check);
        check();
      });
    },
    cancel: () => reader.cancel().catch(() => undefined),
  };
}

/** The ETag an `etag` event names, or null for any other frame. */
export function etagOf(frame: string): string | null {
  const lines = frame.split('\n');
  if (!lines.includes('event: etag')) return null;
  return lines.find((line) => line.startsWith('data: '))?.slice('data: '.length) ?? null;
}
