/**
 * The notifier asks the people directory only for a card it is about to post: not in quiet time,
 * not in a dry run, not for a card the ledger already has; a directory that fails leaves the card
 * to be posted with the name only.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNotifier } from '../../../../bot/notifier';
import type { MentionTarget, PeopleDirectory } from '../../../../src/ports/people-directory';
import { MemoryListSource } from '../../../fakes/memory-list-source';
import { RecordingMessenger, clockAt, notifierDeps, seedListData, setClock } from './helpers';

/** A directory that knows person 14 and records every question; `broken` makes it throw. */
class CountingDirectory implements PeopleDirectory {
  readonly asked: string[][] = [];
  broken = false;
  async mentionable(lookupIds: readonly string[]): Promise<ReadonlyMap<string, MentionTarget>> {
    this.asked.push([...lookupIds]);
    if (this.broken) throw new Error('directory down');
    return new Map(lookupIds.filter((id) => id === '14').map((id) => [id, { id: 'anna.berg@regionjh.onmicrosoft.com', name: 'Anna Berg' }]));
  }
}

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function world() {
  const dir = await mkdtemp(join(tmpdir(), 'people-'));
  dirs.push(dir);
  const data = seedListData();
  data.actions = [
    {
      id: '7',
      eTag: '"a7,1"',
      webUrl: 'https://contoso.sharepoint.com/sites/svom/Lists/Uppdrag/7_.000',
      lastModifiedDateTime: '2022-11-20T08:00:00Z',
      fields: {
        Title: 'Återkom med förslag',
        ActionKey: 'a7',
        ResponsibleLookupId: '14',
        Responsible: 'Anna Berg',
        DueDate: '2022-12-05',
        ActionStatus: 'Pågår',
      },
    },
  ];
  const source = new MemoryListSource(data);
  const clock = clockAt('2022-12-01', '20:00');
  const messenger = new RecordingMessenger();
  const people = new CountingDirectory();
  const notifier = createNotifier(notifierDeps({ source, clock, dir, messenger }, { people }));
  return { clock, messenger, people, notifier };
}

describe('people are looked up', () => {
  it('only for a card about to be posted: not in quiet hours, not in a dry run, not once posted', async () => {
    const { clock, messenger, people, notifier } = await world();
    await notifier.run();
    expect(people.asked).toEqual([]);
    setClock(clock, '2022-12-01', '10:00');
    await notifier.run({ dryRun: true });
    expect(people.asked).toEqual([]);
    await notifier.run();
    expect(people.asked).toEqual([['14']]);
    expect(messenger.posts.filter((post) => post.card.kind === 'action')).toHaveLength(1);
    await notifier.run();
    expect(people.asked).toEqual([['14']]);
  });

  it('and a directory that throws still lets the card be posted', async () => {
    const { clock, messenger, people, notifier } = await world();
    people.broken = true;
    setClock(clock, '2022-12-01', '10:00');
    const report = await notifier.run();
    expect(report.teams[0]?.events.find((event) => event.kind === 'action-reminder')?.outcome).toBe('posted');
    expect(messenger.posts.filter((post) => post.card.kind === 'action')).toHaveLength(1);
  });
});
