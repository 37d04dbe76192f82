/**
 * "Revision påbörjad" against the loopback fake of Microsoft Graph: the bot reads the item itself
 * before deciding, its write goes out as a PATCH of the item's fields with If-Match, and an edit
 * made in SharePoint since the card was posted gives the friendly conflict card with the current
 * state instead of a lost update.
 */
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import { createListSource } from '../../../app/sources';
import { startFakeGraph, type FakeGraph } from '../../fakes/fake-graph';
import { tenantEnv } from '../../fakes/fake-tenant';
import { sampleTeam, type ConnectorActivity } from '../../fakes/fake-bot-connector';
import { sampleListData } from '../../fixtures/bot/list-items';
import { cardAction, installationAdd } from '../../fixtures/bot/teams-activities';
import { startHarness, type Harness } from './harness';

const TEAM = sampleTeam();
const SVOM_CHANNEL = '19:svom-channel@thread.tacv2';
type Action = { verb?: string; data?: Record<string, unknown> };

describe('card actions writing to SharePoint through Graph', () => {
  let graph: FakeGraph;
  let harness: Harness;
  let expiryPost: ConnectorActivity;

  const revisionAction = (post: ConnectorActivity): Action =>
    (post.activity.attachments as Array<{ content: { actions: Action[] } }>)[0]!.content.actions.find((a) => a.verb === 'revision-started')!;
  const click = (action: Action) =>
    harness.send(
      cardAction(
        { serviceUrl: harness.connector.serviceUrl, team: TEAM, channelId: SVOM_CHANNEL, messageId: expiryPost.activityId },
        action.verb!,
        action.data,
      ),
    );

  beforeEach(async () => {
    graph = await startFakeGraph();
    const data = sampleListData();
    graph.seedAll({
      balance: data.balance.map((item) => ({ id: item.id, fields: item.fields })),
      meetings: data.meetings.map((item) => ({ id: item.id, fields: item.fields })),
    });
    const clock = new FixedClock('2022-12-01T09:00:00Z');
    const graphConfig = loadConfig({ LOG_LEVEL: 'silent', ...tenantEnv(graph) });
    const source = createListSource(graphConfig, { logger: silentLogger, clock });
    harness = await startHarness({ source, clock });
    const options = { serviceUrl: harness.connector.serviceUrl, team: TEAM };
    await harness.send(installationAdd(options));
    await harness.send(
      cardAction({ ...options, messageId: harness.connector.postsIn(TEAM.id)[0]!.activityId }, 'choose-channel', {
        v: 1,
        card: 'welcome',
        channelId: SVOM_CHANNEL,
      }),
    );
    await harness.bot.notifier.run();
    expiryPost = harness.connector.postsIn(SVOM_CHANNEL).find((post) => JSON.stringify(post.activity).includes('Avtalet löper ut'))!;
  });
  afterEach(async () => {
    await harness?.close();
    await graph?.close();
  });

  test('writes the revision status with If-Match and shows the refreshed card', async () => {
    graph.resetLog();
    const response = await click(revisionAction(expiryPost));
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).toContain('Revision påbörjad av Anna Andersson, 2022-12-01');
    expect(graph.getItem('balance', '12')?.fields).toMatchObject({ RevisionStatus: 'Revision påbörjad', RevisionUpdatedBy: 'Anna Andersson' });
    const patches = [...graph.requests.map((r) => ({ method: r.method, path: r.path, status: r.status })), ...graph.batchedRequests].filter(
      (r) => r.method === 'PATCH',
    );
    expect(patches).toHaveLength(1);
    expect(patches[0]).toMatchObject({ status: 200 });
    expect(expiryPost.updates).toBe(1);
  });

  test('reads the item from SharePoint before deciding: an edit made there since the card is seen, and nothing is written', async () => {
    graph.updateItem('balance', '12', { Notes: 'Ändrat i SharePoint.' });
    graph.resetLog();
    const response = await click(revisionAction(expiryPost));
    expect(response.status).toBe(200);
    const text = JSON.stringify(response.body);
    expect(text).toContain('Någon ändrade avtalet i balanslistan under tiden');
    expect(text).toContain('Ändrat i SharePoint.');
    expect(graph.getItem('balance', '12')?.fields.RevisionStatus).toBe('Revision kan behövas');
    expect(graph.graphRequests().some((r) => r.method === 'GET' && /\/items\/12\b/.test(r.path))).toBe(true);
    expect([...graph.requests, ...graph.batchedRequests].filter((r) => r.method === 'PATCH')).toEqual([]);
    expect(expiryPost.updates).toBe(1);
  });

  test('set to "Revision påbörjad" in SharePoint just before the press: answered from the item, not the app\'s copy', async () => {
    graph.updateItem('balance', '12', { RevisionStatus: 'Revision påbörjad', RevisionUpdatedBy: 'Bertil Berg', RevisionUpdatedAt: '2022-11-30T10:00:00Z' });
    const response = await click(revisionAction(expiryPost));
    const text = JSON.stringify(response.body);
    expect(text).toContain('Avtalet har redan revisionsstatus');
    expect(text).toContain('Revision påbörjad av Bertil Berg');
    expect(graph.getItem('balance', '12')?.fields.RevisionUpdatedBy).toBe('Bertil Berg');
  });
});
