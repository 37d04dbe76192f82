/**
 * The local store against a real directory: first-start seeding, change detection, hand edits,
 * conditional writes, broken files and file watching.
 */
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { SourceError } from '../../../src/errors';
import { LocalListSource } from '../../../src/local/local-list-source';
import { silentLogger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import type { ListItem } from '../../../src/ports/list-source';
import { mapListData } from '../../../src/lists/mapping';
import { setRevisionStatus } from '../../../src/lists/revision-fields';

const SEED = resolve(__dirname, '../../../data/balanslista-2022.json');
const NOW = '2025-03-10T08:00:00.000Z'; // a Monday in Stockholm

let dir: string;
let stops: Array<() => void>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'local-store-'));
  stops = [];
});

afterEach(() => {
  for (const stop of stops) stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The watch debounce of every store in these tests, in ms. */
const WATCH_DEBOUNCE_MS = 20;

function store(options: { dataDir?: string; seedFile?: string; clock?: FixedClock } = {}): LocalListSource {
  return new LocalListSource(
    {
      dataDir: options.dataDir ?? join(dir, 'data'),
      seedFile: options.seedFile ?? SEED,
      clock: options.clock ?? new FixedClock(NOW),
      watchDebounceMs: WATCH_DEBOUNCE_MS,
    },
    { logger: silentLogger },
  );
}

const file = () => join(dir, 'data', 'lists.json');
const onDisk = () => JSON.parse(readFileSync(file(), 'utf8')) as { balance: ListItem[]; meetings: ListItem[] };

/** Rewrites the file as a person with an editor would. */
function editByHand(change: (lists: { balance: ListItem[]; meetings: ListItem[] }) => void, how: 'in-place' | 'rename' = 'in-place'): void {
  const lists = onDisk();
  change(lists);
  const text = `${JSON.stringify(lists, null, 2)}\n`;
  if (how === 'in-place') {
    writeFileSync(file(), text);
  } else {
    writeFileSync(join(dir, 'data', 'lists.json.swp'), text);
    renameSync(join(dir, 'data', 'lists.json.swp'), file());
  }
}

function byKey(items: ListItem[], key: string): ListItem {
  const item = items.find((candidate) => candidate.fields.EntryKey === key);
  if (!item) throw new Error(`no item ${key}`);
  return item;
}

async function rejection(promise: Promise<unknown>): Promise<SourceError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }
  throw new Error('expected a SourceError');
}

/** Resolves on the next call of a watcher. */
function watchOnce(source: LocalListSource): { changed: Promise<void>; calls: () => number } {
  let calls = 0;
  let resolveChange: () => void = () => undefined;
  const changed = new Promise<void>((done) => (resolveChange = done));
  stops.push(
    source.watch(() => {
      calls += 1;
      resolveChange();
    }),
  );
  return { changed, calls: () => calls };
}

