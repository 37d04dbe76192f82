/**
 * The bot end to end against the loopback Bot Connector: installed in a team, a member picks
 * the channel on the welcome card, the notifier posts each due reminder there exactly once
 * (across repeated runs, a restart and concurrent runs), and delivery faults are handled.
 */
import { FixedClock } from '../../../src/ports/clock';
import { MemoryListSource } from '../../fakes/memory-list-source';
import { sampleTeam, type ConnectorActivity } from '../../fakes/fake-bot-connector';
import { sampleListData } from '../../fixtures/bot/list-items';
import { botAddedToTeam, cardAction, installationAdd, installationRemove } from '../../fixtures/bot/teams-activities';
import { startHarness, type Harness } from './harness';

const TEAM = sampleTeam();
const SVOM_CHANNEL = '19:svom-channel@thread.tacv2';

function cardOf(posted: ConnectorActivity): Record<string, unknown> {
  const attachments = posted.activity.attachments as Array<{ contentType: string; content: Record<string, unknown> }>;
  expect(attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachments[0]!.content;
}

function textOf(posted: ConnectorActivity): string {
  return JSON.stringify(cardOf(posted));
}

async function installAndChoose(harness: Harness): Promise<ConnectorActivity> {
  const options = { serviceUrl: harness.connector.serviceUrl, team: TEAM };
  expect((await harness.send(installationAdd(options))).status).toBe(200);
  const welcome = harness.connector.postsIn(TEAM.id).at(-1)!;
  const choice = await harness.send(
    cardAction({ ...options, messageId: welcome.activityId }, 'choose-channel', { v: 1, card: 'welcome', channelId: SVOM_CHANNEL }),
  );
  expect(choice.status).toBe(200);
  return welcome;
}

describe('install, choose the channel, get reminders there exactly once', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ source: new MemoryListSource(sampleListData()) });
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('installing stores the team and posts one welcome card listing its channels', async () => {
    const options = { serviceUrl: harness.connector.serviceUrl, team: TEAM };
    // Teams sends both activities for one install; only one welcome card is posted.
    const [first, second] = await Promise.all([harness.send(installationAdd(options)), harness.send(botAddedToTeam(options))]);
    expect([first.status, second.status]).toEqual([200, 200]);

    const team = await harness.bot.registry.get(TEAM.id);
    expect(team).toMatchObject({
      teamId: TEAM.id,
      tenantId: 'tenant-1',
      serviceUrl: harness.connector.serviceUrl,
      channelId: null,
      active: true,
      language: 'sv',
    });
    expect(team?.conversationReference).toMatchObject({ conversation: { id: TEAM.id }, bot: { id: '28:bot-app-id' } });

    const posts = harness.connector.postsIn(TEAM.id);
    expect(posts).toHaveLength(1);
    const card = cardOf(posts[0]!);
    const choiceSet = (card.body as Array<Record<string, unknown>>).find((element) => element.type === 'Input.ChoiceSet');
    expect(choiceSet?.choices).toEqual([
      { title: 'Allmänt', value: TEAM.id },
      { title: 'SVOM', value: SVOM_CHANNEL },
      { title: 'Ekonomi', value: '19:ekonomi@thread.tacv2' },
    ]);
    expect(JSON.stringify(card)).toContain('Inga påminnelser postas förrän någon har valt en kanal.');
  });

  test('before a channel is chosen, nothing is posted (no silent default to General)', async () => {
    const before = harness.connector.activities.length;
    const report = await harness.bot.notifier.run();
    expect(report.teams.find((team) => team.teamId === TEAM.id)?.status).toBe('no-channel');
    expect(harness.connector.activities.length).toBe(before);
  });

  test('choosing a channel on the welcome card saves it and updates the card for everyone', async () => {
    const welcome = harness.connector.postsIn(TEAM.id)[0]!;
    const response = await harness.send(
      cardAction({ serviceUrl: harness.connector.serviceUrl, team: TEAM, messageId: welcome.activityId }, 'choose-channel', {
        v: 1,
        card: 'welcome',
        channelId: SVOM_CHANNEL,
      }),
    );
    expect(response.status).toBe(200);
    const body = response.body as { statusCode: number; type: string; value: Record<string, unknown> };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toContain('Klart! Påminnelser postas nu i kanalen **SVOM**');
    expect(JSON.stringify(body.value)).toContain('Vald av Anna Andersson.');
    expect(welcome.updates).toBe(1);
    // One confirmation in one green box, not the same news twice.
    const boxes = (cardOf(welcome).body as Array<Record<string, unknown>>).filter((element) => element.type === 'Container');
    expect(boxes.map((box) => box.style)).toEqual(['good']);
    expect(textOf(welcome).match(/postas nu i kanalen \*\*SVOM\*\*/g)).toHaveLength(1);
    expect(textOf(welcome)).not.toContain('Påminnelser postas i kanalen **SVOM**');
    expect(await harness.bot.registry.get(TEAM.id)).toMatchObject({ channelId: SVOM_CHANNEL, channelName: 'SVOM' });
  });

  test('a notifier run posts the due reminders as new posts in the chosen channel', async () => {
    const report = await harness.bot.notifier.run();
    expect(report.counts.posted).toBe(2);
    const posts = harness.connector.postsIn(SVOM_CHANNEL);
    expect(posts).toHaveLength(2);
    const texts = posts.map(textOf).join('\n');
    expect(texts).toContain('Avtalet löper ut om 30 dagar');
    expect(texts).toContain('Samverkansavtal hemsjukvård och bilagor');
    expect(texts).toContain('SVOM-möte om 14 dagar');
    expect(posts.every((post) => typeof post.activity.summary === 'string')).toBe(true);
    // Nothing went to General except the welcome card.
    expect(harness.connector.postsIn(TEAM.id)).toHaveLength(1);
  });

  test('each reminder is posted once: a second run, a restart and two concurrent runs post nothing more', async () => {
    await harness.bot.notifier.run();
    await harness.restart();
    const afterRestart = await harness.bot.notifier.run();
    expect(afterRestart.counts.posted ?? 0).toBe(0);
    const second = await startHarness({
      source: new MemoryListSource(sampleListData()),
      connector: harness.connector,
      stateDir: harness.stateDir,
      clock: harness.clock,
    });
    try {
      await Promise.all([harness.bot.notifier.run(), harness.bot.notifier.run(), second.bot.notifier.run()]);
    } finally {
      await second.close();
    }
    expect(harness.connector.postsIn(SVOM_CHANNEL)).toHaveLength(2);
  });

  test('a reminder that falls due later is posted on the run after (the 2-day meeting reminder)', async () => {
    harness.clock.set('2022-12-13T09:00:00Z');
    const report = await harness.bot.notifier.run();
    expect(report.counts.posted).toBe(1);
    const latest = harness.connector.postsIn(SVOM_CHANNEL).at(-1)!;
    expect(textOf(latest)).toContain('SVOM-möte om 2 dagar');
    expect(textOf(latest)).toContain('Gemensam plan för digitala tjänster');
    harness.clock.set('2022-12-01T09:00:00Z');
  });

  test('uninstalling deactivates the team: no more posts there', async () => {
    await harness.send(installationRemove({ serviceUrl: harness.connector.serviceUrl, team: TEAM }));
    expect(await harness.bot.registry.get(TEAM.id)).toMatchObject({ active: false, channelId: SVOM_CHANNEL });
    const report = await harness.bot.notifier.run();
    expect(report.teams.find((team) => team.teamId === TEAM.id)?.status).toBe('inactive');
  });

  test('reinstalling reactivates the team, keeps the chosen channel and welcomes again', async () => {
    const before = harness.connector.postsIn(TEAM.id).length;
    await harness.send(installationAdd({ serviceUrl: harness.connector.serviceUrl, team: TEAM }));
    expect(await harness.bot.registry.get(TEAM.id)).toMatchObject({ active: true, channelId: SVOM_CHANNEL });
    expect(harness.connector.postsIn(TEAM.id)).toHaveLength(before + 1);
    expect(textOf(harness.connector.postsIn(TEAM.id).at(-1)!)).toContain('Påminnelser postas i kanalen **SVOM**');
  });
});

