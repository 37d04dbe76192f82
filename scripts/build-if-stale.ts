/**
 * What `npm start` runs before the server: builds the web app and the server only when their
 * sources changed since the last build (see lib/incremental-build.ts). With `--force` (what
 * `npm run build` runs) it builds both and records them as built.
 */
import { join } from 'node:path';
import { buildIfStale } from './lib/incremental-build';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  // Still runs on 20.19+, but Node 20 gets no security fixes since April 2026: say so at start.
  console.warn(`warning: Node ${process.versions.node} is past its end of life (April 2026). Install Node 24 LTS (https://nodejs.org/); Node 22 also works.`);
}

try {
  buildIfStale({ root: join(__dirname, '..'), force: process.argv.includes('--force'), log: (line) => console.log(line) });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