describe('LocalListSource: first start', () => {
  it('creates the data directory and copies the seed in, with eTags and the clock as modification time', async () => {
    const source = store();
    expect(source.kind).toBe('local');
    const { data, changed } = await source.read();
    expect(changed).toBe(true);
    expect(data.balance).toHaveLength(90);
    const seed = JSON.parse(readFileSync(SEED, 'utf8')) as { balance: Array<{ id: string; fields: object }> };
    expect(data.balance.map((item) => ({ id: item.id, fields: item.fields }))).toEqual(seed.balance);
    for (const item of [...data.balance, ...data.meetings]) {
      expect(item.eTag).toMatch(/^"[0-9a-f]{16},1"$/);
      expect(item.lastModifiedDateTime).toBe(NOW);
    }
    expect(onDisk().balance[0]).toEqual({ id: '1', eTag: data.balance[0]?.eTag, lastModifiedDateTime: NOW, fields: seed.balance[0]?.fields });
  });

  it('adds four example meetings for the coming year and the last one held, marked as examples, after the real one', async () => {
    const { data } = await store().read();
    expect(data.meetings.map((item) => [item.id, item.fields.Title, item.fields.MeetingDate, item.fields.ItemDeadline])).toEqual([
      ['1', 'SVOM', '2022-02-26', undefined],
      ['2', 'Exempel: SVOM ordinarie möte', '2025-05-15', '2025-05-01'],
      ['3', 'Exempel: SVOM gemensamt med Västernorrland', '2025-09-18', '2025-09-04'],
      ['4', 'Exempel: SVOM ordinarie möte', '2025-11-20', '2025-11-06'],
      ['5', 'Exempel: SVOM ordinarie möte', '2026-02-19', '2026-02-05'],
      ['6', 'Exempel: SVOM ordinarie möte', '2025-02-20', undefined],
    ]);
    for (const item of data.meetings.slice(1)) expect(item.fields.Notes).toMatch(/^Exempeldata .* inget beslutat möte/);
  });

  it('dates the examples by the Stockholm date of the clock', async () => {
    // 23:30 UTC on 14 May is already 15 May in Stockholm: that day's meeting is no longer ahead.
    const { data } = await store({ clock: new FixedClock('2025-05-14T23:30:00Z') }).read();
    expect(data.meetings.slice(1).map((item) => item.fields.MeetingDate)).toEqual(['2025-09-18', '2025-11-20', '2026-02-19', '2026-05-21', '2025-02-20']);
  });

  it('writes the same file for the same clock', async () => {
    await store({ dataDir: join(dir, 'a') }).read();
    await store({ dataDir: join(dir, 'b') }).read();
    expect(readFileSync(join(dir, 'a', 'lists.json'), 'utf8')).toBe(readFileSync(join(dir, 'b', 'lists.json'), 'utf8'));
  });

  it('seeds only once: a later start with another clock keeps the file', async () => {
    await store().read();
    const before = readFileSync(file(), 'utf8');
    const { data } = await store({ clock: new FixedClock('2031-01-01T12:00:00Z') }).read();
    expect(data.meetings).toHaveLength(6);
    expect(readFileSync(file(), 'utf8')).toBe(before);
  });

  it('reads the seed as the field mapping expects: only the missing validity of the dental agreement, the examples upcoming', async () => {
    const list = mapListData((await store().read()).data);
    expect(list.problems.map((problem) => problem.code)).toEqual(['missing-validity']);
    expect(list.entries).toHaveLength(90);
    expect(list.meetings.filter((meeting) => meeting.title.startsWith('Exempel:') && meeting.date > '2025-03-10')).toHaveLength(4);
  });

  it('says which seed file is missing', async () => {
    const error = await rejection(store({ seedFile: join(dir, 'nope.json') }).read());
    expect(error.code).toBe('local-seed-missing');
    expect(error.message).toContain(join(dir, 'nope.json'));
  });

  it('refuses a broken seed, naming it and the line', async () => {
    writeFileSync(join(dir, 'seed.json'), '{\n  "balance": [\n    {"id": "1" "fields": {}}\n  ],\n  "meetings": []\n}\n');
    const error = await rejection(store({ seedFile: join(dir, 'seed.json') }).read());
    expect(error.code).toBe('local-invalid');
    expect(error.message).toContain(`The seed file ${join(dir, 'seed.json')} is not valid at line 3, column 16`);
  });

  it('gives file URLs naming the list and the item', async () => {
    const source = store();
    const { data } = await source.read();
    const url = pathToFileURL(file()).href;
    expect(source.listUrls()).toEqual({
      balance: `${url}#balance`,
      meetings: `${url}#meetings`,
      errands: `${url}#errands`,
      forum: `${url}#forum`,
      sections: `${url}#sections`,
      actions: `${url}#actions`,
    });
    expect(data.balance[11]?.webUrl).toBe(`${url}#balance/12`);
    expect(data.meetings[0]?.webUrl).toBe(`${url}#meetings/1`);
  });
});

