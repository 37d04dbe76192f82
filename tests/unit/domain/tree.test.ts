import { SECTION_ORDER, arrangeEntries } from '../../../src/domain/tree';
import type { Entry } from '../../../src/domain/types';
import { SECTION_CHOICES } from '../../../src/lists/schema';
import { entry } from './builders';

const keys = (entries: Entry[]) => entries.map((item) => item.key);

describe('SECTION_ORDER', () => {
  it('is the order of the Section choices in the list schema (the printed list)', () => {
    expect(SECTION_ORDER).toEqual(SECTION_CHOICES.map(([, section]) => section));
  });
});

describe('arrangeEntries', () => {
  it('orders sections as printed and each section depth-first by order', () => {
    const input = [
      entry({ key: 'avtal-1', section: 'agreements', order: 1 }),
      entry({ key: 'mal-1-2', section: 'goals', parentKey: 'mal-1', order: 2 }),
      entry({ key: 'mal-2', section: 'goals', order: 2 }),
      entry({ key: 'prio-1-1', section: 'priorities', parentKey: 'prio-1', order: 1 }),
      entry({ key: 'mal-1', section: 'goals', order: 1 }),
      entry({ key: 'mal-1-1', section: 'goals', parentKey: 'mal-1', order: 1 }),
      entry({ key: 'mal-1-1-a', section: 'goals', parentKey: 'mal-1-1', order: 1 }),
      entry({ key: 'prio-1', section: 'priorities', order: 1 }),
      entry({ key: 'flera-1', section: 'several', order: 1 }),
      entry({ key: 'strategi-1', section: 'strategy', order: 1 }),
    ];
    const { entries, orphans } = arrangeEntries(input);
    expect(keys(entries)).toEqual(['mal-1', 'mal-1-1', 'mal-1-1-a', 'mal-1-2', 'mal-2', 'prio-1', 'prio-1-1', 'strategi-1', 'flera-1', 'avtal-1']);
    expect(orphans).toEqual([]);
  });

  it('breaks ties in order by title, then key, so the order is the same on every read', () => {
    const input = [
      entry({ key: 'b', title: 'Beta', order: 1 }),
      entry({ key: 'z', title: 'Alfa', order: 1 }),
      entry({ key: 'a', title: 'Alfa', order: 1 }),
      entry({ key: 'first', title: 'Ö', order: 0.5 }),
    ];
    expect(keys(arrangeEntries(input).entries)).toEqual(['first', 'a', 'z', 'b']);
    expect(keys(arrangeEntries([...input].reverse()).entries)).toEqual(['first', 'a', 'z', 'b']);
  });

  it('lifts an entry with an unknown parent to the top of its section, with its children', () => {
    const input = [
      entry({ key: 'prio-1', order: 1 }),
      entry({ key: 'lost', parentKey: 'gone', order: 5 }),
      entry({ key: 'lost-child', parentKey: 'lost', order: 1 }),
      entry({ key: 'mal-1', section: 'goals', order: 1 }),
    ];
    const { entries, orphans } = arrangeEntries(input);
    expect(keys(entries)).toEqual(['mal-1', 'lost', 'lost-child', 'prio-1']);
    expect(entries.find((item) => item.key === 'lost')?.parentKey).toBeNull();
    expect(entries.find((item) => item.key === 'lost-child')?.parentKey).toBe('lost');
    expect(orphans).toEqual([{ entry: expect.objectContaining({ key: 'lost', parentKey: null }), parentKey: 'gone', reason: 'unknown-parent' }]);
  });

  it('lifts an entry whose parent sits in another section', () => {
    const input = [entry({ key: 'mal-1', section: 'goals' }), entry({ key: 'stray', section: 'several', parentKey: 'mal-1' })];
    const { entries, orphans } = arrangeEntries(input);
    expect(keys(entries)).toEqual(['mal-1', 'stray']);
    expect(orphans.map((orphan) => [orphan.entry.key, orphan.reason])).toEqual([['stray', 'other-section']]);
  });

  it('breaks a cycle of parents by lifting one of its entries, keeping every entry once', () => {
    const input = [
      entry({ key: 'c', parentKey: 'b' }),
      entry({ key: 'b', parentKey: 'a' }),
      entry({ key: 'a', parentKey: 'c' }),
      entry({ key: 'self', parentKey: 'self', order: 2 }),
      entry({ key: 'root', order: 3 }),
    ];
    const { entries, orphans } = arrangeEntries(input);
    expect(keys(entries)).toEqual(['a', 'b', 'c', 'self', 'root']);
    expect(orphans.map((orphan) => [orphan.entry.key, orphan.parentKey, orphan.reason])).toEqual([
      ['a', 'c', 'cycle'],
      ['self', 'self', 'cycle'],
    ]);
  });

  it('does not change the entries it is given', () => {
    const lost = entry({ key: 'lost', parentKey: 'gone' });
    arrangeEntries([lost]);
    expect(lost.parentKey).toBe('gone');
  });

  it('handles a deep chain without recursion limits', () => {
    const input = Array.from({ length: 20_000 }, (_, index) => entry({ key: `n${index}`, parentKey: index === 0 ? null : `n${index - 1}` }));
    const { entries } = arrangeEntries(input.reverse());
    expect(entries).toHaveLength(20_000);
    expect(entries[0]?.key).toBe('n0');
    expect(entries[19_999]?.key).toBe('n19999');
  });
});
