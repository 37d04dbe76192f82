/**
 * The weekly digest through the bot: the notifier posts it to the forum's channel through the Bot
 * Connector with the open actions, late ones first with their days late, the responsible group
 * and person, SharePoint text escaped, and a button to the tab's Uppdrag view.
 */
import { MemoryListSource } from '../../fakes/memory-list-source';
import { sampleTeam, type ConnectorActivity } from '../../fakes/fake-bot-connector';
import { sampleListData } from '../../fixtures/bot/list-items';
import { cardAction, installationAdd } from '../../fixtures/bot/teams-activities';
import { startHarness, type Harness } from './harness';
import { cardTexts } from '../../fixtures/bot/card-texts';

const TEAM = sampleTeam();
const SVOM_CHANNEL = '19:svom-channel@thread.tacv2';

describe('the weekly digest lists open actions', () => {
  let harness: Harness;

  beforeEach(async () => {
    const data = sampleListData();
    const item = (id: string, fields: Record<string, unknown>) => ({
      id,
      eTag: `"a${id},1"`,
      webUrl: `https://contoso.sharepoint.com/sites/svom/Lists/Uppdrag/${id}_.000`,
      lastModifiedDateTime: '2022-11-20T08:00:00Z',
      fields: { ActionStatus: 'Pågår', ...fields },
    });
    data.actions = [
      item('7', { Title: 'Återkom med förslag', ActionKey: 'a7', ResponsibleGroup: 'Fredagsgruppen', DueDate: '2022-12-05' }),
      item('8', { Title: '**Fet** [länk](https://evil.example)', ActionKey: 'a8', ResponsibleGroup: 'Fredagsgruppen', DueDate: '2022-11-27' }),
      item('9', { Title: 'Redan klart', ActionKey: 'a9', DueDate: '2022-11-20', ActionStatus: 'Klart', DoneDate: '2022-11-19' }),
    ];
    harness = await startHarness({ source: new MemoryListSource(data) });
    const options = { serviceUrl: harness.connector.serviceUrl, team: TEAM };
    await harness.send(installationAdd(options));
    const welcome = harness.connector.postsIn(TEAM.id)[0]!;
    await harness.send(cardAction({ ...options, messageId: welcome.activityId }, 'choose-channel', { v: 1, card: 'welcome', channelId: SVOM_CHANNEL }));
  });
  afterEach(async () => {
    await harness?.close();
  });

  test('late first with days late, then days left; done ones left out; escaped; a link to Uppdrag', async () => {
    const report = await harness.bot.notifier.digest();
    expect(report.teams[0]?.events[0]).toMatchObject({ key: 'digest/2022-W48', outcome: 'posted' });
    expect(report.teams[0]?.events[0]?.summary).toContain('2 öppna uppdrag (1 försenat)');
    const posted: ConnectorActivity = harness.connector.postsIn(SVOM_CHANNEL).find((post) => JSON.stringify(post.activity).includes('Veckoöversikt'))!;
    const content = (posted.activity.attachments as Array<{ content: { actions: Array<{ title: string; url: string }> } }>)[0]!.content;
    const all = cardTexts(content);
    const heading = all.indexOf('Öppna uppdrag');
    expect(heading).toBeGreaterThan(0);
    expect(all.slice(heading + 1, heading + 5)).toEqual([
      '\\*\\*Fet\\*\\* \\[länk\\]\\(https://evil.example\\)',
      'Ansvarig: Fredagsgruppen · Klart senast söndag 2022-11-27 (4 dagar försenat)',
      'Återkom med förslag',
      'Ansvarig: Fredagsgruppen · Klart senast måndag 2022-12-05 (4 dagar kvar)',
    ]);
    expect(JSON.stringify(content)).not.toContain('Redan klart');
    expect(content.actions.map((action) => action.title)).toContain('Visa alla uppdrag');
  });
});
