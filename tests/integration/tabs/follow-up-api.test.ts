/**
 * The forum's year through the tab API: `GET /api/follow-up/:year` (JSON with ETag and 304) and
 * `GET /api/follow-up/:year.docx` (the Word report), in local mode on the 2017 golden dataset,
 * and in tenant mode behind Teams SSO against the fake tenant, where a call without a valid
 * token gets 401 and not a byte of the report.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import express from 'express';
import { loadConfig } from '../../../src/config';
import type { FollowUpYear } from '../../../src/domain/forum-year';
import { SourceError } from '../../../src/errors';
import { silentLogger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import type { ListData, ListItem, ListName } from '../../../src/ports/list-source';
import { createGraphClients } from '../../../src/sharepoint/graph-client';
import { SnapshotService } from '../../../src/snapshot';
import type { FollowUpYearView } from '../../../src/view-model';
import { createTabApi } from '../../../tabs/api';
import { startFakeTenant, type FakeTenant } from '../../fakes/fake-tenant';
import { MemoryListSource } from '../../fakes/memory-list-source';
import { docxParagraphs, docxParts, parseXml } from '../../unit/report/report-paragraphs';
import { SECTIONS_2017 } from '../../fixtures/follow-up-2017';
import { listen, stop } from './loopback';

const NOW = '2025-03-10T09:00:00Z';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The 2017 dataset with all five lists, as the local store holds it. */
function svom2017(): ListData {
  return JSON.parse(readFileSync(join(__dirname, '../../../data/svom-2017.json'), 'utf8')) as ListData;
}

let nextId = 100;
const item = (fields: Record<string, unknown>): ListItem => ({
  id: String((nextId += 1)),
  eTag: `"${nextId},1"`,
  webUrl: `https://contoso.sharepoint.com/sites/svom/Lists/x/${nextId}`,
  lastModifiedDateTime: '2025-01-01T00:00:00Z',
  fields,
});

async function startLocal(data: ListData) {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const clock = new FixedClock(NOW);
  const source = new MemoryListSource(data);
  const snapshots = new SnapshotService({ source, clock, logger: silentLogger, expiringWithinDays: 180 });
  const app = express();
  app.use(createTabApi({ config, snapshots, source, clock, logger: silentLogger }));
  return { ...(await listen(app)), source, snapshots };
}

async function docxTexts(response: Response): Promise<string[]> {
  const parts = await docxParts(Buffer.from(await response.arrayBuffer()));
  const documentXml = parts.get('word/document.xml');
  if (documentXml === undefined) throw new Error('no word/document.xml in the file');
  return docxParagraphs(documentXml).map((paragraph) => paragraph.text);
}

/** Every text must come after the previous one: the items under their area, in order. */
function expectInOrder(texts: string[], expected: string[]): void {
  let at = -1;
  for (const text of expected) {
    const found = texts.indexOf(text, at + 1);
    expect({ text, found: found > at }).toEqual({ text, found: true });
    at = found;
  }
}

