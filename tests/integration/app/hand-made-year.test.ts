/**
 * The hand-made 2024 year (tests/fixtures/forum-year) through the public interfaces: the command
 * `npm run follow-up` on a local store seeded from it (Markdown, HTML, Word, both languages), and
 * the tab API (`GET /api/follow-up/:year`, its Word file and `GET /api/balance-list`, which
 * Datakvalitet shows). Checks that a problem counted anywhere is listed in Datakvalitet, that a
 * section title carrying its period with another dash does not get it twice, that an ärende
 * naming a missing meeting says so with the name, and that meetings are listed in the order they
 * were held as far as it is known.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { runFollowUpCli } from '../../../app/cli/follow-up';
import { loadConfig } from '../../../src/config';
import type { FollowUpProblem } from '../../../src/domain/errands';
import { silentLogger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import { SnapshotService } from '../../../src/snapshot';
import type { BalanceListView, FollowUpYearView } from '../../../src/view-model';
import { createTabApi } from '../../../tabs/api';
import { MemoryListSource } from '../../fakes/memory-list-source';
import {
  HAND_MADE_YEAR,
  HAND_MADE_YEAR_FILE,
  ERRAND_WITHOUT_YEAR,
  ERRANDS_OF_THE_YEAR,
  ORDINARY_MEETINGS_IN_ORDER,
  PERIOD_ADDED,
  PROBLEMS,
  RENAMED_SECTION,
  UNKNOWN_MEETING,
  handMadeYear,
} from '../../fixtures/forum-year/hand-made-year';
import { docxParagraphs, docxParts, markdownParagraphs, type Paragraph } from '../../unit/report/report-paragraphs';

interface Jsdom {
  JSDOM: new (html: string) => { window: { document: { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> } } };
}
const { JSDOM } = createRequire(__filename)('jsdom') as Jsdom;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs the command as `npm run follow-up` does, on a fresh local store seeded from the hand-made year; the report goes to stdout. */
async function followUp(argv: string[]): Promise<{ code: number; written: Buffer; err: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'hand-made-year-'));
  dirs.push(cwd);
  let err = '';
  const chunks: Buffer[] = [];
  const code = await runFollowUpCli(['--year', String(HAND_MADE_YEAR), '--out', '-', ...argv], {
    out: () => undefined,
    err: (text) => (err += text),
    write: (bytes) => chunks.push(Buffer.from(bytes)),
    stdoutIsTerminal: false,
    env: { DATA_DIR: join(cwd, 'data'), SEED_FILE: HAND_MADE_YEAR_FILE, LOG_LEVEL: 'silent' },
    cwd,
  });
  return { code, written: Buffer.concat(chunks), err };
}

const dashes = /\d{4}\s*[-–—]\s*\d{4}/gu;

/** The report's headings and list items, whatever the format. */
async function reportParagraphs(format: 'md' | 'html' | 'docx', lang: 'sv' | 'en' = 'sv'): Promise<Paragraph[]> {
  const run = await followUp(['--format', format, '--lang', lang]);
  expect(run.code).toBe(0);
  const bytes = run.written;
  if (format === 'md') return markdownParagraphs(bytes.toString('utf8'));
  if (format === 'docx') return docxParagraphs((await docxParts(bytes)).get('word/document.xml') as string);
  const { document } = new JSDOM(bytes.toString('utf8')).window;
  return Array.from(document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6, main p, main li')).map((element) => {
    const tag = (element as unknown as { tagName: string }).tagName;
    const heading = /^H(\d)$/u.exec(tag);
    // A list item's own text, without the items nested under it.
    const own = Array.from((element as unknown as { childNodes: ArrayLike<{ nodeName: string; textContent: string | null }> }).childNodes)
      .filter((child) => child.nodeName !== 'UL' && child.nodeName !== 'OL')
      .map((child) => child.textContent ?? '')
      .join('');
    return { heading: heading ? Number(heading[1]) : null, bullet: !heading, text: own.trim() };
  });
}

