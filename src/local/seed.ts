/**
 * The local store's first content: the seed file (SEED_FILE, the 2022 balance list by default)
 * with every item at its first version, and example meetings for the coming year after the
 * seed's own meetings, so that a new local install has reminders to show. A seed without ärenden
 * and actions (the 2022 balance list) also gets an example held meeting with decisions and
 * actions; a seed that has its own (the 2017 dataset) stays as written.
 */
import { readFile } from 'node:fs/promises';
import { stockholmDateOf } from '../domain/dates';
import type { CalendarDate } from '../domain/types';
import { SourceError } from '../errors';
import { FORUM_LIST_NAMES } from '../ports/list-source';
import { exampleFollowUpFields } from './example-follow-up';
import { exampleMeetingFields } from './example-meetings';
import { firstVersion } from './item-versions';
import { parseListFile, type StoredItem, type StoredLists } from './list-file';

/**
 * Reads and checks the seed file. Throws `local-seed-missing` or `local-seed-unreadable` (with the
 * cause), or `local-invalid` for a file that is not a list file, naming `storeFile` as what
 * cannot be created.
 */
export async function readSeed(seedFile: string, storeFile: string): Promise<StoredLists> {
  let text: string;
  try {
    text = await readFile(seedFile, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    throw new SourceError(
      code === 'ENOENT' ? 'local-seed-missing' : 'local-seed-unreadable',
      `The seed file ${seedFile} (SEED_FILE) cannot be read (${code ?? String(error)}), so the local store ${storeFile} cannot be created`,
      null,
      { cause: error },
    );
  }
  return parseListFile(text, seedFile, 'The seed file');
}

/** The lists a new store starts with, made `now`: the seed's items and the example meetings (numbered after the seed's). */
export function seededLists(seed: StoredLists, now: Date): { lists: StoredLists; examples: number; today: CalendarDate } {
  const today = stockholmDateOf(now);
  let nextId = Math.max(0, ...seed.meetings.map((item) => Number(item.id))) + 1;
  const examples: StoredItem[] = exampleMeetingFields(today).map((fields) => ({ id: String(nextId++), fields }));
  const stamp = (item: StoredItem): StoredItem => firstVersion(item, now);
  const lists: StoredLists = { balance: seed.balance.map(stamp), meetings: [...seed.meetings, ...examples].map(stamp) };
  for (const list of FORUM_LIST_NAMES) {
    const items = seed[list];
    if (items !== undefined) lists[list] = items.map(stamp);
  }
  if (seed.errands === undefined && seed.actions === undefined) {
    const keys = new Set(seed.balance.map((item) => item.fields.EntryKey).filter((key): key is string => typeof key === 'string'));
    const held = exampleFollowUpFields(today, keys);
    const numbered = (items: Array<Record<string, unknown>>) => items.map((fields, index) => stamp({ id: String(index + 1), fields }));
    lists.meetings.push(stamp({ id: String(nextId++), fields: held.meeting }));
    lists.errands = numbered(held.errands);
    lists.actions = numbered(held.actions);
  }
  return { lists, examples: examples.length, today };
}
