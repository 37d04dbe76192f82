/**
 * The forum's year through the whole bot against the loopback Bot Connector: meeting reminders
 * carry the meeting's ärenden as registered when each is posted, and "Uppföljning YYYY är klar att
 * granska" is posted once per team and year, across reruns and a restart, with links built from
 * the app's settings (TEAMS_APP_ID, PUBLIC_URL).
 */
import { stockholmInstant } from '../../../src/domain/dates';
import { FixedClock } from '../../../src/ports/clock';
import type { ListData, ListItem } from '../../../src/ports/list-source';
import { sampleTeam, type ConnectorActivity } from '../../fakes/fake-bot-connector';
import { MemoryListSource } from '../../fakes/memory-list-source';
import { sampleListData } from '../../fixtures/bot/list-items';
import { cardAction, channelMessage, installationAdd } from '../../fixtures/bot/teams-activities';
import { startHarness, type Harness } from './harness';

const TEAM = sampleTeam();
const SVOM_CHANNEL = '19:svom-channel@thread.tacv2';
const APP_ID = '0c7e6f0a-1b2c-4d5e-8f90-a1b2c3d4e5f6';

function errandItem(id: string, fields: Record<string, unknown>): ListItem {
  return {
    id,
    eTag: `"errands-${id},1"`,
    webUrl: `https://contoso.sharepoint.com/sites/svom/Lists/Arenden%20SVOM/${id}_.000`,
    lastModifiedDateTime: '2022-11-01T08:00:00Z',
    fields,
  };
}

/** The sample list, its December meeting keyed "svom-2022-4" and an earlier 2022 meeting, with `errands`. */
function forumListData(errands: ListItem[]): ListData {
  const data = sampleListData();
  const december = data.meetings[0] as ListItem;
  december.fields = { ...december.fields, MeetingKey: 'svom-2022-4' };
  const september: ListItem = {
    ...december,
    id: '4',
    eTag: '"meetings-4,1"',
    fields: { Title: 'SVOM ordinarie möte', MeetingKey: 'svom-2022-3', MeetingDate: '2022-09-15', MeetingKind: 'Ordinarie' },
  };
  return { ...data, meetings: [september, december], errands };
}

function agendaItem(n: number, meetingKey: string, extra: Record<string, unknown> = {}): ListItem {
  return errandItem(String(100 + n), { Title: `Ärende ${n}`, ErrandKey: `arende-${n}`, MeetingKey: meetingKey, SortOrder: n, ...extra });
}

/** Registers an ärende in the running store, as a secretariat member would between two runs. */
function register(source: MemoryListSource, item: ListItem): void {
  source.add('errands', item);
}

function cardText(posted: ConnectorActivity): string {
  const attachments = posted.activity.attachments as Array<{ content: Record<string, unknown> }>;
  return JSON.stringify(attachments[0]?.content);
}

function textsOf(posted: ConnectorActivity): string[] {
  const attachments = posted.activity.attachments as Array<{ content: { body: Array<Record<string, unknown>> } }>;
  return (attachments[0]?.content.body ?? []).filter((element) => element.type === 'TextBlock').map((element) => String(element.text));
}

async function installAndChoose(harness: Harness): Promise<void> {
  const options = { serviceUrl: harness.connector.serviceUrl, team: TEAM };
  expect((await harness.send(installationAdd(options))).status).toBe(200);
  const welcome = harness.connector.postsIn(TEAM.id).at(-1)!;
  expect(
    (await harness.send(cardAction({ ...options, messageId: welcome.activityId }, 'choose-channel', { v: 1, card: 'welcome', channelId: SVOM_CHANNEL })))
      .status,
  ).toBe(200);
}

const posts = (harness: Harness, marker: string): ConnectorActivity[] =>
  harness.connector.postsIn(SVOM_CHANNEL).filter((post) => cardText(post).includes(marker));

