/**
 * Action.Execute on posted cards: "Revision påbörjad" decides from the item read fresh from the
 * list, writes with If-Match and refreshes the card for everyone; an edit made since the card
 * gives a friendly card with the current state; "Påminn igen om 7 dagar" snoozes the reminder and
 * answers only the member who pressed; stale, forged or unreadable actions get a clear card,
 * never an error. The channel message is updated only when what everyone sees has changed.
 */
import { MemoryListSource } from '../../fakes/memory-list-source';
import { sampleTeam, type ConnectorActivity } from '../../fakes/fake-bot-connector';
import { sampleListData } from '../../fixtures/bot/list-items';
import { cardAction, installationAdd } from '../../fixtures/bot/teams-activities';
import { startHarness, type Harness } from './harness';
import { capturedLogs, type LogRecord } from '../../fixtures/captured-logs';

const TEAM = sampleTeam();
const SVOM_CHANNEL = '19:svom-channel@thread.tacv2';

type Action = { type: string; title: string; verb?: string; data?: Record<string, unknown> };

function actionsOf(posted: ConnectorActivity): Action[] {
  const attachments = posted.activity.attachments as Array<{ content: { actions: Action[] } }>;
  return attachments[0]!.content.actions;
}

function cardText(body: unknown): string {
  return JSON.stringify((body as { value: unknown }).value);
}