describe('follow-up API in local mode (2017 dataset)', () => {
  let server: Server;
  let url: string;
  let source: MemoryListSource;
  let snapshots: SnapshotService;

  beforeAll(async () => {
    ({ server, url, source, snapshots } = await startLocal(svom2017()));
  });
  afterAll(() => stop(server));

  it('answers the year as JSON: meetings by kind, sections with their ärenden, and what the tab needs around it', async () => {
    const response = await fetch(`${url}/api/follow-up/2017`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const body = (await response.json()) as FollowUpYearView;
    expect(body.year).toBe(2017);
    expect(body.hasMeetings).toBe(true);
    expect(Object.fromEntries(Object.entries(body.meetings).map(([kind, meetings]) => [kind, meetings.length]))).toEqual({
      ordinary: 3,
      joint: 1,
      extra: 1,
      event: 1,
      unspecified: 0,
    });
    expect(body.meetings.extra[0]?.subject).toBe('Ärende gällande TNE-avtalet');
    expect(body.sections.map((section) => section.section.name)).toEqual([
      'SVOM strategiska områden',
      'Områden från Gemensam hälso- och sjukvårdspolitik',
      'Övriga områden',
      'Avtal och överenskommelser',
    ]);
    const psychiatry = body.sections[1]?.rows.find((row) => row.entry.title === 'Förbättrad psykisk hälsa');
    const printed = SECTIONS_2017.flatMap((section) => section.areas).find((area) => area.area === 'Förbättrad psykisk hälsa');
    expect(psychiatry?.errands.map((yearErrand) => yearErrand.errand.title)).toEqual(printed?.items);
    expect(body.sections[0]?.rows.every((row) => row.withoutErrand)).toBe(true);
    expect(body.unplaced.map((yearErrand) => yearErrand.errand.title)).toEqual(['TNE-avtalet']);
    expect(body.errands).toHaveLength(14);
    expect(body.forum?.shortName).toBe('SVOM');
    expect(body).toMatchObject({
      today: '2025-03-10',
      source: 'local',
      stale: false,
      yearsWithData: [2017],
      docxUrl: '/api/follow-up/2017.docx',
      expiringWithinDays: 180,
    });
    expect(body.lists.balance).toBe('memory://balance');
  });

  it('sends an ETag and answers 304 while the year is unchanged', async () => {
    const first = await fetch(`${url}/api/follow-up/2017`);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(`${url}/api/follow-up/2017`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // Another year is another document.
    expect((await fetch(`${url}/api/follow-up/2016`, { headers: { 'If-None-Match': etag } })).status).toBe(200);
  });

  it('changes the ETag when the forum profile changes, which the balance list view does not carry', async () => {
    const before = (await fetch(`${url}/api/follow-up/2017`)).headers.get('etag');
    const listBefore = (await fetch(`${url}/api/balance-list`)).headers.get('etag');
    const forumItem = (svom2017() as unknown as { forum: ListItem[] }).forum[0] as ListItem;
    source.edit('forum' as ListName, forumItem.id, { PlannedMeetingsPerYear: 5 });
    await snapshots.refresh();
    const after = await fetch(`${url}/api/follow-up/2017`, { headers: { 'If-None-Match': before ?? '' } });
    expect(after.status).toBe(200);
    expect(((await after.json()) as FollowUpYear).forum?.plannedMeetingsPerYear).toBe(5);
    expect((await fetch(`${url}/api/balance-list`)).headers.get('etag')).toBe(listBefore);
  });

  it('gives the Word file as an attachment, a valid OOXML package holding the items under their areas', async () => {
    const response = await fetch(`${url}/api/follow-up/2017.docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(DOCX_TYPE);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="uppfoljning-svom-2017.docx"');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const bytes = Buffer.from(await response.arrayBuffer());
    const parts = await docxParts(bytes);
    expect(parts.get('[Content_Types].xml')).toContain('wordprocessingml.document.main+xml');
    for (const [name, xml] of parts) if (name.endsWith('.xml') || name.endsWith('.rels')) parseXml(xml);
    const texts = docxParagraphs(parts.get('word/document.xml') as string).map((paragraph) => paragraph.text);
    expect(texts[0]).toBe('Uppföljning Sociala vård- och omsorgsgruppen 2017');
    expectInOrder(texts, [
      'Mötesfrekvens',
      'Balanslista',
      'SVOM strategiska områden',
      'Områden från Gemensam hälso- och sjukvårdspolitik',
      'Förbättrad psykisk hälsa',
      'Handlingsplan psykiska funktionsnedsättningar',
      'Boende särskilt vårdkrävande',
      'Tillgänglig och samordnad hälso- och sjukvård',
      'Hemsjukvårdsavtalet',
      'Mobilt närvårdsteam',
      'Hälsofrämjande och trygghetsskapande levnadsvillkor',
      'Folkhälsopolicyn ska genomsyra alla verksamheter',
      'Övriga områden',
      'Kunskapsstyrning',
    ]);
  });

  it('gives the Word file in English with ?lang=en', async () => {
    const texts = await docxTexts(await fetch(`${url}/api/follow-up/2017.docx?lang=en`));
    expect(texts[0]).toBe('Follow-up Sociala vård- och omsorgsgruppen 2017');
    expect(texts).toContain('Meeting frequency');
  });

  it('says so for a year with no meetings, in the JSON and the Word file', async () => {
    const body = (await (await fetch(`${url}/api/follow-up/2030`)).json()) as FollowUpYearView;
    expect(body).toMatchObject({ year: 2030, hasMeetings: false, errands: [], yearsWithData: [2017] });
    const texts = await docxTexts(await fetch(`${url}/api/follow-up/2030.docx`));
    expect(texts).toContain('Inga möten är registrerade för 2030.');
    expect(texts).toContain('Inga ärenden är registrerade för 2030.');
  });

  it.each(['17', '1999', '2101', '20017', 'abcd', '2017.pdf', '2017.docx.docx', '%20%202017'])(
    'refuses the year %s with 400 and a Swedish message',
    async (year) => {
      const response = await fetch(`${url}/api/follow-up/${year}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: { code: 'bad-year', message: expect.stringContaining('fyra siffror mellan 2000 och 2100') } });
    },
  );

  it('refuses an unknown language with 400', async () => {
    const response = await fetch(`${url}/api/follow-up/2017.docx?lang=de`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('Språket (lang) ska vara sv eller en.');
  });
});

describe('follow-up API with hostile text in the lists', () => {
  const hostile =
    '{ HYPERLINK "https://evil.example" } <w:fldSimple w:instr="HYPERLINK https://evil.example"/> <script>alert(1)</script> https://evil.example/phish';
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const data = {
      balance: [item({ Title: hostile, EntryKey: 'a', Section: 'SVOM:s prioriterade områden 2019-2022', EntryKind: 'Prioriterat område', SortOrder: 1 })],
      meetings: [item({ Title: hostile, MeetingKey: 'm', MeetingDate: '2021-03-01', MeetingKind: 'Extra', Subject: hostile })],
      errands: [
        item({
          Title: hostile,
          ErrandKey: 'e1',
          MeetingKey: 'm',
          EntryKeys: 'a',
          Decision: hostile,
          DocumentLink: 'https://docs.example/handling',
          SortOrder: 1,
        }),
        item({ Title: 'Länk som inte är webb', ErrandKey: 'e2', MeetingKey: 'm', EntryKeys: 'a', DocumentLink: 'javascript:alert(1)', SortOrder: 2 }),
      ],
      forum: [item({ Title: 'SVOM', ShortName: 'SVOM', Description: hostile })],
    };
    ({ server, url } = await startLocal(data as unknown as ListData));
  });
  afterAll(() => stop(server));

  it('keeps it plain text in the Word file: no field code, and the link column the only hyperlink', async () => {
    const parts = await docxParts(Buffer.from(await (await fetch(`${url}/api/follow-up/2021.docx`)).arrayBuffer()));
    const documentXml = parts.get('word/document.xml') as string;
    parseXml(documentXml);
    expect(documentXml).not.toMatch(/<w:(fldChar|instrText|fldSimple|fldData)\b/u);
    expect(documentXml.match(/<w:hyperlink\b/gu)).toHaveLength(1);
    const targets = [
      ...(parts.get('word/_rels/document.xml.rels') as string).matchAll(
        /Target="([^"]*)"[^>]*TargetMode="External"|TargetMode="External"[^>]*Target="([^"]*)"/gu,
      ),
    ];
    expect(targets.map((match) => match[1] ?? match[2])).toEqual(['https://docs.example/handling']);
    expect(docxParagraphs(documentXml).filter((paragraph) => paragraph.text.includes(hostile)).length).toBeGreaterThan(2);
  });

  it('keeps it data in the JSON, and reports the unsafe link instead of passing it on', async () => {
    const response = await fetch(`${url}/api/follow-up/2021`);
    const body = (await response.json()) as FollowUpYearView;
    expect(body.errands.map((yearErrand) => [yearErrand.errand.title, yearErrand.errand.documentLink])).toEqual([
      [hostile, 'https://docs.example/handling'],
      ['Länk som inte är webb', null],
    ]);
    expect(body.problems.map((problem) => [problem.field, problem.value])).toContainEqual(['DocumentLink', 'javascript:alert(1)']);
  });
});

