/**
 * A child process for the crash tests: starts replacing a file with `writeFileAtomic` and is
 * killed (SIGKILL) by the test in the middle of it.
 *
 *   crash-writer.ts halfway <target> <megabytes>  writes half of the content, prints "half"
 *                                                  and waits to be killed
 *   crash-writer.ts store <dataDir> <seedFile>     loops over LocalListSource.update on a large
 *                                                  store, printing "writing" before each write
 */
import { LocalListSource } from '../../../src/local/local-list-source';
import { writeFileAtomic } from '../../../src/local/atomic-write';
import { silentLogger } from '../../../src/logger';

async function halfway(target: string, megabytes: number): Promise<void> {
  const chunk = `${'x'.repeat(1024 * 1024 - 1)}\n`;
  async function* content(): AsyncIterable<string> {
    yield '{"balance": [], "meetings": [], "padding": "';
    for (let index = 0; index < megabytes; index += 1) {
      yield chunk.replace('\n', ' ');
      // Resumed only after the previous chunk is in the temporary file.
      if (index === Math.floor(megabytes / 2)) {
        process.stdout.write('half\n');
        // Hold the file open until killed. A promise alone keeps nothing running, so the process
        // would end by itself (exit code 0) and race the test's kill; a timer keeps it alive.
        await new Promise(() => setInterval(() => undefined, 60_000));
      }
    }
    yield '"}\n';
  }
  await writeFileAtomic(target, content());
}

async function storeLoop(dataDir: string, seedFile: string): Promise<void> {
  const source = new LocalListSource({ dataDir, seedFile }, { logger: silentLogger });
  for (let round = 0; ; round += 1) {
    const item = (await source.read()).data.balance[0];
    if (!item) throw new Error('empty store');
    process.stdout.write('writing\n');
    await source.update('balance', item.id, { Notes: `round ${round} ${'y'.repeat(1000)}` }, item.eTag);
  }
}

const [mode, first = '', second = ''] = process.argv.slice(2);
const run = mode === 'halfway' ? halfway(first, Number(second)) : storeLoop(first, second);
run.catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
