/**
 * @mentions of the responsible person, through the whole bot: the people directory over the fake
 * Graph's site user list, the notifier, the cards and the fake Bot Connector. The action reminder
 * and the day-after card carry `<at>Name</at>` and the matching `msteams.entities` with the
 * person's UPN; a person the site no longer has is named without a mention; the user list is read
 * only for a card about to be posted, once per person, and never by a list refresh.
 */
import { stockholmInstant } from '../../../src/domain/dates';
import { silentLogger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import type { ListData, ListItem } from '../../../src/ports/list-source';
import { GraphPeopleDirectory } from '../../../src/sharepoint/graph-people-directory';
import { sampleTeam, type ConnectorActivity } from '../../fakes/fake-bot-connector';
import { startFakeGraph, type FakeGraph } from '../../fakes/fake-graph';
import { MemoryListSource } from '../../fakes/memory-list-source';
import { listItem, sampleListData } from '../../fixtures/bot/list-items';
import { cardAction, installationAdd } from '../../fixtures/bot/teams-activities';
import { harness as graphHarness, sharePointOptions } from '../sharepoint/graph-harness';
import { startHarness, type Harness } from './harness';

const TEAM = sampleTeam();
const SVOM_CHANNEL = '19:svom-channel@thread.tacv2';

const item = (list: string, id: string, fields: Record<string, unknown>): ListItem => listItem(list, id, fields, '2022-11-20T08:00:00Z');

/** A meeting held on Thursday 2022-11-24 whose ärende gave two actions: one for Anna Berg, one for a person since removed. */
function listData(anna: string, gone: string): ListData {
  const data = sampleListData();
  return {
    ...data,
    meetings: [
      ...data.meetings,
      item('Moten', '8', { Title: 'SVOM ordinarie möte', MeetingKey: 'svom-nov', MeetingDate: '2022-11-24', MeetingKind: 'Ordinarie' }),
    ],
    errands: [item('Arenden', '21', { Title: 'Handlingsplan', ErrandKey: 'nov-1', MeetingKey: 'svom-nov', SortOrder: 1, Decision: 'Beslutat.' })],
    actions: [
      item('Uppdrag', '7', {
        Title: 'Återkom med förslag',
        ActionKey: 'a7',
        ErrandKey: 'nov-1',
        ResponsibleGroup: 'Fredagsgruppen',
        ResponsibleLookupId: anna,
        Responsible: 'Anna Berg',
        DueDate: '2022-12-05',
        ActionStatus: 'Pågår',
      }),
      item('Uppdrag', '8', {
        Title: 'Skicka ut',
        ActionKey: 'a8',
        ErrandKey: 'nov-1',
        ResponsibleLookupId: gone,
        Responsible: 'Gustav Ek',
        DueDate: '2022-12-20',
        ActionStatus: 'Pågår',
      }),
    ],
  };
}

type Card = { body: unknown[]; msteams?: { entities?: Array<{ type: string; text: string; mentioned: { id: string; name: string } }> } };
const cardOf = (posted: ConnectorActivity): Card => (posted.activity.attachments as Array<{ content: Card }>)[0]!.content;
const posted = (harness: Harness, marker: string) => harness.connector.postsIn(SVOM_CHANNEL).filter((post) => JSON.stringify(post.activity).includes(marker));

describe('the responsible person is @mentioned where the bot can', () => {
  let fake: FakeGraph;
  let harness: Harness;
  let anna: string;
  let source: MemoryListSource;

  beforeAll(async () => {
    fake = await startFakeGraph();
    anna = fake.addUser('Anna Berg', 'anna.berg@regionjh.se', { upn: 'anna.berg@regionjh.onmicrosoft.com' });
    const gone = fake.addUser('Gustav Ek');
    fake.removeUser(gone);
    const clock = new FixedClock(stockholmInstant('2022-12-01', '10:00'));
    const people = new GraphPeopleDirectory(graphHarness(fake).client, sharePointOptions(fake), { logger: silentLogger, now: () => clock.now() });
    source = new MemoryListSource(listData(anna, gone));
    harness = await startHarness({ source, clock, people });
    const options = { serviceUrl: harness.connector.serviceUrl, team: TEAM };
    await harness.send(installationAdd(options));
    const welcome = harness.connector.postsIn(TEAM.id).at(-1)!;
    await harness.send(cardAction({ ...options, messageId: welcome.activityId }, 'choose-channel', { v: 1, card: 'welcome', channelId: SVOM_CHANNEL }));
    fake.resetLog();
    await harness.bot.notifier.run();
  });
  afterAll(async () => {
    await harness?.close();
    await fake?.close();
  });

  test('the action reminder names Anna Berg as a mention with her UPN, in the Ansvarig fact', () => {
    const [reminder] = posted(harness, 'Uppdraget ska vara klart om 4 dagar');
    const card = cardOf(reminder!);
    expect(JSON.stringify(card.body)).toContain('"title":"Ansvarig","value":"Fredagsgruppen · <at>Anna Berg</at>"');
    expect(card.msteams?.entities).toEqual([
      { type: 'mention', text: '<at>Anna Berg</at>', mentioned: { id: 'anna.berg@regionjh.onmicrosoft.com', name: 'Anna Berg' } },
    ]);
  });

  test('the day-after card mentions her too, and names the person removed from the site without a mention', () => {
    const [outcome] = posted(harness, 'Beslut och uppdrag från mötet');
    const card = cardOf(outcome!);
    const text = JSON.stringify(card.body);
    expect(text).toContain('• Uppdrag: Återkom med förslag – Fredagsgruppen · <at>Anna Berg</at>, klart senast måndag 2022-12-05');
    expect(text).toContain('• Uppdrag: Skicka ut – Gustav Ek, klart senast tisdag 2022-12-20');
    expect(card.msteams?.entities?.map((entity) => entity.mentioned.id)).toEqual(['anna.berg@regionjh.onmicrosoft.com']);
  });

  test('the user list was read once per person for the run, and a refresh with nothing changed reads nothing of it', async () => {
    const userList = () =>
      [...fake.graphRequests().map((entry) => entry.path), ...fake.batchedRequests.map((entry) => entry.path)].filter((path) =>
        /lists\/[^/]+\/items\/\d+/.test(path),
      );
    expect(userList()).toHaveLength(2);
    fake.resetLog();
    await harness.snapshots.refresh();
    await harness.bot.notifier.run();
    expect(fake.graphRequests()).toEqual([]);
  });
});

describe('without a people directory (local mode)', () => {
  test('the card names the person, with no mention entities', async () => {
    const harness = await startHarness({ source: new MemoryListSource(listData('14', '15')), clock: new FixedClock(stockholmInstant('2022-12-01', '10:00')) });
    try {
      const options = { serviceUrl: harness.connector.serviceUrl, team: TEAM };
      await harness.send(installationAdd(options));
      const welcome = harness.connector.postsIn(TEAM.id).at(-1)!;
      await harness.send(cardAction({ ...options, messageId: welcome.activityId }, 'choose-channel', { v: 1, card: 'welcome', channelId: SVOM_CHANNEL }));
      await harness.bot.notifier.run();
      const card = cardOf(posted(harness, 'Uppdraget ska vara klart om 4 dagar')[0]!);
      expect(JSON.stringify(card.body)).toContain('"value":"Fredagsgruppen · Anna Berg"');
      expect(card).not.toHaveProperty('msteams');
    } finally {
      await harness.close();
    }
  });
});