describe.each(['md', 'html', 'docx'] as const)('npm run follow-up --format %s on the hand-made year', (format) => {
  let paragraphs: Paragraph[];
  let texts: string[];
  beforeAll(async () => {
    paragraphs = await reportParagraphs(format);
    texts = paragraphs.map((paragraph) => paragraph.text);
  });

  it('prints a section title that carries its period as written, and adds the period only where the title lacks it', () => {
    const sections = paragraphs.filter((paragraph) => paragraph.heading === 3).map((paragraph) => paragraph.text);
    expect(sections).toEqual([RENAMED_SECTION.title, PERIOD_ADDED, 'Digital samverkan 2024', 'Överenskommelser och avtal', 'Punkter utan känt avsnitt']);
    for (const heading of sections) expect((heading.match(dashes) ?? []).length).toBeLessThanOrEqual(1);
  });

  it('says that the meeting an ärende names is missing, with its name, instead of "möte anges inte"', () => {
    const line = texts.find((text) => text.startsWith(UNKNOWN_MEETING.errand));
    expect(line).toBe(`${UNKNOWN_MEETING.errand} (mötet ”${UNKNOWN_MEETING.named}” finns inte i möteslistan)`);
    expect(texts.join('\n')).not.toContain('möte anges inte');
  });

  it('lists the meetings in the order they were held: a month in its place, a year known only as a year last', () => {
    const start = texts.indexOf('Ordinarie möten: 5');
    expect(texts.slice(start + 1, start + 6)).toEqual([
      'Ordinarie SVOM-möte – 14 mars 2024',
      'Ordinarie SVOM-möte – maj 2024',
      'Ordinarie SVOM-möte – 12 juni 2024',
      'Ordinarie SVOM-möte – 10 oktober 2024',
      'Ordinarie SVOM-möte – 2024, datum anges inte',
    ]);
  });

  it('lists in its Datakvalitet every problem it counts, with the item to fix', () => {
    const start = texts.indexOf('Datakvalitet');
    expect(texts[start + 1]).toBe(`${PROBLEMS.length} problem i listorna behöver rättas:`);
    expect(texts.slice(start + 2).map((text) => text.slice(0, text.indexOf(' – ')))).toEqual(
      PROBLEMS.map((problem) => `${problem.code === 'unknown-section' ? 'Balanslista' : 'Ärenden'}: ${problem.title}`),
    );
  });
});

it('names the missing meeting in the English report too', async () => {
  const texts = (await reportParagraphs('md', 'en')).map((paragraph) => paragraph.text);
  expect(texts).toContain(`${UNKNOWN_MEETING.errand} (meeting “${UNKNOWN_MEETING.named}” is not in the meetings list)`);
  expect(texts.join('\n')).not.toContain('meeting not stated');
});

it('counts the same problems on stderr as it lists', async () => {
  const run = await followUp(['--format', 'md']);
  expect(run.code).toBe(0);
  expect(run.err).toContain(`${ERRANDS_OF_THE_YEAR.length} ärenden, ${PROBLEMS.length} varningar`);
});

describe('the tab API on the hand-made year', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const clock = new FixedClock('2024-05-02T08:00:00Z');
    const source = new MemoryListSource(handMadeYear());
    const snapshots = new SnapshotService({ source, clock, logger: silentLogger, expiringWithinDays: 180 });
    const app = express();
    app.use(createTabApi({ config, snapshots, source, clock, logger: silentLogger }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${url}${path}`);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const identity = (problem: Pick<FollowUpProblem, 'list' | 'itemId' | 'code' | 'field' | 'value'>) =>
    `${problem.list}/${problem.itemId}/${problem.code}/${problem.field ?? ''}/${problem.value}`;

  it('lists in Datakvalitet (GET /api/balance-list) every problem any year of the follow-up counts', async () => {
    const view = await get<BalanceListView>('/api/balance-list');
    expect(view.problems.map(({ code, title, value }) => ({ code, title, value }))).toEqual(PROBLEMS);
    // Each with the item to fix: its id and the address to edit it.
    for (const problem of view.problems) expect(problem.itemId).not.toBe('');
    const listed = new Set(view.problems.map(identity));
    for (const year of [2023, 2024, 2025]) {
      const followUp = await get<FollowUpYearView>(`/api/follow-up/${year}`);
      expect({ year, unlisted: followUp.problems.map(identity).filter((problem) => !listed.has(problem)) }).toEqual({ year, unlisted: [] });
    }
  });

  it('answers the year with its meetings in the order they were held and every ärende of the year', async () => {
    const followUp = await get<FollowUpYearView>(`/api/follow-up/${HAND_MADE_YEAR}`);
    expect(followUp.meetings.ordinary.map((meeting) => meeting.key)).toEqual(ORDINARY_MEETINGS_IN_ORDER);
    expect(followUp.errands.map((item) => item.errand.key).sort()).toEqual(ERRANDS_OF_THE_YEAR);
    expect(followUp.errands.some((item) => item.errand.title === ERRAND_WITHOUT_YEAR)).toBe(false);
    expect(followUp.sections.map((section) => section.section.name)).toEqual([
      RENAMED_SECTION.title,
      'Prioriterade områden',
      'Digital samverkan',
      'Överenskommelser och avtal',
      '',
    ]);
  });

  it('serves a Word file with the renamed section printed once and the missing meeting named', async () => {
    const response = await fetch(`${url}/api/follow-up/${HAND_MADE_YEAR}.docx`);
    expect(response.status).toBe(200);
    const texts = docxParagraphs((await docxParts(Buffer.from(await response.arrayBuffer()))).get('word/document.xml') as string).map(
      (paragraph) => paragraph.text,
    );
    expect(texts).toContain(RENAMED_SECTION.title);
    expect(texts.filter((text) => text.includes('2024-2027') && text.includes('2024–2027'))).toEqual([]);
    expect(texts).toContain(`${UNKNOWN_MEETING.errand} (mötet ”${UNKNOWN_MEETING.named}” finns inte i möteslistan)`);
  });
});