describe('card actions', () => {
  let harness: Harness;
  let source: MemoryListSource;
  let expiryPost: ConnectorActivity;
  let meetingPost: ConnectorActivity;

  const click = (post: ConnectorActivity, verb: string, data: unknown) =>
    harness.send(cardAction({ serviceUrl: harness.connector.serviceUrl, team: TEAM, channelId: SVOM_CHANNEL, messageId: post.activityId }, verb, data));

  beforeEach(async () => {
    source = new MemoryListSource(sampleListData());
    harness = await startHarness({ source });
    const options = { serviceUrl: harness.connector.serviceUrl, team: TEAM };
    await harness.send(installationAdd(options));
    const welcome = harness.connector.postsIn(TEAM.id)[0]!;
    await harness.send(cardAction({ ...options, messageId: welcome.activityId }, 'choose-channel', { v: 1, card: 'welcome', channelId: SVOM_CHANNEL }));
    await harness.bot.notifier.run();
    const posts = harness.connector.postsIn(SVOM_CHANNEL);
    expiryPost = posts.find((post) => JSON.stringify(post.activity).includes('Avtalet löper ut'))!;
    meetingPost = posts.find((post) => JSON.stringify(post.activity).includes('SVOM-möte om'))!;
  });
  afterEach(async () => {
    await harness?.close();
  });

  test('"Revision påbörjad" writes status, who and when with If-Match, and refreshes the card for everyone', async () => {
    const action = actionsOf(expiryPost).find((a) => a.verb === 'revision-started')!;
    expect(action.title).toBe('Revision påbörjad');
    const response = await click(expiryPost, action.verb!, action.data);
    expect(response.status).toBe(200);
    expect(cardText(response.body)).toContain('Revisionsstatus ändrad till \\"Revision påbörjad\\" av Anna Andersson.');
    expect(cardText(response.body)).toContain('Revision påbörjad av Anna Andersson, 2022-12-01');
    // The button is gone from the refreshed card, for the clicker and in the channel.
    expect(cardText(response.body)).not.toContain('"verb":"revision-started"');
    expect(expiryPost.updates).toBe(1);
    expect(JSON.stringify(expiryPost.activity)).toContain('Revision påbörjad av Anna Andersson');

    const item = (await source.read()).data.balance.find((candidate) => candidate.id === '12')!;
    expect(item.fields).toMatchObject({
      RevisionStatus: 'Revision påbörjad',
      RevisionUpdatedBy: 'Anna Andersson',
      RevisionUpdatedAt: '2022-12-01T09:00:00.000Z',
    });
    expect((await harness.snapshots.get()).list.entries.find((entry) => entry.id === '12')?.agreement?.revisionStatus).toBe('started');
  });

  test('an edit made since the card gives a friendly card with the current state, and nothing is overwritten', async () => {
    const action = actionsOf(expiryPost).find((a) => a.verb === 'revision-started')!;
    source.editUnseen('balance', '12', { Notes: 'Ändrad av sekretariatet under tiden.' });
    const response = await click(expiryPost, action.verb!, action.data);
    expect(response.status).toBe(200);
    const text = cardText(response.body);
    expect(text).toContain('Någon ändrade avtalet i balanslistan under tiden');
    expect(text).toContain('Ändrad av sekretariatet under tiden');
    const item = (await source.read()).data.balance.find((candidate) => candidate.id === '12')!;
    expect(item.fields.RevisionStatus).toBe('Revision kan behövas');
    // The channel shows the current state too, without the words meant for the member who pressed.
    expect(expiryPost.updates).toBe(1);
    expect(JSON.stringify(expiryPost.activity)).toContain('Ändrad av sekretariatet under tiden');
    expect(JSON.stringify(expiryPost.activity)).not.toContain('Någon ändrade avtalet');
    // Pressing the refreshed card's button (with the new eTag) then works.
    const refreshed = (response.body as { value: { actions: Action[] } }).value.actions.find((a) => a.verb === 'revision-started')!;
    const second = await click(expiryPost, refreshed.verb!, refreshed.data);
    expect(cardText(second.body)).toContain('Revision påbörjad av Anna Andersson');
    expect(expiryPost.updates).toBe(2);
  });

  test('a second click after the revision was started changes nothing and says so', async () => {
    const action = actionsOf(expiryPost).find((a) => a.verb === 'revision-started')!;
    await click(expiryPost, action.verb!, action.data);
    const written = (await source.read()).data.balance.find((candidate) => candidate.id === '12')!.eTag;
    const again = await click(expiryPost, action.verb!, action.data);
    expect(cardText(again.body)).toContain('Avtalet har redan revisionsstatus \\"Revision påbörjad\\"');
    expect((await source.read()).data.balance.find((candidate) => candidate.id === '12')!.eTag).toBe(written);
    // "Inget ändrat" is for the member who pressed, never on the channel card.
    expect(JSON.stringify(expiryPost.activity)).not.toContain('Inget ändrat');
  });

  test('decides from the item itself: set to "Revision påbörjad" in the list just before the press', async () => {
    const action = actionsOf(expiryPost).find((a) => a.verb === 'revision-started')!;
    source.editUnseen('balance', '12', { RevisionStatus: 'Revision påbörjad', RevisionUpdatedBy: 'Bertil Berg', RevisionUpdatedAt: '2022-11-30T10:00:00Z' });
    // The app's copy still has the older state.
    expect((await harness.snapshots.get()).list.entries.find((entry) => entry.id === '12')?.agreement?.revisionStatus).toBe('may-be-needed');

    const response = await click(expiryPost, action.verb!, action.data);

    expect(cardText(response.body)).toContain('Avtalet har redan revisionsstatus \\"Revision påbörjad\\"');
    expect(cardText(response.body)).toContain('Revision påbörjad av Bertil Berg');
    const item = (await source.read()).data.balance.find((candidate) => candidate.id === '12')!;
    expect(item.fields.RevisionUpdatedBy).toBe('Bertil Berg');
    // The channel card showed the older state: everyone now sees the current one.
    expect(expiryPost.updates).toBe(1);
    expect(JSON.stringify(expiryPost.activity)).toContain('Revision påbörjad av Bertil Berg');
    expect(JSON.stringify(expiryPost.activity)).not.toContain('Inget ändrat');
    expect(source.entryReads).toBeGreaterThan(0);
  });

  test('decides from the item itself: a status put back in the list is not answered "already started"', async () => {
    const action = actionsOf(expiryPost).find((a) => a.verb === 'revision-started')!;
    await click(expiryPost, action.verb!, action.data);
    expect((await harness.snapshots.get()).list.entries.find((entry) => entry.id === '12')?.agreement?.revisionStatus).toBe('started');
    source.editUnseen('balance', '12', { RevisionStatus: 'Revision kan behövas' });

    const response = await click(expiryPost, action.verb!, action.data);

    const text = cardText(response.body);
    expect(text).not.toContain('redan revisionsstatus');
    expect(text).toContain('Någon ändrade avtalet i balanslistan under tiden');
    expect(text).toContain('"verb":"revision-started"');
    expect(expiryPost.updates).toBe(2);
    expect(JSON.stringify(expiryPost.activity)).toContain('"verb":"revision-started"');
  });

  test('a revision action on an entry that is not an agreement says so', async () => {
    const response = await click(expiryPost, 'revision-started', { v: 1, card: 'expiry', entryId: '2', eTag: '"2,1"', threshold: 30, eventKey: null });
    expect(response.status).toBe(200);
    expect(cardText(response.body)).toContain('Posten är inte ett avtal i balanslistan');
    expect(cardText(response.body)).not.toContain('finns inte längre');
    expect(expiryPost.updates).toBe(0);
  });

  test('"Påminn igen om 7 dagar" snoozes the reminder: it comes back after 7 days, not before', async () => {
    const action = actionsOf(meetingPost).find((a) => a.verb === 'snooze')!;
    expect(action.title).toBe('Påminn igen om 7 dagar');
    const response = await click(meetingPost, action.verb!, action.data);
    expect(cardText(response.body)).toContain('Jag påminner igen 2022-12-08.');
    // The card answered is the reminder as it is now, agenda included (this list has no ärenden).
    expect(cardText(response.body)).toContain('Inga ärenden är anmälda till mötet ännu.');
    // A personal answer: the channel card stays as it was for everyone else.
    expect(meetingPost.updates).toBe(0);
    expect(JSON.stringify(meetingPost.activity)).not.toContain('Jag påminner igen');
    const posted = harness.connector.postsIn(SVOM_CHANNEL).length;
    harness.clock.set('2022-12-05T09:00:00Z');
    await harness.bot.notifier.run();
    expect(harness.connector.postsIn(SVOM_CHANNEL)).toHaveLength(posted);
    harness.clock.set('2022-12-08T09:00:00Z');
    await harness.bot.notifier.run();
    const again = harness.connector.postsIn(SVOM_CHANNEL).slice(posted);
    expect(again.some((post) => JSON.stringify(post.activity).includes('SVOM-möte om 7 dagar'))).toBe(true);
  });

  test('stale, forged or unknown actions get a clear card, not an error', async () => {
    for (const [verb, data] of [
      ['revision-started', { v: 0, card: 'expiry', entryId: '12' }],
      ['delete-the-list', {}],
      ['snooze', 'not an object'],
      ['revision-started', { v: 1, card: 'expiry', entryId: '999', eTag: '"x"', threshold: 30, eventKey: null }],
    ] as const) {
      const response = await click(expiryPost, verb, data);
      expect(response.status).toBe(200);
      const text = cardText(response.body);
      expect(text).toMatch(/fungerar inte längre|finns inte längre/);
    }
    expect(expiryPost.updates).toBe(0);
  });

  test('choosing a channel that no longer exists keeps the old choice and asks again', async () => {
    const welcome = harness.connector.postsIn(TEAM.id)[0]!;
    const response = await harness.send(
      cardAction({ serviceUrl: harness.connector.serviceUrl, team: TEAM, messageId: welcome.activityId }, 'choose-channel', {
        v: 1,
        card: 'welcome',
        channelId: '19:deleted@thread.tacv2',
      }),
    );
    expect(cardText(response.body)).toContain('Kanalen finns inte längre i teamet');
    expect(await harness.bot.registry.get(TEAM.id)).toMatchObject({ channelId: SVOM_CHANNEL });
  });
});