describe('delivery faults', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness({ source: new MemoryListSource(sampleListData()) });
    await installAndChoose(harness);
  });
  afterEach(async () => {
    await harness?.close();
  });

  test('429 with Retry-After is waited out and retried; the reminders are posted', async () => {
    harness.connector.failNext({ status: 429, retryAfterSeconds: 1 }, { times: 2, method: 'POST', pathIncludes: `${SVOM_CHANNEL}/activities` });
    const report = await harness.bot.notifier.run();
    expect(report.counts.posted).toBe(2);
    const posts = harness.connector.requests.filter((r) => r.method === 'POST' && r.path.includes(`${SVOM_CHANNEL}/activities`));
    expect(posts.map((r) => r.status)).toEqual([429, 429, 201, 201]);
    expect(harness.connector.postsIn(SVOM_CHANNEL)).toHaveLength(2);
    // Retry-After (1 s) plus jitter on top, each time; nothing else waited.
    expect(harness.retryWaits).toEqual([1010, 1010]);
  });

  test('503 and 502 are retried', async () => {
    harness.connector.failNext({ status: 503 }, { times: 1, method: 'POST', pathIncludes: `${SVOM_CHANNEL}/activities` });
    harness.connector.failNext({ status: 502 }, { times: 1, method: 'POST', pathIncludes: `${SVOM_CHANNEL}/activities` });
    const report = await harness.bot.notifier.run();
    expect(report.counts.posted).toBe(2);
    expect(harness.connector.postsIn(SVOM_CHANNEL)).toHaveLength(2);
    expect(harness.retryWaits).toEqual([20, 40]);
  });

  test('a connector that stays busy leaves the reminders for the next run', async () => {
    harness.connector.failNext({ status: 503 }, { times: 100, method: 'POST', pathIncludes: `${SVOM_CHANNEL}/activities` });
    const busy = await harness.bot.notifier.run();
    expect(busy.counts.posted ?? 0).toBe(0);
    expect(busy.counts['failed-retryable']).toBeGreaterThan(0);
    // Bounded: 1 try + 3 retries for the first card (the run stops trying the team after it).
    const tries = harness.connector.requests.filter((r) => r.path.includes(`${SVOM_CHANNEL}/activities`));
    expect(tries.length).toBeLessThanOrEqual(8);
    // Exponential backoff from the 20 ms base, three times, then the run gives up on the team.
    expect(harness.retryWaits).toEqual([20, 40, 80]);
    harness.connector.clearFaults();
    const drained = harness.connector.postsIn(SVOM_CHANNEL).length;
    const later = await harness.bot.notifier.run();
    expect(later.counts.posted).toBe(2);
    expect(harness.connector.postsIn(SVOM_CHANNEL)).toHaveLength(drained + 2);
  });

  test('403 BotNotInConversationRoster marks the team inactive and stops trying', async () => {
    harness.connector.removeBotFromTeam(TEAM.id);
    const report = await harness.bot.notifier.run();
    expect(report.counts['team-gone']).toBeGreaterThan(0);
    expect(await harness.bot.registry.get(TEAM.id)).toMatchObject({ active: false });
    const calls = harness.connector.requests.length;
    await harness.bot.notifier.run();
    expect(harness.connector.requests.length).toBe(calls);
  });
});

