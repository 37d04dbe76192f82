/**
 * Cards link the Word files "Spara i SharePoint" saved, through the whole bot in SharePoint mode:
 * the fake Graph's document library behind the real GraphDocumentStore, the notifier, the cards
 * and the fake Bot Connector. The day-after card's "Minnesanteckningar (Word)" and the meeting
 * reminder's "Dagordning (Word)" open the saved files (their https `webUrl`); a meeting with
 * nothing saved gets no such link; the library is read once per card about to be posted, never
 * for a card already posted. A library that refuses or is down leaves the card without the link,
 * posted exactly once, with one log line saying why.
 */
import { stockholmInstant } from '../../../src/domain/dates';
import { silentLogger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import type { ListData } from '../../../src/ports/list-source';
import { GraphDocumentStore } from '../../../src/sharepoint/graph-document-store';
import { sampleTeam, type ConnectorActivity } from '../../fakes/fake-bot-connector';
import { startFakeGraph, type FakeGraph } from '../../fakes/fake-graph';
import { MemoryListSource } from '../../fakes/memory-list-source';
import { listItem, sampleListData } from '../../fixtures/bot/list-items';
import { cardAction, installationAdd } from '../../fixtures/bot/teams-activities';
import { capturedLogs, type LogRecord } from '../../fixtures/captured-logs';
import { harness as graphHarness, sharePointOptions } from '../sharepoint/graph-harness';
import { startHarness, type Harness } from './harness';

const TEAM = sampleTeam();
const SVOM_CHANNEL = '19:svom-channel@thread.tacv2';
const MINUTES = 'Balanslistan/2022/minnesanteckningar-svom-nov.docx';
const AGENDA = 'Balanslistan/2022/dagordning-svom-dec.docx';

/** A meeting held on Friday 2022-11-25 with a decision written, and one on Wednesday 2022-11-30 (two days after Monday the 28th). */
function listData(): ListData {
  const data = sampleListData();
  return {
    ...data,
    meetings: [
      ...data.meetings,
      listItem('Moten', '8', { Title: 'SVOM ordinarie möte', MeetingKey: 'svom-nov', MeetingDate: '2022-11-24T23:00:00Z', MeetingKind: 'Ordinarie' }),
      listItem('Moten', '9', { Title: 'SVOM extra möte', MeetingKey: 'svom-dec', MeetingDate: '2022-11-29T23:00:00Z', MeetingKind: 'Extra' }),
    ],
    errands: [
      listItem('Arenden', '21', {
        Title: 'Handlingsplan psykisk hälsa',
        ErrandKey: 'nov-1',
        MeetingKey: 'svom-nov',
        SortOrder: 1,
        Decision: 'SVOM ställer sig bakom.',
      }),
      listItem('Arenden', '22', { Title: 'Välfärdsteknologi', ErrandKey: 'dec-1', MeetingKey: 'svom-dec', SortOrder: 1 }),
    ],
  };
}

type Card = { body: unknown[]; actions?: Array<{ type: string; title: string; url?: string }> };
const cardOf = (posted: ConnectorActivity): Card => (posted.activity.attachments as Array<{ content: Card }>)[0]!.content;
const posted = (harness: Harness, marker: string) => harness.connector.postsIn(SVOM_CHANNEL).filter((post) => JSON.stringify(post.activity).includes(marker));
const buttons = (card: Card) => (card.actions ?? []).filter((action) => action.type === 'Action.OpenUrl').map((action) => [action.title, action.url]);
const driveReads = (fake: FakeGraph) => fake.graphRequests().filter((entry) => entry.path.includes('/drive/root:'));

interface World {
  fake: FakeGraph;
  harness: Harness;
  records: LogRecord[];
}

/** The bot in SharePoint mode (the tab's API wants its sign-in, so no card links `/api/…docx`), on Monday 2022-11-28 08:00. */
async function world(): Promise<World> {
  const fake = await startFakeGraph();
  const logs = capturedLogs();
  const clock = new FixedClock(stockholmInstant('2022-11-28', '08:00'));
  const documents = new GraphDocumentStore(graphHarness(fake).client, sharePointOptions(fake, { siteUrl: null, siteId: fake.siteId }), {
    logger: silentLogger,
    clientId: fake.clientId,
    now: () => clock.now(),
  });
  const harness = await startHarness({
    source: new MemoryListSource(listData()),
    clock,
    logger: logs.logger,
    documents,
    env: {
      PUBLIC_URL: 'https://svom.example.org',
      AZURE_TENANT_ID: fake.tenantId,
      AZURE_CLIENT_ID: fake.clientId,
      AZURE_CLIENT_SECRET: fake.clientSecret,
      SHAREPOINT_SITE_ID: fake.siteId,
      GRAPH_BASE_URL: fake.baseUrl,
      AZURE_AUTHORITY_HOST: fake.authorityHost,
    },
  });
  const options = { serviceUrl: harness.connector.serviceUrl, team: TEAM };
  await harness.send(installationAdd(options));
  const welcome = harness.connector.postsIn(TEAM.id).at(-1)!;
  await harness.send(cardAction({ ...options, messageId: welcome.activityId }, 'choose-channel', { v: 1, card: 'welcome', channelId: SVOM_CHANNEL }));
  return { fake, harness, records: logs.records };
}

async function close(world: World | undefined): Promise<void> {
  await world?.harness.close();
  await world?.fake.close();
}

describe('with the minutes and the agenda saved in the library', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
    const store = new GraphDocumentStore(graphHarness(w.fake).client, sharePointOptions(w.fake), { logger: silentLogger, clientId: w.fake.clientId });
    await store.save('2022', 'minnesanteckningar-svom-nov.docx', Buffer.from('minnesanteckningar'));
    await store.save('2022', 'dagordning-svom-dec.docx', Buffer.from('dagordning'));
    // A person edits the minutes in Word for the web: theirs is the file to open.
    w.fake.drive.editAsUser(MINUTES, 'Anna Berg');
    w.fake.resetLog();
    await w.harness.bot.notifier.run();
  });
  afterAll(async () => {
    await close(w);
  });

  test('the day-after card opens the saved minutes in the library', () => {
    const [outcome] = posted(w.harness, 'Beslut och uppdrag från mötet');
    expect(buttons(cardOf(outcome!))).toEqual([
      ['Visa mötet', 'https://svom.example.org/?view=moten&meeting=8'],
      ['Minnesanteckningar (Word)', `${w.fake.siteUrl}/Delade%20dokument/${MINUTES}`],
      ['Visa alla uppdrag', 'https://svom.example.org/?view=uppdrag'],
    ]);
  });

  test('the meeting reminder opens the saved agenda', () => {
    const [reminder] = posted(w.harness, 'SVOM extra möte');
    expect(buttons(cardOf(reminder!))).toContainEqual(['Dagordning (Word)', `${w.fake.siteUrl}/Delade%20dokument/${AGENDA}`]);
  });

  test('the library was read once per card that links a file, and not again once they are posted', async () => {
    expect(driveReads(w.fake).map((entry) => decodeURIComponent(entry.path.replace(/\?.*$/, '')).replace(/^.*\/drive\/root:\//, ''))).toEqual([
      AGENDA,
      MINUTES,
    ]);
    w.fake.resetLog();
    const report = await w.harness.bot.notifier.run();
    expect(report.teams[0]?.events.filter((event) => event.outcome === 'posted')).toEqual([]);
    expect(w.fake.graphRequests()).toEqual([]);
  });
});

