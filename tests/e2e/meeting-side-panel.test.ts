/**
 * The tab in a Teams meeting's side panel, in headless Chromium at 320 px inside the stand-in Teams
 * client (frame context `sidePanel`, the meeting's chat thread in the context), in SharePoint mode
 * against the fake tenant: the meeting is found by its Teams link in Möten (even a link another
 * meeting has too) and its agenda shown, with a link to write each decision and the actions given;
 * a meeting no link names is found by the Teams meeting's scheduled day (a Stockholm date) when
 * the app's server reads the meeting's details through the bot (the fake Bot Connector's meeting
 * info API) even while teams-js refuses, or when teams-js gives them after the server could not,
 * by today's date when both refuse, and another can be chosen and is kept. No sideways scrolling, axe clean, hostile text inert. The links Datakvalitet lists
 * (not a Teams link, a link two meetings share) come with the list API.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStateStore } from '../../bot/state';
import { StateStoreTeamRegistry } from '../../bot/teams';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { systemClock } from '../../src/ports/clock';
import { addDays, stockholmDateOf, stockholmInstant } from '../../src/domain/dates';
import type { BalanceListView } from '../../src/view-model';
import { createServer, type AppServer } from '../../app/server';
import { sampleMeetingInfo, startFakeBotConnector, type FakeBotConnector } from '../fakes/fake-bot-connector';
import { startFakeTenant, type FakeTenant } from '../fakes/fake-tenant';
import { axeViolations, describeWithBrowser, launch, type Browser } from './support/browser';
import { fakeTeamsCdn, fakeTeamsHostScript, teamsTabAddress, type FakeTeamsOptions, type FakeTeamsUser } from './support/fake-teams-host';
import { ensureWebBuilt, ROOT } from './support/web-build';
import { teamTarget } from '../fixtures/bot/team-target';

jest.setTimeout(90_000);

const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const THREAD = '19:meeting_NjQ0ZDM1YjQtMmY4Zi00Yzk5LWI0@thread.v2';
const JOIN = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=%7b%22Tid%22%3a%22t%22%7d`;
// The meeting is today, as when the panel is opened during it (the server runs on the real clock).
const TODAY = stockholmDateOf(new Date());
const LATER = addDays(TODAY, 21);
// A working meeting a week on, scheduled in Teams at 00:30 Stockholm time: still the day before in UTC.
const WORKING_DAY = addDays(TODAY, 7);
const WORKING_START = stockholmInstant(WORKING_DAY, '00:30').toISOString();
const OTHER_LINK = 'https://www.regionjh.se/svom/mote';
// A meeting of the bot's team, scheduled in Teams at 00:30 on the working day: only the server knows it.
const SERVER_THREAD = '19:meeting_ArbetsmoteViaBotten@thread.v2';
const HOSTILE = '<img src=x onerror="window.__xss=1"> Ärende med <b>markup</b>';

describeWithBrowser('the tab in a Teams meeting side panel (320 px, SharePoint mode)', () => {
  let tenant: FakeTenant;
  let server: AppServer;
  let url: string;
  let anna: FakeTeamsUser;
  let connector: FakeBotConnector;
  let stateDir: string;

  beforeAll(async () => {
    await ensureWebBuilt();
    mkdirSync(SHOTS, { recursive: true });
    tenant = await startFakeTenant({ now: () => new Date() });
    tenant.graph.seedAll({
      balance: [{ id: '1', fields: { Title: 'Psykisk hälsa', EntryKey: 'prio-3', Section: 'Flera områden', EntryKind: 'Rubrik', SortOrder: 1 } }],
      meetings: [
        {
          id: '1',
          fields: {
            Title: 'SVOM ordinarie möte',
            MeetingKey: 'svom-nov',
            MeetingDate: TODAY,
            StartTime: '09:00',
            MeetingKind: 'Ordinarie',
            MeetingLink: { Url: JOIN, Description: 'Teams-möte' },
          },
        },
        { id: '2', fields: { Title: 'SVOM extra', MeetingKey: 'svom-extra', MeetingDate: LATER, MeetingKind: 'Extra' } },
        { id: '3', fields: { Title: 'SVOM arbetsmöte', MeetingKey: 'svom-arbete', MeetingDate: WORKING_DAY, MeetingKind: 'Extra' } },
        // The November meeting's link copied onto a held meeting, and a link to a web page.
        {
          id: '4',
          fields: {
            Title: 'SVOM kopierad rad',
            MeetingKey: 'svom-kopia',
            MeetingDate: addDays(TODAY, -35),
            MeetingKind: 'Ordinarie',
            MeetingLink: { Url: JOIN, Description: 'Teams-möte' },
          },
        },
        {
          id: '5',
          fields: {
            Title: 'SVOM med webbsida',
            MeetingKey: 'svom-webb',
            MeetingDate: addDays(TODAY, -70),
            MeetingKind: 'Ordinarie',
            MeetingLink: { Url: OTHER_LINK, Description: 'Om mötet' },
          },
        },
      ],
      errands: [
        {
          id: '1',
          fields: {
            Title: 'Handlingsplan för psykisk hälsa',
            ErrandKey: 'e1',
            MeetingKey: 'svom-nov',
            EntryKeys: 'prio-3',
            ErrandKind: 'Beslut',
            PreparingGroup: 'Fredagsgruppen',
            DocumentLink: { Url: 'https://contoso.sharepoint.com/sites/svom/Delade%20dokument/handlingsplan.pdf', Description: 'Handlingar' },
            SortOrder: 1,
          },
        },
        { id: '2', fields: { Title: HOSTILE, ErrandKey: 'e2', MeetingKey: 'svom-nov', ErrandKind: 'Information', SortOrder: 2 } },
      ],
      actions: [
        {
          id: '1',
          fields: {
            Title: 'Återkom med förslag till nästa möte',
            ActionKey: 'a1',
            ErrandKey: 'e1',
            ResponsibleGroup: 'Fredagsgruppen',
            Responsible: 'Anna Berg',
            DueDate: addDays(TODAY, 44),
          },
        },
      ],
    });
    // The bot is in the forum's team of Anna's tenant, at the fake Bot Connector, which holds the
    // working meeting as its meeting info API describes it.
    connector = await startFakeBotConnector();
    connector.addMeeting(
      sampleMeetingInfo({
        thread: SERVER_THREAD,
        start: WORKING_START,
        end: stockholmInstant(WORKING_DAY, '01:30').toISOString(),
        title: 'SVOM arbetsmöte',
        tenantId: tenant.graph.tenantId,
      }),
    );
    stateDir = mkdtempSync(join(tmpdir(), 'side-panel-state-'));
    const stateStore = new FileStateStore({ dir: stateDir }, { logger: silentLogger });
    const now = new Date().toISOString();
    await new StateStoreTeamRegistry(stateStore, systemClock).put(
      teamTarget(tenant.graph.tenantId, connector.serviceUrl, { installedAt: now, updatedAt: now }),
    );
    const config = loadConfig({ ...tenant.env, PORT: '0', LOG_LEVEL: 'silent', REFRESH_INTERVAL_SECONDS: '3600', DATA_DIR: stateDir, DIGEST_SCHEDULE: 'off' });
    server = await createServer(config, { logger: silentLogger, stateStore });
    ({ url } = await server.listen());
    const claims = tenant.entra.claimsFor('anna@contoso.onmicrosoft.com');
    anna = {
      token: await tenant.entra.token('anna@contoso.onmicrosoft.com'),
      userObjectId: String(claims.oid),
      tenantId: String(claims.tid),
      upn: 'anna@contoso.onmicrosoft.com',
    };
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await connector?.close();
    await tenant?.close();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  /** The side panel's calls to the meeting info API, as the fake Bot Connector saw them. */
  const meetingInfoCalls = () =>
    connector.requests.filter((request) => request.path.startsWith('/v1/meetings/')).map((request) => [request.path, request.status]);

  /**
   * A browser at the side panel's width, with Teams telling the tab it is in the meeting `thread`,
   * and answering `meeting.getMeetingDetails` with `meetingDetails` (a refusal when not given).
   */
  const panel = async (thread: string, bypassCSP = false, meetingDetails?: FakeTeamsOptions['meetingDetails']): Promise<Browser> => {
    const browser = await launch({ viewport: { width: 320, height: 800 }, bypassCSP });
    await browser.context.addInitScript(
      fakeTeamsHostScript(anna, { frameContext: 'sidePanel', context: { chatId: thread, meetingId: btoa(`0#${thread}#0`) }, meetingDetails }),
    );
    await fakeTeamsCdn(browser.context);
    return browser;
  };

  it("shows the meeting's agenda, found by its Teams link, laid out for 320 px, axe clean, hostile text inert", async () => {
    const browser = await panel(THREAD, true);
    try {
      const page = await browser.context.newPage();
      await page.goto(teamsTabAddress(url, anna));
      const agenda = page.locator('[data-panel-meeting="1"]');
      await agenda.waitFor();
      expect(await page.locator('h2').first().textContent()).toBe('Mötets dagordning');
      expect(await agenda.locator('h3').textContent()).toBe(`${TODAY} 09:00 · SVOM ordinarie möte`);
      // Meeting 4 has the same link too: the one of them on today's date is taken.
      expect(await agenda.getByText('Mötet hittades på sin Teams-länk i möteslistan.').isVisible()).toBe(true);
      expect(await agenda.locator('li.errand > .errand-line > .errand-title').allTextContents()).toEqual(['Handlingsplan för psykisk hälsa', HOSTILE]);
      const write = agenda.getByRole('link', { name: /^Skriv beslut i SharePoint: Handlingsplan/ });
      expect(await write.getAttribute('href')).toBe(`${tenant.graph.listInfo('errands').webUrl}/1_.000`);
      expect(await agenda.getByText('Återkom med förslag till nästa möte').isVisible()).toBe(true);
      expect(await agenda.getByText('Om 44 dagar').isVisible()).toBe(true);
      expect(await agenda.getByRole('button', { name: 'Dagordning (Word)' }).isVisible()).toBe(true);
      // No tab list in the panel: the meeting's agenda is all there is.
      expect(await page.getByRole('tab').count()).toBe(0);
      expect(await page.evaluate('document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth')).toBeLessThanOrEqual(0);
      expect(await page.evaluate('window.__xss')).toBeUndefined();
      expect(await page.locator('main img, main b').count()).toBe(0);
      await page.screenshot({ path: join(SHOTS, 'sidopanel.png'), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('finds a meeting no link names by its scheduled day in Stockholm, read by the server through the bot while teams-js refuses, at 320 px, axe clean', async () => {
    const browser = await panel(SERVER_THREAD, true);
    try {
      connector.requests.length = 0;
      const page = await browser.context.newPage();
      await page.goto(teamsTabAddress(url, anna));
      const agenda = page.locator('[data-panel-meeting="3"]');
      await agenda.waitFor();
      expect(await agenda.locator('h3').textContent()).toBe(`${WORKING_DAY} · SVOM arbetsmöte`);
      expect(await agenda.getByText(`Mötet hittades på Teams-mötets datum, ${WORKING_DAY}, i möteslistan.`).isVisible()).toBe(true);
      expect(meetingInfoCalls()).toEqual([[`/v1/meetings/${btoa(`0#${SERVER_THREAD}#0`)}`, 200]]);
      expect(await page.evaluate('document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth')).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('finds a meeting no link names by the scheduled day teams-js gives when the server cannot read the meeting, at 320 px, axe clean', async () => {
    const thread = '19:meeting_ArbetsmoteUtanLank@thread.v2';
    const browser = await panel(thread, true, {
      details: {
        id: btoa(`0#${thread}#0`),
        scheduledStartTime: WORKING_START,
        scheduledEndTime: stockholmInstant(WORKING_DAY, '01:30').toISOString(),
        joinUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(thread)}/0`,
        title: 'SVOM arbetsmöte',
        type: 'Scheduled',
      },
      conversation: { id: thread },
      organizer: { id: '29:organizer', tenantId: anna.tenantId },
    });
    try {
      connector.requests.length = 0;
      const page = await browser.context.newPage();
      await page.goto(teamsTabAddress(url, anna));
      const agenda = page.locator('[data-panel-meeting="3"]');
      await agenda.waitFor();
      // The connector does not know this meeting (404): the panel went on to teams-js.
      expect(meetingInfoCalls()).toEqual([[`/v1/meetings/${btoa(`0#${thread}#0`)}`, 404]]);
      expect(WORKING_START.startsWith(addDays(WORKING_DAY, -1))).toBe(true);
      expect(await agenda.locator('h3').textContent()).toBe(`${WORKING_DAY} · SVOM arbetsmöte`);
      expect(await agenda.getByText(`Mötet hittades på Teams-mötets datum, ${WORKING_DAY}, i möteslistan.`).isVisible()).toBe(true);
      expect(await page.evaluate('document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth')).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('finds a meeting no link names by today when neither the server nor Teams tells its day, lets the person choose another, and keeps the choice', async () => {
    const browser = await panel('19:meeting_Okant@thread.v2');
    try {
      const page = await browser.context.newPage();
      await page.goto(teamsTabAddress(url, anna));
      await page.locator('[data-panel-meeting="1"]').waitFor();
      expect(await page.getByText('Mötet hittades på dagens datum i möteslistan.').isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Byt möte' }).click();
      await page.getByText('Välj vilket möte som ska visas:').waitFor();
      await page.getByLabel('Möte').selectOption({ label: `${LATER} · SVOM extra` });
      await page.getByRole('button', { name: 'Visa' }).click();
      await page.locator('[data-panel-meeting="2"]').waitFor();
      expect(await page.getByText('Inga ärenden är anmälda till mötet.').isVisible()).toBe(true);
      // The choice is kept for this Teams meeting: opening the panel again shows the same meeting.
      const again = await browser.context.newPage();
      await again.goto(teamsTabAddress(url, anna));
      await again.locator('[data-panel-meeting="2"]').waitFor();
      expect(await again.getByText('Du valde det här mötet i listan.').isVisible()).toBe(true);
    } finally {
      await browser.close();
    }
  });

  it('lists in Datakvalitet a link that is not a Teams meeting link and a link two meetings share, and keeps every meeting', async () => {
    const response = await fetch(`${url}/api/balance-list`, { headers: { Authorization: `Bearer ${anna.token}` } });
    expect(response.status).toBe(200);
    const view = (await response.json()) as BalanceListView;
    expect(view.meetings.map((meeting) => meeting.id).sort()).toEqual(['1', '2', '3', '4', '5']);
    expect(view.problems.filter((problem) => problem.field === 'MeetingLink').map((problem) => [problem.itemId, problem.code, problem.value])).toEqual([
      ['4', 'shared-meeting-link', JOIN],
      ['5', 'not-a-meeting-link', OTHER_LINK],
    ]);
  });
});
