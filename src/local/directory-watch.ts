/**
 * Follows one file by watching its directory, debounced.
 *
 * The directory, not the file: editors that save by writing a new file and renaming it over the
 * old one would leave a watcher on the file following the deleted inode. A watcher that fails
 * (the directory removed and made again, say) is set up again after a pause.
 */
import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from '../logger';

export interface DirectoryWatchOptions {
  dir: string;
  /** The file of interest; events for other names in the directory are ignored. */
  fileName: string;
  /** Quiet time after the last event before `onSettled` runs. */
  debounceMs: number;
  /** Pause before watching again after the watcher failed. */
  retryMs?: number;
  logger: Logger;
  onSettled: () => void;
}

/** Starts watching; returns the function that stops it. */
export function watchFileInDirectory(options: DirectoryWatchOptions): () => void {
  const retryMs = options.retryMs ?? 2000;
  let timer: NodeJS.Timeout | null = null;
  let retry: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  let stopped = false;

  const settle = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!stopped) options.onSettled();
    }, options.debounceMs);
    timer.unref();
  };

  const again = () => {
    watcher?.close();
    watcher = null;
    if (stopped) return;
    retry = setTimeout(start, retryMs);
    retry.unref();
  };

  function start(): void {
    retry = null;
    if (stopped) return;
    try {
      watcher = watch(options.dir, { persistent: false }, (_event, name) => {
        // Some platforms do not say which file changed (null name): check anyway.
        if (name === null || name.toString() === options.fileName) settle();
      });
      watcher.on('error', (error) => {
        options.logger.warn({ err: error, dir: options.dir }, 'watching the directory failed; watching again shortly');
        again();
        settle();
      });
    } catch (error) {
      options.logger.warn({ err: error, dir: options.dir }, 'cannot watch the directory; trying again shortly');
      again();
    }
  }

  start();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    if (retry) clearTimeout(retry);
    watcher?.close();
  };
}
