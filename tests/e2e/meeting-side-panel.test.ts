/**
 * The tab in a Teams meeting's side panel, in headless Chromium at 320 px inside the stand-in Teams
 * client (frame context `sidePanel`, the meeting's chat thread in the context), in SharePoint mode
 * against the fake tenant: the meeting is found by its Teams link in Möten and its agenda shown,
 * with a link to write each decision and the actions given; a meeting no link names is found by
 * the day, and another can be chosen and is kept. No sideways scrolling, axe clean, hostile text inert.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { addDays, stockholmDateOf } from '../../src/domain/dates';
import { createServer, type AppServer } from '../../app/server';
import { startFakeTenant, type FakeTenant } from '../fakes/fake-tenant';
import { describeWithBrowser, launch, type Browser } from './support/browser';
import { fakeTeamsCdn, fakeTeamsHostScript, teamsTabAddress, type FakeTeamsUser } from './support/fake-teams-host';
import { ensureWebBuilt, ROOT } from './support/web-build';

jest.setTimeout(90_000);

const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const THREAD = '19:meeting_NjQ0ZDM1YjQtMmY4Zi00Yzk5LWI0@thread.v2';
const JOIN = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=%7b%22Tid%22%3a%22t%22%7d`;
// The meeting is today, as when the panel is opened during it (the server runs on the real clock).
const TODAY = stockholmDateOf(new Date());
const LATER = addDays(TODAY, 21);
const HOSTILE = '<img src=x onerror="window.__xss=1"> Ärende med <b>markup</b>';

describeWithBrowser('the tab in a Teams meeting side panel (320 px, SharePoint mode)', () => {
  let tenant: FakeTenant;
  let server: AppServer;
  let url: string;
  let anna: FakeTeamsUser;

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
    const config = loadConfig({ ...tenant.env, PORT: '0', LOG_LEVEL: 'silent', REFRESH_INTERVAL_SECONDS: '3600' });
    server = await createServer(config, { logger: silentLogger });
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
    await tenant?.close();
  });

  /** A browser at the side panel's width, with Teams telling the tab it is in the meeting `thread`. */
  const panel = async (thread: string, bypassCSP = false): Promise<Browser> => {
    const browser = await launch({ viewport: { width: 320, height: 800 }, bypassCSP });
    await browser.context.addInitScript(
      fakeTeamsHostScript(anna, { frameContext: 'sidePanel', context: { chatId: thread, meetingId: btoa(`0#${thread}#0`) } }),
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
      await page.addScriptTag({ path: AXE });
      const violations =
        (await page.evaluate(`axe.run({ include: [document], exclude: [['[data-tabster-dummy]']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
        .then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '')) })))`)) as unknown[];
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('finds a meeting no link names by the day, lets the person choose another, and keeps the choice', async () => {
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
});
