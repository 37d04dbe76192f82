/**
 * The forum's year on a synthetic forum: ten years, 50 meetings and 1,000 ärenden over the 2022
 * balance list. How long the field mapping, the year's model and each report format take for one
 * year, then the paths people use: `GET /api/follow-up/YYYY` (JSON, and 304 when unchanged),
 * `GET /api/follow-up/YYYY.docx`, and `npm run follow-up` in-process (read, map, build, write the
 * Word file). Then one meeting with 50 ärenden and an action each: its agenda and minutes in every
 * format, `GET /api/meetings/KEY/minnesanteckningar.docx` and `npm run meeting-doc` in-process.
 * No Graph requests (keeping the lists fresh is measured with the Graph source). Fails when the
 * report for one year, or a meeting's document, takes a second or more.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import express from 'express';
import { runFollowUpCli } from '../app/cli/follow-up';
import { runMeetingDocCli } from '../app/cli/meeting-doc';
import { mapListData } from '../src/lists/mapping';
import { loadConfig } from '../src/config';
import { buildForumYear } from '../src/domain/forum-year';
import { mapForumData, type ForumListData } from '../src/lists/forum-year-mapping';
import { silentLogger } from '../src/logger';
import { FixedClock } from '../src/ports/clock';
import type { ListData } from '../src/ports/list-source';
import { meetingDocumentData, renderFollowUpDocx, renderFollowUpHtml, renderFollowUpMarkdown, renderMeetingDocument } from '../src/report';
import { buildFollowUpView, followUpEtag, SnapshotService } from '../src/snapshot';
import { createTabApi } from '../tabs/api';
import { MemoryListSource } from '../tests/fakes/memory-list-source';
import { printTable } from './support/table';

/** "Well under a second" for one year's report, end to end. */
const BUDGET_MS = 1_000;

const YEARS = 10;
const MEETINGS = 50;
const ERRANDS = 1_000;
const KINDS = ['Ordinarie', 'Ordinarie', 'Ordinarie', 'Gemensamt med Västernorrland', 'Extra'];
/** The meeting whose agenda and minutes are built: 50 ärenden, each with an action. */
const BIG_MEETING = 'm-stor';
const BIG_AGENDA = 50;

function item(id: number, fields: Record<string, unknown>) {
  return { id: String(id), eTag: `"${id},1"`, webUrl: `https://contoso.sharepoint.com/sites/SVOM/Lists/x/${id}_.000`, lastModifiedDateTime: null, fields };
}

function makeForum(): ForumListData {
  const seed = JSON.parse(readFileSync(join(__dirname, '..', 'data', 'balanslista-2022.json'), 'utf8')) as { balance: Array<{ fields: { EntryKey: string } }> };
  const keys = seed.balance.map((entry) => entry.fields.EntryKey);
  const meetings = Array.from({ length: MEETINGS }, (_, index) => {
    const year = 2013 + (index % YEARS);
    const month = 1 + ((index * 5) % 12);
    return item(index + 1, {
      Title: `SVOM ${index + 1}`,
      MeetingKey: `m-${index + 1}`,
      MeetingDate: `${year}-${String(month).padStart(2, '0')}-14`,
      MeetingKind: KINDS[index % KINDS.length],
    });
  });
  const errands = Array.from({ length: ERRANDS }, (_, index) =>
    item(index + 1, {
      Title: `Ärende ${index + 1} om samverkan kring vård och omsorg`,
      ErrandKey: `e-${index + 1}`,
      MeetingKey: `m-${(index % MEETINGS) + 1}`,
      EntryKeys: [keys[index % keys.length], keys[(index * 7) % keys.length]].join('\n'),
      PreparingGroup: index % 2 === 0 ? 'Fredagsgruppen' : 'L-IFO',
      ErrandKind: 'Beslut',
      ErrandStatus: 'Behandlat',
      Decision: 'SVOM beslutar att rekommendera kommunerna och regionen att anta överenskommelsen.',
      SortOrder: index % 20,
    }),
  );
  meetings.push(item(MEETINGS + 1, { Title: 'SVOM med lång dagordning', MeetingKey: BIG_MEETING, MeetingDate: '2022-11-17', MeetingKind: 'Ordinarie' }));
  for (let index = 0; index < BIG_AGENDA; index += 1) {
    errands.push(
      item(ERRANDS + index + 1, {
        Title: `Ärende ${index + 1} på den långa dagordningen`,
        ErrandKey: `stor-${index + 1}`,
        MeetingKey: BIG_MEETING,
        EntryKeys: keys[index % keys.length],
        PreparingGroup: 'Fredagsgruppen',
        ErrandKind: 'Beslut',
        DocumentLink: `https://contoso.sharepoint.com/sites/SVOM/Delade%20dokument/handling-${index + 1}.pdf`,
        Decision: 'SVOM beslutar att rekommendera kommunerna och regionen att anta överenskommelsen.',
        SortOrder: index + 1,
      }),
    );
  }
  const actions = Array.from({ length: BIG_AGENDA }, (_, index) =>
    item(index + 1, {
      Title: `Återkom med förslag ${index + 1}`,
      ActionKey: `a-${index + 1}`,
      ErrandKey: `stor-${index + 1}`,
      ResponsibleGroup: 'Fredagsgruppen',
      Responsible: 'Anna Berg',
      ResponsibleLookupId: '14',
      DueDate: '2023-02-16',
    }),
  );
  const forum = [item(1, { Title: 'Sociala vård- och omsorgsgruppen', ShortName: 'SVOM', PlannedMeetingsPerYear: 4 })];
  return { ...seed, meetings, errands, actions, forum } as unknown as ForumListData;
}

