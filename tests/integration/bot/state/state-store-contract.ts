/**
 * The behaviour every StateStore adapter must have; run against the file store and against
 * Azure Blob Storage (Azurite).
 */
import type { StateStore } from '../../../../src/ports/state-store';

export function describeStateStoreContract(name: string, makeStore: () => Promise<StateStore>): void {
  describe(`${name}: the StateStore contract`, () => {
    let store: StateStore;
    beforeEach(async () => {
      store = await makeStore();
    });

    it('answers null for a key never written', async () => {
      expect(await store.get('ledger/none')).toBeNull();
    });

    it('returns what was written, with the etag the write returned', async () => {
      const etag = await store.put('teams/a', { name: 'SVOM', n: 1 });
      expect(etag).toEqual(expect.any(String));
      expect(await store.get('teams/a')).toEqual({ value: { name: 'SVOM', n: 1 }, etag });
    });

    it('creates with ifNoneMatch only when the key is absent', async () => {
      const first = await store.put('claim/x', { by: 'one' }, { ifNoneMatch: true });
      const second = await store.put('claim/x', { by: 'two' }, { ifNoneMatch: true });
      expect(first).not.toBeNull();
      expect(second).toBeNull();
      expect((await store.get<{ by: string }>('claim/x'))?.value.by).toBe('one');
    });

    it('replaces with ifMatch only while the etag is current, and the etag changes with every write', async () => {
      const first = (await store.put('rec', { v: 1 })) as string;
      const second = await store.put('rec', { v: 1 }, { ifMatch: first });
      expect(second).not.toBeNull();
      expect(second).not.toBe(first);
      expect(await store.put('rec', { v: 2 }, { ifMatch: first })).toBeNull();
      expect((await store.get<{ v: number }>('rec'))?.value.v).toBe(1);
      expect(await store.put('gone', { v: 1 }, { ifMatch: first })).toBeNull();
      expect(await store.get('gone')).toBeNull();
    });

    it('overwrites without a condition', async () => {
      await store.put('plain', 'a');
      await store.put('plain', 'b');
      expect((await store.get('plain'))?.value).toBe('b');
    });

    it('deletes, and deleting a missing key is fine', async () => {
      await store.put('d/1', true);
      await store.delete('d/1');
      await store.delete('d/1');
      expect(await store.get('d/1')).toBeNull();
      expect(await store.put('d/1', 'again', { ifNoneMatch: true })).not.toBeNull();
    });

    it('lists keys by prefix, with any characters a Teams or SharePoint id can carry', async () => {
      const team = '19:abc-DEF_123@thread.tacv2';
      const keys = [
        `ledger/${team}/expiry/12/2022-12-31/30`,
        `ledger/${team}/meeting/3/2022-12-15/14`,
        'ledger/other/digest/2022-W48',
        'teams/Hälsa & vård 100%',
      ];
      for (const key of keys) await store.put(key, { key });
      expect((await store.list(`ledger/${team}/`)).sort()).toEqual([keys[0], keys[1]].sort());
      expect((await store.list('ledger/')).sort()).toEqual(keys.slice(0, 3).sort());
      expect(await store.list('teams/Häl')).toEqual([keys[3]]);
      expect(await store.list('nothing/')).toEqual([]);
      expect((await store.get<{ key: string }>(keys[3] as string))?.value.key).toBe(keys[3]);
    });

    it('refuses empty keys and empty segments', async () => {
      await expect(store.put('', 1)).rejects.toThrow(/empty/);
      await expect(store.get('a//b')).rejects.toThrow(/empty segment/);
    });

    it('lets exactly one of many concurrent creators win', async () => {
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => store.put('race/create', { i }, { ifNoneMatch: true })));
      expect(results.filter((etag) => etag !== null)).toHaveLength(1);
    });

    it('lets exactly one of many concurrent replacers of the same version win', async () => {
      const etag = (await store.put('race/replace', { i: -1 })) as string;
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => store.put('race/replace', { i }, { ifMatch: etag })));
      const winners = results.map((result, i) => (result === null ? null : i)).filter((i) => i !== null);
      expect(winners).toHaveLength(1);
      expect((await store.get<{ i: number }>('race/replace'))?.value.i).toBe(winners[0]);
    });
  });
}