describe('LocalListSource: reading changes', () => {
  it('says changed: false while the file stays the same, true after an edit', async () => {
    const source = store();
    const first = await source.read();
    const second = await source.read();
    expect(second.changed).toBe(false);
    expect(second.data).toEqual(first.data);
    editByHand((lists) => (byKey(lists.balance, 'mal-1').fields.EntryStatus = 'Pågår'));
    const third = await source.read();
    expect(third.changed).toBe(true);
    expect(byKey(third.data.balance, 'mal-1').fields.EntryStatus).toBe('Pågår');
    expect((await source.read()).changed).toBe(false);
  });

  it('gives a hand-edited item a new eTag and the file time, and leaves the others alone', async () => {
    const source = store();
    const before = (await source.read()).data;
    editByHand((lists) => (byKey(lists.balance, 'prio-1').fields.Notes = 'Ny anteckning'));
    const after = (await source.read()).data;
    const edited = byKey(after.balance, 'prio-1');
    expect(edited.eTag).not.toBe(byKey(before.balance, 'prio-1').eTag);
    expect(edited.eTag).toMatch(/,2"$/);
    expect(edited.lastModifiedDateTime).not.toBe(NOW);
    expect(Date.parse(edited.lastModifiedDateTime ?? '')).not.toBeNaN();
    expect(after.balance.filter((item) => item.eTag !== before.balance.find((old) => old.id === item.id)?.eTag)).toEqual([edited]);
  });

  it('passes an item with junk fields through, for the mapping to report', async () => {
    const source = store();
    await source.read();
    editByHand((lists) =>
      lists.balance.push({ id: '91', eTag: '', webUrl: '', lastModifiedDateTime: null, fields: { Title: 42, Section: 'Okänt avsnitt', SortOrder: 'först' } }),
    );
    const { data } = await source.read();
    expect(data.balance[90]).toMatchObject({ id: '91', eTag: expect.stringMatching(/,1"$/), fields: { Title: 42, Section: 'Okänt avsnitt' } });
    const problems = mapListData(data).problems.filter((problem) => problem.itemId === '91');
    expect(problems.length).toBeGreaterThan(0);
  });

  it('throws local-invalid with the file and position for a file broken by hand, and recovers when fixed', async () => {
    const source = store();
    await source.read();
    const good = readFileSync(file(), 'utf8');
    writeFileSync(file(), good.replace('"EntryKey": "mal-1",', '"EntryKey": "mal-1"'));
    const error = await rejection(source.read());
    expect(error.code).toBe('local-invalid');
    expect(error.message).toMatch(
      new RegExp(`^The local list file ${file().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid at line \\d+, column \\d+: not valid JSON`),
    );
    // A write must not replace the person's half-fixed file.
    const broken = readFileSync(file(), 'utf8');
    expect((await rejection(source.update('balance', '2', { EntryStatus: 'Klar' }, '*'))).code).toBe('local-invalid');
    expect(readFileSync(file(), 'utf8')).toBe(broken);
    writeFileSync(file(), good);
    const again = await source.read();
    expect(again.data.balance).toHaveLength(90);
  });

  it('throws local-invalid for a file of the wrong shape', async () => {
    const source = store();
    await source.read();
    editByHand((lists) => ((lists as unknown as Record<string, unknown>).meetings = { oops: true }));
    const error = await rejection(source.read());
    expect(error.code).toBe('local-invalid');
    expect(error.message).toContain('meetings: "meetings" must be a list (array) of items');
  });

  it('starts again from the seed when the file is deleted', async () => {
    const clock = new FixedClock(NOW);
    const source = store({ clock });
    await source.read();
    rmSync(file());
    clock.set('2025-06-01T08:00:00.000Z');
    const { data, changed } = await source.read();
    expect(changed).toBe(true);
    expect(data.balance).toHaveLength(90);
    expect(data.meetings[1]?.lastModifiedDateTime).toBe('2025-06-01T08:00:00.000Z');
  });

  it('removes temporary files that a crashed writer left behind', async () => {
    await store().read();
    // A pid that cannot exist (above the kernel's pid_max) stands for a crashed process.
    writeFileSync(join(dir, 'data', '.lists.json.99999999.abcdef012345.tmp'), '{"half');
    await store().read();
    expect(readdirSync(join(dir, 'data'))).toEqual(['lists.json']);
  });
});

describe('LocalListSource: update', () => {
  it('writes the columns, bumps the eTag and stamps the time', async () => {
    const clock = new FixedClock(NOW);
    const source = store({ clock });
    const agreement = byKey((await source.read()).data.balance, 'avtal-3');
    clock.set('2025-03-11T09:15:00.000Z');
    const updated = await source.update('balance', agreement.id, { RevisionStatus: 'Revision påbörjad', RevisionUpdatedBy: 'Anna' }, agreement.eTag);
    expect(updated.eTag).toMatch(/,2"$/);
    expect(updated.lastModifiedDateTime).toBe('2025-03-11T09:15:00.000Z');
    expect(updated.fields).toEqual({ ...agreement.fields, RevisionStatus: 'Revision påbörjad', RevisionUpdatedBy: 'Anna' });
    const stored = byKey(onDisk().balance, 'avtal-3');
    expect(stored).toEqual({ id: agreement.id, eTag: updated.eTag, lastModifiedDateTime: updated.lastModifiedDateTime, fields: updated.fields });
    const next = await source.read();
    expect(next.changed).toBe(true);
    expect(byKey(next.data.balance, 'avtal-3')).toEqual(updated);
  });

  it('clears a column given null', async () => {
    const source = store();
    const agreement = byKey((await source.read()).data.balance, 'avtal-4');
    const updated = await source.update('balance', agreement.id, { NextFollowUp: null }, agreement.eTag);
    expect(updated.fields).not.toHaveProperty('NextFollowUp');
  });

  it('refuses a stale eTag with conflict (412), also after a hand edit', async () => {
    const source = store();
    const item = byKey((await source.read()).data.balance, 'mal-2');
    await source.update('balance', item.id, { EntryStatus: 'Pågår' }, item.eTag);
    const stale = await rejection(source.update('balance', item.id, { EntryStatus: 'Klar' }, item.eTag));
    expect([stale.code, stale.status]).toEqual(['conflict', 412]);

    const other = byKey((await source.read()).data.balance, 'mal-3');
    editByHand((lists) => (byKey(lists.balance, 'mal-3').fields.Notes = 'Ändrad för hand'));
    const afterHandEdit = await rejection(source.update('balance', other.id, { EntryStatus: 'Klar' }, other.eTag));
    expect(afterHandEdit.code).toBe('conflict');
    expect(byKey(onDisk().balance, 'mal-3').fields.Notes).toBe('Ändrad för hand');
  });

  it('lets exactly one of two writers with the same eTag win', async () => {
    const source = store();
    const item = byKey((await source.read()).data.balance, 'mal-1');
    const results = await Promise.allSettled([
      source.update('balance', item.id, { EntryStatus: 'Pågår' }, item.eTag),
      source.update('balance', item.id, { EntryStatus: 'Vilande' }, item.eTag),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
    expect(byKey(onDisk().balance, 'mal-1').fields.EntryStatus).toBe('Pågår');
  });

  it('answers not-found (404) for an unknown item and invalid-field (400) for an unknown column', async () => {
    const source = store();
    await source.read();
    const missing = await rejection(source.update('meetings', '999', { Title: 'x' }, '*'));
    expect([missing.code, missing.status]).toEqual(['not-found', 404]);
    const unknown = await rejection(source.update('meetings', '1', { Bogus: 'x' }, '*'));
    expect([unknown.code, unknown.status]).toEqual(['invalid-field', 400]);
    expect(unknown.message).toContain('"Bogus"');
  });

  it('seeds the store when the first call is an update', async () => {
    const source = store();
    const updated = await source.update('meetings', '1', { Location: 'Östersund' }, '*');
    expect(updated.fields).toMatchObject({ Title: 'SVOM', Location: 'Östersund' });
    expect(onDisk().meetings).toHaveLength(6);
  });
});

describe('LocalListSource: one entry read fresh, and its revision status', () => {
  const agreementOf = (items: ListItem[]) => {
    const item = items.find((candidate) => candidate.fields.EntryKind === 'Avtal');
    if (!item) throw new Error('the seed has no agreement');
    return item;
  };

  it('reads the entry from the file as it is now, not as the last read saw it', async () => {
    const source = store();
    const agreement = agreementOf((await source.read()).data.balance);
    editByHand((lists) => {
      agreementOf(lists.balance).fields.RevisionStatus = 'Reviderad';
    });

    const entry = await source.getEntry(agreement.id);

    expect(entry).toMatchObject({ id: agreement.id, kind: 'agreement', agreement: { revisionStatus: 'revised' } });
    expect(entry?.eTag).not.toBe(agreement.eTag);
    expect(await source.getEntry('no-such-item')).toBeNull();
  });

  it("writes the revision status as the column's choice text, with who and when, only with the current eTag", async () => {
    const source = store();
    const agreement = agreementOf((await source.read()).data.balance);

    const entry = await setRevisionStatus(source, agreement.id, { status: 'started', by: 'Anna Andersson', at: NOW }, agreement.eTag);

    expect(entry.agreement).toMatchObject({ revisionStatus: 'started', revisionUpdatedBy: 'Anna Andersson', revisionUpdatedAt: NOW });
    expect(agreementOf(onDisk().balance).fields).toMatchObject({
      RevisionStatus: 'Revision påbörjad',
      RevisionUpdatedBy: 'Anna Andersson',
      RevisionUpdatedAt: NOW,
    });
    await expect(setRevisionStatus(source, agreement.id, { status: 'revised', by: 'Bertil', at: NOW }, agreement.eTag)).rejects.toMatchObject({
      code: 'conflict',
      status: 412,
    });
  });
});

describe('LocalListSource: watch', () => {
  it('tells watchers about an edit written in place', async () => {
    const source = store();
    await source.read();
    const watcher = watchOnce(source);
    editByHand((lists) => (byKey(lists.balance, 'flera-2').fields.EntryStatus = 'Bevakas'));
    await watcher.changed;
    const { changed, data } = await source.read();
    expect(changed).toBe(true);
    expect(byKey(data.balance, 'flera-2').fields.EntryStatus).toBe('Bevakas');
  });

  it('keeps following the file when an editor replaces it by rename, again and again', async () => {
    const source = store();
    await source.read();
    for (const status of ['Pågår', 'Klar', 'Vilande']) {
      const watcher = watchOnce(source);
      editByHand((lists) => (byKey(lists.balance, 'prio-2').fields.EntryStatus = status), 'rename');
      await watcher.changed;
      expect(byKey((await source.read()).data.balance, 'prio-2').fields.EntryStatus).toBe(status);
    }
  });

  it('also fires after the store’s own write, which the reader has not seen yet', async () => {
    const source = store();
    const meeting = (await source.read()).data.meetings[0] as ListItem;
    const watcher = watchOnce(source);
    await source.update('meetings', meeting.id, { StartTime: '09:00' }, meeting.eTag);
    await watcher.changed;
    expect((await source.read()).changed).toBe(true);
  });

  it('tells every watcher, and each only once per change', async () => {
    const source = store();
    await source.read();
    const first = watchOnce(source);
    const second = watchOnce(source);
    editByHand((lists) => (byKey(lists.balance, 'mal-2').fields.EntryStatus = 'Pågår'));
    await Promise.all([first.changed, second.changed]);
    // A second notification of the same change would come one debounce later: wait past several before counting.
    await delay(WATCH_DEBOUNCE_MS * 10);
    expect(first.calls()).toBe(1);
    expect(second.calls()).toBe(1);
  });
});