async function time(runs: number, work: () => unknown): Promise<number> {
  await work();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] as number;
}

/** The tab API over the synthetic lists, on loopback, as the server mounts it in local mode. */
async function startApi(lists: ForumListData) {
  const clock = new FixedClock('2025-03-10T09:00:00Z');
  const source = new MemoryListSource(lists as unknown as ListData);
  const snapshots = new SnapshotService({ source, clock, logger: silentLogger, expiringWithinDays: 180 });
  const app = express();
  app.use(createTabApi({ config: loadConfig({ LOG_LEVEL: 'silent' }), snapshots, source, clock, logger: silentLogger }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, snapshots, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function main(): Promise<void> {
  const lists = makeForum();
  const data = mapForumData(lists);
  const year = buildForumYear(data, 2017);
  const ms = (value: number) => value.toFixed(1);

  const api = await startApi(lists);
  const snapshot = await api.snapshots.get();
  const first = await fetch(`${api.url}/api/follow-up/2017`, { headers: { 'Accept-Encoding': 'gzip' } });
  const json = Buffer.from(await first.arrayBuffer());
  const etag = first.headers.get('etag') ?? '';
  const docxBytes = (await (await fetch(`${api.url}/api/follow-up/2017.docx`)).arrayBuffer()).byteLength;

  const out = mkdtempSync(join(tmpdir(), 'follow-up-bench-'));
  const source = new MemoryListSource(lists as unknown as ListData);
  // What the document commands get: silent, writing into the bench's folder, reading the bench's lists.
  const io = {
    out: () => undefined,
    err: () => undefined,
    write: () => undefined,
    stdoutIsTerminal: false,
    env: { LOG_LEVEL: 'silent', DATA_DIR: out },
    cwd: out,
    source,
  };
  const cli = async () => {
    if ((await runFollowUpCli(['--year', '2017', '--out', 'x.docx'], io)) !== 0) throw new Error('npm run follow-up failed');
  };
  const cliMs = await time(9, cli);

  const meeting = meetingDocumentData(data, mapListData(lists as unknown as ListData).meetings, BIG_MEETING);
  if (meeting === null || meeting.errands.length !== BIG_AGENDA) throw new Error(`the meeting ${BIG_MEETING} should have ${BIG_AGENDA} ärenden`);
  const minutesDocx = (await renderMeetingDocument(meeting, 'minnesanteckningar', 'docx')) as Buffer;
  const meetingCli = async () => {
    if ((await runMeetingDocCli(['--meeting', BIG_MEETING, '--kind', 'minnesanteckningar', '--out', 'm.docx'], io)) !== 0)
      throw new Error('npm run meeting-doc failed');
  };
  const meetingCliMs = await time(9, meetingCli);
  const meetingRows: string[][] = [];
  for (const kind of ['dagordning', 'minnesanteckningar'] as const) {
    for (const format of ['docx', 'html', 'md'] as const) {
      const body = await renderMeetingDocument(meeting, kind, format);
      meetingRows.push([
        `${kind} (${format})`,
        `${BIG_AGENDA} ärenden, ${Buffer.byteLength(body)} bytes`,
        ms(await time(9, () => renderMeetingDocument(meeting, kind, format))),
      ]);
    }
  }
  const meetingApiMs = await time(9, async () => (await fetch(`${api.url}/api/meetings/${BIG_MEETING}/minnesanteckningar.docx`)).arrayBuffer());

  printTable(
    ['step', 'what', 'ms (median of 9)'],
    [
      [
        'mapForumData',
        `${data.entries.length} entries, ${data.meetings.length} meetings, ${data.errands.length} ärenden`,
        ms(await time(9, () => mapForumData(lists))),
      ],
      [
        'buildForumYear',
        `2017: ${year.errands.length} ärenden, ${Object.values(year.meetings).flat().length} meetings`,
        ms(await time(9, () => buildForumYear(data, 2017))),
      ],
      ['Markdown', `${Buffer.byteLength(renderFollowUpMarkdown(year))} bytes`, ms(await time(9, () => renderFollowUpMarkdown(year)))],
      ['HTML', `${Buffer.byteLength(renderFollowUpHtml(year))} bytes`, ms(await time(9, () => renderFollowUpHtml(year)))],
      ['Word', `${(await renderFollowUpDocx(year)).byteLength} bytes`, ms(await time(9, () => renderFollowUpDocx(year)))],
      [
        'API body, new snapshot',
        'buildFollowUpView + ETag + JSON (first request after a change)',
        ms(
          await time(9, () => {
            const view = buildFollowUpView(snapshot, 2017);
            return followUpEtag(view) + JSON.stringify(view);
          }),
        ),
      ],
      [
        'GET /api/follow-up/2017',
        `200, ${json.byteLength} bytes of JSON, ${gzipSync(json).byteLength} gzipped (same snapshot)`,
        ms(await time(9, async () => (await fetch(`${api.url}/api/follow-up/2017`, { headers: { 'Accept-Encoding': 'gzip' } })).arrayBuffer())),
      ],
      [
        'GET /api/follow-up/2017 unchanged',
        '304 with If-None-Match',
        ms(await time(9, async () => (await fetch(`${api.url}/api/follow-up/2017`, { headers: { 'If-None-Match': etag } })).arrayBuffer())),
      ],
      [
        'GET /api/follow-up/2017.docx',
        `200, ${docxBytes} bytes`,
        ms(await time(9, async () => (await fetch(`${api.url}/api/follow-up/2017.docx`)).arrayBuffer())),
      ],
      ['npm run follow-up (in-process)', 'read, map, build, Word file written', ms(cliMs)],
      ...meetingRows,
      [`GET /api/meetings/${BIG_MEETING}/minnesanteckningar.docx`, `200, ${minutesDocx.byteLength} bytes`, ms(meetingApiMs)],
      ['npm run meeting-doc (in-process)', 'read, map, minutes of 50 ärenden written as Word', ms(meetingCliMs)],
    ],
  );
  api.server.closeAllConnections();
  api.server.close();
  rmSync(out, { recursive: true, force: true });
  if (cliMs >= BUDGET_MS) {
    console.log(`The report for one year took ${ms(cliMs)} ms; the budget is under ${BUDGET_MS} ms.`);
    process.exitCode = 1;
  }
  if (meetingCliMs >= BUDGET_MS || meetingApiMs >= BUDGET_MS) {
    console.log(`A meeting's minutes took ${ms(Math.max(meetingCliMs, meetingApiMs))} ms; the budget is under ${BUDGET_MS} ms.`);
    process.exitCode = 1;
  }
}

void main();
