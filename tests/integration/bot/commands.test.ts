/**
 * What members write to the bot, in a channel (with @mention) and in personal chat, in Swedish
 * and English; "posta här" moves the reminders; unknown text gets help, never silence.
 */
import { MemoryListSource } from '../../fakes/memory-list-source';
import { sampleTeam } from '../../fakes/fake-bot-connector';
import { sampleListData } from '../../fixtures/bot/list-items';
import { channelMessage, installationAdd, personalMessage, channelDeleted } from '../../fixtures/bot/teams-activities';
import { startHarness, type Harness } from './harness';

const TEAM = sampleTeam();
const EKONOMI = '19:ekonomi@thread.tacv2';

describe('commands', () => {
  let harness: Harness;
  const say = async (text: string, channelId?: string) => {
    const before = harness.connector.activities.length;
    const response = await harness.send(channelMessage({ serviceUrl: harness.connector.serviceUrl, team: TEAM, channelId }, text));
    expect(response.status).toBe(200);
    const replies = harness.connector.activities.slice(before);
    expect(replies).toHaveLength(1);
    return JSON.stringify(replies[0]!.activity);
  };

  beforeAll(async () => {
    harness = await startHarness({ source: new MemoryListSource(sampleListData()) });
    await harness.send(installationAdd({ serviceUrl: harness.connector.serviceUrl, team: TEAM }));
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('"möten" lists the upcoming meetings, in the thread it was asked in', async () => {
    const reply = await say('möten');
    expect(reply).toContain('Kommande SVOM-möten');
    expect(reply).toContain('Exempel: SVOM ordinarie möte');
    expect(reply).toContain('torsdag 2022-12-15 09:00');
    expect(harness.connector.activities.at(-1)?.conversationId).toMatch(/;messageid=/);
  });

  test('"avtal" lists the agreements, those ending soonest first', async () => {
    const reply = await say('Avtal!');
    expect(reply).toContain('Avtal och överenskommelser');
    expect(reply).toContain('Samverkansavtal hemsjukvård och bilagor');
    expect(reply).toContain('Löper snart ut');
  });

  test('"hjälp" and unknown text both get the help card', async () => {
    expect(await say('hjälp')).toContain('Det här kan jag');
    const unknown = await say('vad är klockan');
    expect(unknown).toContain('Jag förstod inte \\"vad är klockan\\"');
    expect(unknown).toContain('Det här kan jag');
  });

  test("help tells the team's reminder channel in the team, and nothing about channels in a personal chat", async () => {
    await harness.bot.registry.update(TEAM.id, (current) => (current ? { ...current, channelId: EKONOMI, channelName: 'Ekonomi' } : null));
    expect(await say('hjälp')).toContain('Påminnelser postas i kanalen **Ekonomi**');
    const before = harness.connector.activities.length;
    await harness.send(personalMessage(harness.connector.serviceUrl, 'hjälp'));
    const personal = JSON.stringify(harness.connector.activities.slice(before).map((a) => a.activity));
    expect(personal).toContain('Det här kan jag');
    expect(personal).not.toMatch(/Påminnelser postas i kanalen|Ingen kanal är vald/);
  });

  test('"posta här" in a channel makes it the reminder channel', async () => {
    const reply = await say('posta här', EKONOMI);
    expect(reply).toContain('Klart! Påminnelser postas nu i kanalen **Ekonomi**');
    expect(await harness.bot.registry.get(TEAM.id)).toMatchObject({ channelId: EKONOMI, channelName: 'Ekonomi' });
    await harness.bot.notifier.run();
    expect(harness.connector.postsIn(EKONOMI)).toHaveLength(2);
  });

  test("the language switch makes the team's cards English, and back", async () => {
    expect(await say('language english')).toContain('I will answer in English from now on.');
    expect(await harness.bot.registry.get(TEAM.id)).toMatchObject({ language: 'en' });
    expect(await say('meetings')).toContain('Upcoming SVOM meetings');
    expect(await say('möten')).toContain('Upcoming SVOM meetings');
    expect(await say('språk svenska')).toContain('Jag svarar på svenska från och med nu.');
    expect(await harness.bot.registry.get(TEAM.id)).toMatchObject({ language: 'sv' });
  });

  test('in personal chat the bot answers in the language of the command', async () => {
    const before = harness.connector.activities.length;
    await harness.send(personalMessage(harness.connector.serviceUrl, 'agreements'));
    await harness.send(personalMessage(harness.connector.serviceUrl, 'möten'));
    await harness.send(personalMessage(harness.connector.serviceUrl, 'post here'));
    const replies = harness.connector.activities.slice(before).map((a) => JSON.stringify(a.activity));
    expect(replies[0]).toContain('Agreements');
    expect(replies[1]).toContain('Kommande SVOM-möten');
    expect(replies[2]).toContain('A channel can only be chosen in a team');
  });

  test('a new service URL on an incoming activity replaces the stored one', async () => {
    const moved = harness.connector.serviceUrl.replace('127.0.0.1', 'localhost');
    await harness.send(channelMessage({ serviceUrl: moved, team: TEAM }, 'hjälp'));
    expect(await harness.bot.registry.get(TEAM.id)).toMatchObject({ serviceUrl: moved });
  });

  test('deleting the reminder channel pauses reminders and asks for a new channel in General', async () => {
    const before = harness.connector.postsIn(TEAM.id).length;
    await harness.send(channelDeleted({ serviceUrl: harness.connector.serviceUrl, team: TEAM, deletedChannelId: EKONOMI }));
    expect(await harness.bot.registry.get(TEAM.id)).toMatchObject({ channelId: null });
    const posts = harness.connector.postsIn(TEAM.id);
    expect(posts).toHaveLength(before + 1);
    expect(JSON.stringify(posts.at(-1)!.activity)).toContain('Inga påminnelser postas förrän någon har valt en kanal.');
  });

  test('a reply the connector refuses with 403 (bot removed) marks the team inactive', async () => {
    harness.connector.removeBotFromTeam(TEAM.id);
    const response = await harness.send(channelMessage({ serviceUrl: harness.connector.serviceUrl, team: TEAM }, 'möten'));
    expect(response.status).toBe(200);
    expect(await harness.bot.registry.get(TEAM.id)).toMatchObject({ active: false });
  });
});

describe('"möten" with MEETING_WITHIN_DAYS', () => {
  const ask = async (harness: Harness) => {
    const before = harness.connector.activities.length;
    await harness.send(channelMessage({ serviceUrl: harness.connector.serviceUrl, team: TEAM }, 'möten'));
    return JSON.stringify(harness.connector.activities.slice(before).map((a) => a.activity));
  };

  test('lists only the meetings within the horizon (the December meeting is 14 days ahead)', async () => {
    const near = await startHarness({ source: new MemoryListSource(sampleListData()), env: { MEETING_WITHIN_DAYS: '13' } });
    const far = await startHarness({ source: new MemoryListSource(sampleListData()), env: { MEETING_WITHIN_DAYS: '14' } });
    try {
      for (const harness of [near, far]) await harness.send(installationAdd({ serviceUrl: harness.connector.serviceUrl, team: TEAM }));
      expect(await ask(near)).not.toContain('Exempel: SVOM ordinarie möte');
      expect(await ask(far)).toContain('Exempel: SVOM ordinarie möte');
    } finally {
      await near.close();
      await far.close();
    }
  });
});
