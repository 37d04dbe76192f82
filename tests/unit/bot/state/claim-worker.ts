/**
 * A separate process for the cross-process test: tries to claim keys 0..n-1 in a shared
 * directory with ifNoneMatch and prints the ones it won.
 */
import { FileStateStore } from '../../../../bot/state';
import { silentLogger } from '../../../../src/logger';

async function main(): Promise<void> {
  const [dir, count] = process.argv.slice(2);
  const store = new FileStateStore({ dir: dir as string }, { logger: silentLogger });
  const claims = Array.from({ length: Number(count) }, async (_, i) => {
    const etag = await store.put(`ledger/team/event-${i}`, { pid: process.pid }, { ifNoneMatch: true });
    if (etag) process.stdout.write(`event-${i}\n`);
  });
  await Promise.all(claims);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
