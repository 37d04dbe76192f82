/**
 * The notifier asks the document store for the saved file only for a card it is about to post:
 * not in quiet time, not in a dry run, not for a card the ledger already has; the card is given
 * what the store found; a store that fails leaves the card to be posted without it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CardContext, CardRenderer } from '../../../../bot/contracts';
import { createNotifier } from '../../../../bot/notifier';
import type { DocumentStore, FoundDocument, SavedDocument } from '../../../../src/ports/document-store';
import { MemoryListSource } from '../../../fakes/memory-list-source';
import { RecordingMessenger, clockAt, fakeCards, meetingItem, notifierDeps, seedListData, setClock } from './helpers';

const MINUTES_URL = 'https://contoso.sharepoint.com/sites/svom/Delade%20dokument/Balanslistan/2022/minnesanteckningar-svom-nov.docx';

/** A library holding the minutes of "svom-nov"; records every look-up; `broken` makes it throw. */
class CountingLibrary implements DocumentStore {
  readonly kind = 'sharepoint' as const;
  readonly asked: string[] = [];
  broken = false;
  async find(folder: string, fileName: string): Promise<FoundDocument | null> {
    this.asked.push(`${folder}/${fileName}`);
    if (this.broken) throw new Error('library down');
    return fileName === 'minnesanteckningar-svom-nov.docx' ? { name: fileName, webUrl: MINUTES_URL } : null;
  }
  async save(): Promise<SavedDocument> {
    throw new Error('the notifier never saves');
  }
}

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Thursday 2022-11-24's meeting "svom-nov" (the year's last) with a decision written: its day-after card is due on Friday the 25th. */
async function world() {
  const dir = await mkdtemp(join(tmpdir(), 'documents-'));
  dirs.push(dir);
  const data = seedListData();
  const meeting = meetingItem('8', '2022-11-24', 'SVOM ordinarie möte');
  data.meetings = [...data.meetings, { ...meeting, fields: { ...meeting.fields, MeetingKey: 'svom-nov' } }];
  data.errands = [
    {
      id: '21',
      eTag: '"21,1"',
      webUrl: 'https://contoso.sharepoint.com/sites/svom/Lists/Arenden/21_.000',
      lastModifiedDateTime: '2022-11-24T14:00:00Z',
      fields: { Title: 'Handlingsplan', ErrandKey: 'nov-1', MeetingKey: 'svom-nov', SortOrder: 1, Decision: 'Beslutat.' },
    },
  ];
  const clock = clockAt('2022-11-25', '20:00');
  const messenger = new RecordingMessenger();
  const documents = new CountingLibrary();
  const given: Array<CardContext['savedDocument']> = [];
  const cards: CardRenderer = {
    ...fakeCards,
    meetingOutcome: (outcome, context) => (given.push(context.savedDocument), fakeCards.meetingOutcome(outcome, context)),
  };
  const notifier = createNotifier(notifierDeps({ source: new MemoryListSource(data), clock, dir, messenger }, { documents, cards }));
  return { clock, messenger, documents, given, notifier };
}

describe('saved files are looked up', () => {
  it('only for a card about to be posted: not in quiet hours, not in a dry run, not once posted', async () => {
    const { clock, messenger, documents, given, notifier } = await world();
    await notifier.run();
    expect(documents.asked).toEqual([]);
    setClock(clock, '2022-11-25', '10:00');
    await notifier.run({ dryRun: true });
    expect(documents.asked).toEqual([]);
    await notifier.run();
    // The day-after card's minutes, and the year's Uppföljning (its last meeting has been held).
    const asked = ['2022/minnesanteckningar-svom-nov.docx', '2022/uppfoljning-svom-2022.docx'];
    expect(documents.asked).toEqual(asked);
    expect(given.at(-1)).toEqual({ name: 'minnesanteckningar-svom-nov.docx', webUrl: MINUTES_URL });
    expect(messenger.posts.filter((post) => post.card.kind === 'outcome')).toHaveLength(1);
    await notifier.run();
    expect(documents.asked).toEqual(asked);
  });

  it('and a library that throws still lets the card be posted, once, without the file', async () => {
    const { clock, messenger, documents, given, notifier } = await world();
    documents.broken = true;
    setClock(clock, '2022-11-25', '10:00');
    const report = await notifier.run();
    expect(report.teams[0]?.events.find((event) => event.kind === 'meeting-outcome')?.outcome).toBe('posted');
    expect(given).toEqual([undefined]);
    await notifier.run();
    expect(messenger.posts.filter((post) => post.card.kind === 'outcome')).toHaveLength(1);
  });
});
