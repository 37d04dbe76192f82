/**
 * The welcome card comes back while a team has no reminder channel: an install in a team the bot
 * already knows (a new Agents Playground page after a restart, as README step 2 after step 1)
 * and the first message in the team after a start. One install (two activities) still welcomes
 * once, and the log tells a first install from a reinstall.
 */
import { FixedClock } from '../../../src/ports/clock';
import { MemoryListSource } from '../../fakes/memory-list-source';
import { sampleTeam, type ConnectorActivity } from '../../fakes/fake-bot-connector';
import { sampleListData } from '../../fixtures/bot/list-items';
import { botAddedToTeam, cardAction, channelMessage, installationAdd, installationRemove } from '../../fixtures/bot/teams-activities';
import { startHarness, type Harness } from './harness';
import { capturedLogs } from '../../fixtures/captured-logs';

const TEAM = sampleTeam();
const SVOM_CHANNEL = '19:svom-channel@thread.tacv2';

const isWelcome = (posted: ConnectorActivity) => JSON.stringify(posted.activity).includes('Välj kanal');

describe('the welcome card while no channel is chosen', () => {
  let harness: Harness;
  const { logger, records: lines } = capturedLogs('info');
  const options = () => ({ serviceUrl: harness.connector.serviceUrl, team: TEAM });
  const welcomesInGeneral = () => harness.connector.postsIn(TEAM.id).filter(isWelcome).length;

  beforeAll(async () => {
    harness = await startHarness({
      source: new MemoryListSource(sampleListData()),
      clock: new FixedClock('2022-12-01T09:00:00Z'),
      logger,
      postDueOnChannelChoice: true,
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('the first install is logged as a first install, and welcomes once for both activities', async () => {
    await Promise.all([harness.send(installationAdd(options())), harness.send(botAddedToTeam(options()))]);
    expect(welcomesInGeneral()).toBe(1);
    const installed = lines.filter((line) => line.msg === 'installed in a team');
    expect(installed).toHaveLength(1);
    expect(installed[0]).toMatchObject({ teamId: TEAM.id, reinstalled: false, alreadyActive: false });
  });

  test('after a restart, an install in the known team (a new playground page) welcomes again, once', async () => {
    await harness.restart();
    harness.clock.advance(10 * 60_000);
    await Promise.all([harness.send(installationAdd(options())), harness.send(botAddedToTeam(options()))]);
    expect(welcomesInGeneral()).toBe(2);
    expect(lines.filter((line) => line.msg === 'installed in a team').at(-1)).toMatchObject({ reinstalled: false, alreadyActive: true });
  });

  test('after a restart, the first message in General brings the welcome card and its answer; the next only its answer', async () => {
    await harness.restart();
    const before = harness.connector.activities.length;
    expect((await harness.send(channelMessage(options(), 'hjälp'))).status).toBe(200);
    const answered = harness.connector.activities.slice(before);
    expect(answered).toHaveLength(2);
    expect(isWelcome(answered[0]!)).toBe(true);
    expect(answered[0]!.conversationId).toBe(TEAM.id);
    expect(JSON.stringify(answered[1]!.activity)).toContain('Det här kan jag');

    const next = harness.connector.activities.length;
    await harness.send(channelMessage(options(), 'möten'));
    expect(harness.connector.activities.slice(next)).toHaveLength(1);
    expect(welcomesInGeneral()).toBe(3);
  });

  test('choosing the channel on the card brought back posts what is due there (README step 2)', async () => {
    const welcome = harness.connector.postsIn(TEAM.id).filter(isWelcome).at(-1)!;
    const choice = await harness.send(
      cardAction({ ...options(), messageId: welcome.activityId }, 'choose-channel', { v: 1, card: 'welcome', channelId: SVOM_CHANNEL }),
    );
    expect(choice.status).toBe(200);
    const posts = await harness.connector.waitForPosts(SVOM_CHANNEL, 2);
    const summaries = posts.map((post) => post.activity.summary);
    expect(summaries).toEqual([expect.stringContaining('Påminnelse om möte'), expect.stringContaining('Avtalet löper ut om 30 dagar')]);
  });

  test('once a channel is chosen, a first message after a restart brings no welcome card', async () => {
    await harness.restart();
    const before = harness.connector.activities.length;
    await harness.send(channelMessage(options(), 'möten'));
    expect(harness.connector.activities.slice(before)).toHaveLength(1);
    expect(welcomesInGeneral()).toBe(3);
  });

  test('a reinstall after removal is logged as one', async () => {
    await harness.send(installationRemove(options()));
    harness.clock.advance(10 * 60_000);
    await harness.send(installationAdd(options()));
    expect(lines.filter((line) => line.msg === 'installed in a team').at(-1)).toMatchObject({ reinstalled: true, alreadyActive: false });
    expect(welcomesInGeneral()).toBe(4);
  });
});