describe('choosing the channel posts what is already due', () => {
  test('the due reminders arrive right after the choice, once', async () => {
    const harness = await startHarness({ source: new MemoryListSource(sampleListData()), postDueOnChannelChoice: true });
    try {
      await installAndChoose(harness);
      // The reminders are posted after the choice's own answer; wait for them, not for a time.
      await harness.connector.waitForPosts(SVOM_CHANNEL, 2);
      expect(harness.connector.postsIn(SVOM_CHANNEL)).toHaveLength(2);
      await harness.bot.notifier.run();
      expect(harness.connector.postsIn(SVOM_CHANNEL)).toHaveLength(2);
    } finally {
      await harness.close();
    }
  });
});

describe('choosing the channel when nothing can be posted says why, once, in that channel', () => {
  async function afterChoice(options: { source: MemoryListSource; clock?: FixedClock; env?: Record<string, string> }): Promise<string[]> {
    const harness = await startHarness({ ...options, postDueOnChannelChoice: true });
    try {
      await installAndChoose(harness);
      return (await harness.connector.waitForPosts(SVOM_CHANNEL, 1)).map(textOf);
    } finally {
      await harness.close();
    }
  }

  test('nothing due: says so, and how to ask the bot in a channel', async () => {
    const posts = await afterChoice({ source: new MemoryListSource() });
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain('Inget att påminna om i dag (2022-12-01)');
    expect(posts[0]).toContain('i en kanal hör boten bara meddelanden som nämner den');
  });

  test("quiet hours: says when the schedule's next run posts them (08:00, not the end of quiet hours)", async () => {
    // 20:00 in Stockholm on a Thursday.
    const posts = await afterChoice({ source: new MemoryListSource(sampleListData()), clock: new FixedClock('2022-12-01T19:00:00Z') });
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain('Det är tyst tid nu: de 2 påminnelser som är aktuella postas här vid schemats nästa körning, i morgon kl. 08:00.');
  });

  test('quiet hours early in the morning: the run later the same day, at the time NOTIFY_SCHEDULE gives', async () => {
    // 06:15 in Stockholm on a Thursday; the schedule runs at half past, from 09:30.
    const posts = await afterChoice({
      source: new MemoryListSource(sampleListData()),
      clock: new FixedClock('2022-12-01T05:15:00Z'),
      env: { NOTIFY_SCHEDULE: '30 9-16 * * *' },
    });
    expect(posts[0]).toContain('postas här vid schemats nästa körning, i dag kl. 09:30.');
  });

  test("a weekend: says they come with Monday's first run, and when it is", async () => {
    const posts = await afterChoice({ source: new MemoryListSource(sampleListData()), clock: new FixedClock('2022-12-03T09:00:00Z') });
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain('Det är helg: de 2 påminnelser som är aktuella postas här vid schemats nästa körning, på måndag kl. 08:00.');
  });

  test('in English, the same', async () => {
    const posts = await afterChoice({
      source: new MemoryListSource(sampleListData()),
      clock: new FixedClock('2022-12-01T19:00:00Z'),
      env: { BOT_LANGUAGE: 'en' },
    });
    expect(posts[0]).toContain('It is quiet time now: the 2 reminders that are due will be posted here by the next scheduled run, tomorrow at 08:00.');
  });
});