describe('follow-up API when the lists cannot be read', () => {
  it('answers 503 with a Swedish message for the JSON and the Word file, and no report', async () => {
    const { server, url, source } = await startLocal(svom2017());
    source.failure = new SourceError('unavailable', 'connection refused');
    try {
      for (const path of ['/api/follow-up/2017', '/api/follow-up/2017.docx']) {
        const response = await fetch(`${url}${path}`);
        expect(response.status).toBe(503);
        expect(response.headers.get('content-disposition')).toBeNull();
        expect(await response.json()).toEqual({
          error: { code: 'source-unavailable', message: 'Balanslistan kan inte läsas just nu. Försök igen om en stund.' },
        });
      }
    } finally {
      await stop(server);
    }
  });
});

describe('follow-up API in tenant mode (fake tenant)', () => {
  const clock = new FixedClock(NOW);
  let tenant: FakeTenant;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    tenant = await startFakeTenant({ now: () => clock.now() });
    const config = loadConfig({ ...tenant.env, LOG_LEVEL: 'silent' });
    const source = new MemoryListSource(svom2017());
    const snapshots = new SnapshotService({ source, clock, logger: silentLogger, expiringWithinDays: 180 });
    const app = express();
    const graph = createGraphClients(config.graph!, { logger: silentLogger });
    app.use(createTabApi({ config, snapshots, source, clock, logger: silentLogger, graph }));
    ({ server, url } = await listen(app));
  });
  afterAll(async () => {
    await stop(server);
    await tenant.close();
  });

  it.each([
    ['no token', undefined],
    ['a token not signed by Entra', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'],
  ])('refuses the Word file with %s: 401 and no data', async (_name, authorization) => {
    const response = await fetch(`${url}/api/follow-up/2017.docx`, { headers: authorization ? { Authorization: authorization } : {} });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(response.headers.get('content-type')).toContain('application/json');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    expect(text).not.toMatch(/psykisk|Kompetensförsörjning|SVOM/u);
    expect(tenant.graph.requests).toHaveLength(0);
  });

  it('refuses the JSON without a token too', async () => {
    const response = await fetch(`${url}/api/follow-up/2017`);
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('Kompetensförsörjning');
  });

  it('refuses a user SharePoint refuses with 403 and no data', async () => {
    tenant.graph.denyUser('david@contoso.onmicrosoft.com');
    const response = await fetch(`${url}/api/follow-up/2017.docx`, {
      headers: { Authorization: `Bearer ${await tenant.entra.token('david@contoso.onmicrosoft.com')}` },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(await response.text()).not.toContain('Kompetensförsörjning');
  });

  it('gives a signed-in user with access the JSON and the Word file', async () => {
    const headers = { Authorization: `Bearer ${await tenant.entra.token('anna@contoso.onmicrosoft.com')}` };
    const json = await fetch(`${url}/api/follow-up/2017`, { headers });
    expect(json.status).toBe(200);
    expect(((await json.json()) as FollowUpYear).errands).toHaveLength(14);
    const docx = await fetch(`${url}/api/follow-up/2017.docx`, { headers });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toBe('attachment; filename="uppfoljning-svom-2017.docx"');
    expect(await docxTexts(docx)).toContain('Förbättrad psykisk hälsa');
  });
});