describe('card action invokes whose value cannot be read', () => {
  let harness: Harness;
  let logLines: LogRecord[] = [];

  beforeEach(async () => {
    const { logger, records } = capturedLogs('info');
    logLines = records;
    harness = await startHarness({ source: new MemoryListSource(sampleListData()), logger });
    await harness.send(installationAdd({ serviceUrl: harness.connector.serviceUrl, team: TEAM }));
  });
  afterEach(async () => {
    await harness?.close();
  });

  const invoke = (value: unknown) => {
    const activity = cardAction({ serviceUrl: harness.connector.serviceUrl, team: TEAM, channelId: SVOM_CHANNEL, messageId: '1:welcome' }, 'x', {}) as Record<
      string,
      unknown
    >;
    if (value === undefined) delete activity.value;
    else activity.value = value;
    return harness.send(activity);
  };

  test.each([
    ['no value', undefined, 'no-value', 'Knappen skickade inga uppgifter'],
    ['an empty value', {}, 'no-value', 'Knappen skickade inga uppgifter'],
    ['a value without an action', { trigger: 'manual' }, 'no-action', 'Knappen skickade ingen åtgärd'],
    ['an Action.Submit', { action: { type: 'Action.Submit', verb: 'snooze' } }, 'not-execute', 'Den här sortens knapp hanterar jag inte'],
    ['an action without a verb', { action: { type: 'Action.Execute', data: {} } }, 'no-verb', 'Knappen talade inte om vad som skulle göras'],
    ['an action with an empty verb', { action: { type: 'Action.Execute', verb: ' ' } }, 'no-verb', 'Knappen talade inte om vad som skulle göras'],
  ])('%s is answered in Swedish with what is wrong, and logged in English', async (_name, value, problem, text) => {
    const response = await invoke(value);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardText(response.body)).toContain(text);
    expect(logLines.find((line) => line.msg === 'refused a card action whose value cannot be read')).toMatchObject({
      module: 'bot-handler',
      level: 40,
      problem,
    });
    // Nothing failed inside the bot framework.
    expect(logLines.filter((line) => (line.level as number) >= 50)).toEqual([]);
  });
});