describe('with nothing saved', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
    await w.harness.bot.notifier.run();
  });
  afterAll(async () => {
    await close(w);
  });

  test('the cards have no Word link: the tab is where the file is made', () => {
    expect(buttons(cardOf(posted(w.harness, 'Beslut och uppdrag från mötet')[0]!)).map(([title]) => title)).toEqual(['Visa mötet', 'Visa alla uppdrag']);
    expect(buttons(cardOf(posted(w.harness, 'SVOM extra möte')[0]!)).map(([title]) => title)).not.toContain('Dagordning (Word)');
    expect(w.records.filter((line) => line.msg.includes('document library'))).toEqual([]);
  });
});

describe.each([
  ['the app may not read the site (403)', (fake: FakeGraph) => fake.setAccess('none'), 403],
  ['Graph stays unavailable (503)', (fake: FakeGraph) => fake.fail({ status: 503, count: 100, match: /\/drive\/root:/ }), 503],
  ['Graph keeps throttling (429)', (fake: FakeGraph) => fake.fail({ status: 429, count: 100, retryAfter: 1, match: /\/drive\/root:/ }), 429],
])('when %s', (_name, breakIt, status) => {
  let w: World;
  beforeAll(async () => {
    w = await world();
    breakIt(w.fake);
  });
  afterAll(async () => {
    await close(w);
  });

  test('the cards are posted without the link, exactly once, and one log line per card says why', async () => {
    const report = await w.harness.bot.notifier.run();
    const events = report.teams[0]?.events ?? [];
    expect(events.find((event) => event.kind === 'meeting-outcome')?.outcome).toBe('posted');
    expect(events.find((event) => event.kind === 'meeting-reminder')?.outcome).toBe('posted');
    const outcome = posted(w.harness, 'Beslut och uppdrag från mötet');
    expect(outcome).toHaveLength(1);
    expect(buttons(cardOf(outcome[0]!)).map(([title]) => title)).toEqual(['Visa mötet', 'Visa alla uppdrag']);
    const why = w.records.filter((line) => line.msg.startsWith('could not look up the saved file'));
    expect(why.map((line) => [line.level, line.file, line.status])).toEqual([
      [40, 'dagordning-svom-dec.docx', status],
      [40, 'minnesanteckningar-svom-nov.docx', status],
    ]);
    expect(why[1]?.msg).toBe(
      'could not look up the saved file 2022/minnesanteckningar-svom-nov.docx in the document library; the card is posted without its link',
    );

    w.fake.setAccess('write');
    w.fake.clearFaults();
    expect((await w.harness.bot.notifier.run()).teams[0]?.events.filter((event) => event.outcome === 'posted')).toEqual([]);
    expect(posted(w.harness, 'Beslut och uppdrag från mötet')).toHaveLength(1);
  });
});
