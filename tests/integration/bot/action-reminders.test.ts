/**
 * Action reminders through the bot: the notifier posts an action due within 7 days to the
 * forum's channel exactly once; "Klart" writes status Klart and the day with If-Match and tells
 * everyone who marked it; an edit made since the card was posted writes nothing and says so to the
 * member who pressed; "Påminn igen om 7 dagar" answers only that member.
 */
import { MemoryListSource } from '../../fakes/memory-list-source';
import { sampleTeam, type ConnectorActivity } from '../../fakes/fake-bot-connector';
import { listItem, sampleListData } from '../../fixtures/bot/list-items';
import { cardAction, installationAdd } from '../../fixtures/bot/teams-activities';
import { startHarness, type Harness } from './harness';

const TEAM = sampleTeam();
const SVOM_CHANNEL = '19:svom-channel@thread.tacv2';

/** An open action due Monday 2022-12-05, as the list source returns it. */
const openAction = () =>
  listItem(
    'Uppdrag',
    '7',
    { Title: 'Återkom med förslag', ActionKey: 'a7', ResponsibleGroup: 'Fredagsgruppen', DueDate: '2022-12-05', ActionStatus: 'Pågår' },
    '2022-11-20T08:00:00Z',
  );

type Action = { type: string; title: string; verb?: string; data?: Record<string, unknown> };

const actionsOf = (posted: ConnectorActivity): Action[] => (posted.activity.attachments as Array<{ content: { actions: Action[] } }>)[0]!.content.actions;
const text = (body: unknown) => JSON.stringify((body as { value: unknown }).value);

describe('action reminders in the channel', () => {
  let harness: Harness;
  let source: MemoryListSource;
  let post: ConnectorActivity;

  const click = (verb: string, data: unknown) =>
    harness.send(cardAction({ serviceUrl: harness.connector.serviceUrl, team: TEAM, channelId: SVOM_CHANNEL, messageId: post.activityId }, verb, data));

  beforeEach(async () => {
    const data = sampleListData();
    data.actions = [openAction()];
    source = new MemoryListSource(data);
    harness = await startHarness({ source });
    const options = { serviceUrl: harness.connector.serviceUrl, team: TEAM };
    await harness.send(installationAdd(options));
    const welcome = harness.connector.postsIn(TEAM.id)[0]!;
    await harness.send(cardAction({ ...options, messageId: welcome.activityId }, 'choose-channel', { v: 1, card: 'welcome', channelId: SVOM_CHANNEL }));
    await harness.bot.notifier.run();
    post = harness.connector.postsIn(SVOM_CHANNEL).find((posted) => JSON.stringify(posted.activity).includes('Återkom med förslag'))!;
  });
  afterEach(async () => {
    await harness?.close();
  });

  test('is posted once, 7 days or less before the due date, with Klart and Påminn igen', async () => {
    expect(post).toBeDefined();
    expect(JSON.stringify(post.activity)).toContain('Uppdraget ska vara klart om 4 dagar');
    expect(actionsOf(post).map((action) => action.title)).toEqual(['Klart', 'Påminn igen om 7 dagar', 'Visa alla uppdrag']);
    await harness.bot.notifier.run();
    expect(harness.connector.postsIn(SVOM_CHANNEL).filter((posted) => JSON.stringify(posted.activity).includes('Återkom med förslag'))).toHaveLength(1);
  });

  test('"Klart" writes status Klart and the day with If-Match, and tells everyone who marked it', async () => {
    const done = actionsOf(post).find((action) => action.verb === 'action-done')!;
    const response = await click(done.verb!, done.data);
    expect(response.status).toBe(200);
    expect(text(response.body)).toContain('Markerat klart av Anna Andersson 2022-12-01.');
    const written = (await source.read()).data.actions?.[0]?.fields;
    expect(written).toMatchObject({ ActionStatus: 'Klart', DoneDate: '2022-11-30T23:00:00.000Z' });
  });

  test('an edit made since the card writes nothing and says so to the member who pressed', async () => {
    source.editUnseen('actions', '7', { DueDate: '2022-12-20' });
    const done = actionsOf(post).find((action) => action.verb === 'action-done')!;
    const response = await click(done.verb!, done.data);
    expect(text(response.body)).toContain('Någon ändrade uppdraget under tiden, så ingenting sparades.');
    expect((await source.read()).data.actions?.[0]?.fields.ActionStatus).toBe('Pågår');
  });

  test('"Påminn igen om 7 dagar" snoozes the reminder and answers only the member who pressed', async () => {
    const snooze = actionsOf(post).find((action) => action.verb === 'snooze')!;
    const response = await click(snooze.verb!, snooze.data);
    expect(text(response.body)).toContain('Jag påminner igen 2022-12-08.');
  });
});

describe('REMINDER_ACTION_DAYS', () => {
  const remindersWith = async (days: string) => {
    const data = sampleListData();
    data.actions = [openAction()];
    const harness = await startHarness({ source: new MemoryListSource(data), env: { REMINDER_ACTION_DAYS: days } });
    try {
      const options = { serviceUrl: harness.connector.serviceUrl, team: TEAM };
      await harness.send(installationAdd(options));
      const welcome = harness.connector.postsIn(TEAM.id)[0]!;
      await harness.send(cardAction({ ...options, messageId: welcome.activityId }, 'choose-channel', { v: 1, card: 'welcome', channelId: SVOM_CHANNEL }));
      const report = await harness.bot.notifier.run();
      return report.teams.flatMap((team) => team.events.map((event) => event.key)).filter((key) => key.startsWith('action/'));
    } finally {
      await harness.close();
    }
  };

  test('sets the days before the due date the notifier reminds on', async () => {
    expect(await remindersWith('3,0')).toEqual([]);
    expect(await remindersWith('4')).toEqual(['action/7/2022-12-05/soon']);
    expect(await remindersWith('10,4,0')).toEqual(['action/7/2022-12-05/soon-4']);
  });
});