describe('meeting reminders carry the agenda registered so far', () => {
  let harness: Harness;
  let source: MemoryListSource;
  let clock: FixedClock;

  beforeAll(async () => {
    source = new MemoryListSource(
      forumListData([
        agendaItem(1, 'svom-2022-4', {
          Title: 'Länsgemensam plan för välfärdsteknologi',
          ErrandKind: 'Beslut',
          ErrandStatus: 'Berett',
          PreparingGroup: ['Fredagsgruppen'],
        }),
        agendaItem(2, 'svom-2022-4', { Title: 'Psykisk hälsa barn och unga', ErrandKind: 'Information', ErrandStatus: 'Anmält', PreparingGroup: ['L-IFO'] }),
        agendaItem(3, 'svom-2022-4', { Title: 'Hemsjukvårdsavtalet' }),
        agendaItem(4, 'svom-2022-3', { Title: 'Ett ärende till septembermötet' }),
      ]),
    );
    clock = new FixedClock(stockholmInstant('2022-12-01', '10:00'));
    harness = await startHarness({ source, clock });
    await installAndChoose(harness);
  });
  afterAll(async () => {
    await harness?.close();
  });

  test("the 14-day reminder lists the meeting's three ärenden in order, with the days left to submit more", async () => {
    await harness.bot.notifier.run();
    const [reminder] = posts(harness, 'SVOM-möte om 14 dagar');
    expect(reminder).toBeDefined();
    const texts = textsOf(reminder!);
    expect(texts).toContain('Ärenden till mötet (3)');
    expect(texts).toContain('Sista dag att anmäla ärenden: måndag 2022-12-05 (om 4 dagar)');
    expect(texts.filter((text) => text.startsWith('• ')).slice(0, 3)).toEqual([
      '• Länsgemensam plan för välfärdsteknologi (Beslut, Berett) – Fredagsgruppen',
      '• Psykisk hälsa barn och unga (Information, Anmält) – L\\-IFO',
      '• Hemsjukvårdsavtalet',
    ]);
    expect(cardText(reminder!)).not.toContain('septembermötet');
  });

  test('"möten" tells how many ärenden each upcoming meeting has so far', async () => {
    const before = harness.connector.activities.length;
    expect((await harness.send(channelMessage({ serviceUrl: harness.connector.serviceUrl, team: TEAM, channelId: SVOM_CHANNEL }, 'möten'))).status).toBe(200);
    const [reply] = harness.connector.activities.slice(before);
    const card = (reply?.activity.attachments as Array<{ content: { body: Array<Record<string, unknown>> } }>)[0]!.content;
    const meeting = card.body.find((element) => element.type === 'Container') as {
      items: Array<{ text?: string; facts?: Array<{ title: string; value: string }> }>;
    };
    expect(meeting.items[0]?.text).toBe('Exempel: SVOM ordinarie möte');
    expect(meeting.items[1]?.facts).toContainEqual({ title: 'Anmälda ärenden', value: '3' });
  });

  test('the 2-day reminder shows the agenda as it is then: 40 ärenden, the first 12 and "och 28 till"', async () => {
    for (let n = 5; n <= 41; n += 1) register(source, agendaItem(n, 'svom-2022-4'));
    clock.set(stockholmInstant('2022-12-13', '10:00'));
    const report = await harness.bot.notifier.run();
    expect(report.teams[0]?.events.find((event) => event.key === 'meeting/3/2022-12-15/2')?.outcome).toBe('posted');
    const [reminder] = posts(harness, 'SVOM-möte om 2 dagar');
    const texts = textsOf(reminder!);
    expect(texts).toContain('Ärenden till mötet (40)');
    expect(texts).toContain('Sista dag att anmäla ärenden: måndag 2022-12-05 (för 8 dagar sedan)');
    expect(texts.filter((text) => /^• (Ärende \d+|Länsgemensam|Psykisk|Hemsjukvårdsavtalet)/.test(text))).toHaveLength(12);
    expect(texts).toContain('… och 28 till. Hela listan finns i balanslistan.');
  });
});

describe('"Uppföljning 2022 är klar att granska", once per team and year', () => {
  let harness: Harness;
  let clock: FixedClock;

  beforeAll(async () => {
    // The year's last meeting is on Thursday 2022-12-15; three ärenden were on the year's agendas.
    const source = new MemoryListSource(
      forumListData([agendaItem(1, 'svom-2022-3', { EntryKeys: 'prio-1-1' }), agendaItem(2, 'svom-2022-4'), agendaItem(3, 'svom-2022-4')]),
    );
    clock = new FixedClock(stockholmInstant('2022-12-15', '10:00'));
    harness = await startHarness({ source, clock, env: { TEAMS_APP_ID: APP_ID, PUBLIC_URL: 'https://balanslistan.example.org' } });
    await installAndChoose(harness);
  });
  afterAll(async () => {
    await harness?.close();
  });

  const outcome = (report: Awaited<ReturnType<Harness['bot']['notifier']['run']>>) =>
    report.teams[0]?.events.find((event) => event.key === 'follow-up/2022')?.outcome;

  test('is not posted on the day of the last meeting', async () => {
    expect(outcome(await harness.bot.notifier.run())).toBeUndefined();
    expect(posts(harness, 'Uppföljning 2022')).toHaveLength(0);
  });

  test("waits out quiet hours, then is posted the day after, linking to the tab's Uppföljning view and the Word file", async () => {
    clock.set(stockholmInstant('2022-12-16', '06:30'));
    expect(outcome(await harness.bot.notifier.run())).toBe('deferred-quiet-hours');
    expect(posts(harness, 'Uppföljning 2022')).toHaveLength(0);

    clock.set(stockholmInstant('2022-12-16', '08:00'));
    expect(outcome(await harness.bot.notifier.run())).toBe('posted');
    const [posted] = posts(harness, 'Uppföljning 2022 är klar att granska');
    expect(posted?.activity.summary).toBe('Uppföljning 2022 är klar att granska');
    const texts = textsOf(posted!);
    expect(texts).toContain('Årets sista möte (Exempel: SVOM ordinarie möte, torsdag 2022-12-15) är hållet, så uppföljningen av 2022 kan granskas.');
    const actions = (posted!.activity.attachments as Array<{ content: { actions: Array<{ title: string; url: string }> } }>)[0]!.content.actions;
    const view = new URL(actions[0]!.url);
    expect(`${view.origin}${view.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/balanslista`);
    expect(JSON.parse(view.searchParams.get('context') ?? '')).toEqual({ subEntityId: 'view=uppfoljning&year=2022' });
    expect(actions[1]).toEqual({ type: 'Action.OpenUrl', title: 'Ladda ner Word-filen', url: 'https://balanslistan.example.org/api/follow-up/2022.docx' });
  });

  test('a second run and a run after a restart do not post it again', async () => {
    clock.set(stockholmInstant('2022-12-16', '09:00'));
    expect(outcome(await harness.bot.notifier.run())).toBe('skipped-already-posted');
    await harness.restart();
    clock.set(stockholmInstant('2023-01-09', '09:00'));
    expect(outcome(await harness.bot.notifier.run())).toBe('skipped-already-posted');
    expect(posts(harness, 'Uppföljning 2022')).toHaveLength(1);
  });
});
