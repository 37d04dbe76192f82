/**
 * The local list store on large lists: what each operation costs in file I/O (read and write
 * system calls and bytes, counted by the kernel in /proc/self/io), then how long it takes.
 *
 * Scenarios, for lists of 1,000 and 10,000 entries:
 *   first start     copy the seed in (plus the example meetings) and read it
 *   read unchanged  a read when the file did not change (target: no parse, one file read)
 *   read, 5 edited  a read after a person changed 5 items by hand
 *   update 1 item   one conditional write (read, check eTag, atomic replace)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LocalListSource } from '../src/local/local-list-source';
import { silentLogger } from '../src/logger';
import { FixedClock } from '../src/ports/clock';

interface Io {
  syscr: number;
  syscw: number;
  rchar: number;
  wchar: number;
}

function io(): Io | null {
  try {
    const text = readFileSync('/proc/self/io', 'utf8');
    const value = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
    return { syscr: value('syscr'), syscw: value('syscw'), rchar: value('rchar'), wchar: value('wchar') };
  } catch {
    return null;
  }
}

/** I/O of one run of `task` (reading /proc/self/io itself costs one read, subtracted). */
async function measure(task: () => Promise<unknown>): Promise<{ io: Io | null; ms: number }> {
  const probe = (() => {
    const a = io();
    const b = io();
    return a && b ? { syscr: b.syscr - a.syscr, rchar: b.rchar - a.rchar } : null;
  })();
  const before = io();
  const start = performance.now();
  await task();
  const ms = performance.now() - start;
  const after = io();
  if (!before || !after || !probe) return { io: null, ms };
  return {
    io: {
      syscr: after.syscr - before.syscr - probe.syscr,
      rchar: after.rchar - before.rchar - probe.rchar,
      syscw: after.syscw - before.syscw,
      wchar: after.wchar - before.wchar,
    },
    ms,
  };
}

function seedOf(size: number): string {
  const balance = Array.from({ length: size }, (_, index) => ({
    id: String(index + 1),
    fields: {
      Title: `Post ${index + 1} – samverkan kring vård och omsorg`,
      EntryKey: `post-${index + 1}`,
      Section: 'SVOM:s prioriterade områden 2019-2022',
      EntryKind: index % 11 === 0 ? 'Prioriterat område' : 'Punkt',
      SortOrder: index + 1,
      PreparingGroups: ['Fredagsgruppen', 'L-IFO'],
      Notes: 'Följs upp i SVOM. Beredning i Fredagsgruppen inför nästa möte.',
    },
  }));
  return JSON.stringify({ balance, meetings: [{ id: '1', fields: { Title: 'SVOM', MeetingDate: '2022-02-26' } }] }, null, 2);
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(0);

interface Row {
  scenario: string;
  items: number;
  fileKb: string;
  readCalls: number | string;
  readKb: string;
  writeCalls: number | string;
  writtenKb: string;
  changed: string;
  ms: string;
}

async function scenarios(size: number, rows: Row[]): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'bench-local-'));
  const seedFile = join(root, 'seed.json');
  writeFileSync(seedFile, seedOf(size));
  const clock = new FixedClock('2025-03-10T08:00:00Z');
  const runs = 5;
  const push = (scenario: string, samples: Array<{ io: Io | null; ms: number }>, changed: string, file: string) => {
    const last = samples[samples.length - 1]?.io ?? null;
    rows.push({
      scenario,
      items: size,
      fileKb: kb(readFileSync(file).length),
      readCalls: last?.syscr ?? 'n/a',
      readKb: last ? kb(last.rchar) : 'n/a',
      writeCalls: last?.syscw ?? 'n/a',
      writtenKb: last ? kb(last.wchar) : 'n/a',
      changed,
      ms: median(samples.map((sample) => sample.ms)).toFixed(1),
    });
  };

  try {
    const first: Array<{ io: Io | null; ms: number }> = [];
    let source: LocalListSource | null = null;
    for (let run = 0; run < runs; run += 1) {
      const candidate = new LocalListSource({ dataDir: join(root, `first-${run}`), seedFile, clock }, { logger: silentLogger });
      first.push(await measure(() => candidate.read()));
      source = candidate;
    }
    if (!source) return;
    push('first start', first, 'yes', source.file);

    const unchanged: Array<{ io: Io | null; ms: number }> = [];
    let changedFlag = '';
    for (let run = 0; run < runs; run += 1) {
      unchanged.push(await measure(async () => (changedFlag = (await source.read()).changed ? 'yes' : 'no')));
    }
    push('read unchanged', unchanged, changedFlag, source.file);

    const edited: Array<{ io: Io | null; ms: number }> = [];
    for (let run = 0; run < runs; run += 1) {
      const lists = JSON.parse(readFileSync(source.file, 'utf8')) as { balance: Array<{ fields: Record<string, unknown> }> };
      for (let index = 0; index < 5; index += 1) {
        const item = lists.balance[(index * 97 + run) % lists.balance.length];
        if (item) item.fields.Notes = `Ändrad för hand, omgång ${run}`;
      }
      writeFileSync(source.file, JSON.stringify(lists, null, 2));
      edited.push(await measure(async () => (changedFlag = (await source.read()).changed ? 'yes' : 'no')));
    }
    push('read, 5 edited', edited, changedFlag, source.file);

    const updates: Array<{ io: Io | null; ms: number }> = [];
    for (let run = 0; run < runs; run += 1) {
      const item = (await source.read()).data.balance[run];
      if (!item) break;
      updates.push(await measure(() => source.update('balance', item.id, { EntryStatus: 'Pågår' }, item.eTag)));
    }
    push('update 1 item', updates, '-', source.file);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const size of [1000, 10000]) await scenarios(size, rows);
  console.log('Local list store: file I/O per operation (kernel counts from /proc/self/io), then the median time of 5 runs');
  console.table(rows);
}

void main();
