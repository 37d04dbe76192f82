/**
 * `npm run meeting-doc`: a meeting's agenda and minutes from the configured lists, as the npm
 * script itself (the "Done when" command, on the 2017 dataset) and in-process on a
 * meeting with decisions, actions and hostile text.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMeetingDocCli, type MeetingDocCliIo } from '../../../app/cli/meeting-doc';
import type { ListData, ListItem } from '../../../src/ports/list-source';
import { MemoryListSource } from '../../fakes/memory-list-source';
import { docxParagraphs, docxParts, markdownParagraphs } from '../../unit/report/report-paragraphs';

const ROOT = join(__dirname, '../../..');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'meeting-doc-'));
  dirs.push(dir);
  return dir;
}

const HOSTILE = '<script>alert(1)</script> { HYPERLINK "https://evil.example" } [klicka](https://evil.example) **fet**';
const item = (id: string, fields: Record<string, unknown>): ListItem => ({ id, eTag: `"${id},1"`, webUrl: '', lastModifiedDateTime: null, fields });

function meetingWithActions(): ListData {
  return {
    balance: [item('1', { Title: 'Psykisk hälsa', EntryKey: 'psyk', Section: 'Flera områden', EntryKind: 'Rubrik', SortOrder: 1 })],
    meetings: [
      item('1', {
        Title: 'SVOM oktober',
        MeetingKey: 'm-okt',
        MeetingDate: '2022-10-20',
        StartTime: '09:00',
        Location: 'Östersund',
        MeetingKind: 'Ordinarie',
        ItemDeadline: '2022-10-06',
        MeetingLink: 'https://teams.microsoft.com/l/meetup-join/abc',
      }),
    ],
    errands: [
      item('1', {
        Title: 'Handlingsplan psykisk hälsa',
        ErrandKey: 'e1',
        MeetingKey: 'm-okt',
        EntryKeys: 'psyk',
        SortOrder: 1,
        ErrandKind: 'Beslut',
        PreparingGroup: 'Fredagsgruppen',
        Decision: 'SVOM ställer sig bakom planen.',
        DocumentLink: 'https://contoso.sharepoint.com/sites/svom/Shared%20Documents/plan.pdf',
      }),
      item('2', { Title: HOSTILE, ErrandKey: 'e2', MeetingKey: 'm-okt', SortOrder: 2, Decision: HOSTILE }),
    ],
    actions: [
      item('1', {
        Title: 'Återkom med förslag',
        ActionKey: 'a1',
        ErrandKey: 'e1',
        ResponsibleGroup: 'Fredagsgruppen',
        Responsible: 'Anna Berg',
        ResponsibleLookupId: '14',
        DueDate: '2022-12-31',
      }),
    ],
  };
}

async function cli(argv: string[], source: MemoryListSource | null = new MemoryListSource(meetingWithActions())) {
  const cwd = tempDir();
  let out = '';
  let err = '';
  const chunks: Buffer[] = [];
  const io: MeetingDocCliIo = {
    out: (text) => (out += text),
    err: (text) => (err += text),
    write: (bytes) => chunks.push(Buffer.from(bytes)),
    stdoutIsTerminal: false,
    env: { DATA_DIR: join(cwd, 'data'), LOG_LEVEL: 'silent' },
    cwd,
    ...(source ? { source } : {}),
  };
  const code = await runMeetingDocCli(argv, io);
  return { code, out, err, written: Buffer.concat(chunks), cwd };
}

describe('npm run meeting-doc', () => {
  it('SEED_FILE=data/svom-2017.json npm run meeting-doc -- --meeting 2017-extra-april --kind dagordning --format docx --out x.docx writes a Word file holding the TNE ärende', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'out'));
    const out = join(dir, 'out', 'x.docx');
    const result = spawnSync('npm', ['run', 'meeting-doc', '--', '--meeting', '2017-extra-april', '--kind', 'dagordning', '--format', 'docx', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SEED_FILE: 'data/svom-2017.json', DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', TODAY: '' },
    });
    expect(result.stderr).not.toContain('Det finns inget möte');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Skrev (wrote) ${out}: dagordning för 2017-extra-april, 1 ärende.`);
    const parts = await docxParts(readFileSync(out));
    const paragraphs = docxParagraphs(parts.get('word/document.xml') as string);
    expect(paragraphs.slice(0, 2)).toEqual([
      { heading: 1, bullet: false, text: 'Dagordning – Extra SVOM-möte, april 2017' },
      { heading: null, bullet: false, text: 'Sociala vård- och omsorgsgruppen' },
    ]);
    expect(paragraphs).toContainEqual({ heading: null, bullet: true, text: 'Ämne: Ärende gällande TNE-avtalet' });
    expect(paragraphs).toContainEqual({ heading: 3, bullet: false, text: '1. TNE-avtalet' });
  }, 60_000);

  it('writes the minutes: each ärende with its decision and the actions it gave, who and by when', async () => {
    const run = await cli(['--meeting', 'm-okt', '--kind', 'minnesanteckningar', '--format', 'md']);
    expect(run.code).toBe(0);
    const texts = markdownParagraphs(run.written.toString('utf8')).map((paragraph) => paragraph.text);
    expect(texts.slice(0, 7)).toEqual([
      'Minnesanteckningar – SVOM oktober, 20 oktober 2022',
      'Datum: 20 oktober 2022',
      'Tid: 09:00',
      'Plats: Östersund',
      'Mötestyp: Ordinarie',
      '[Länk till mötet](<https://teams.microsoft.com/l/meetup-join/abc>)',
      'Sista dag för ärenden: 2022-10-06',
    ]);
    expect(texts).toContain('1. Handlingsplan psykisk hälsa');
    expect(texts).toContain(
      'Typ: Beslut · Beredande grupp: Fredagsgruppen – [Handlingar](<https://contoso.sharepoint.com/sites/svom/Shared%20Documents/plan.pdf>)',
    );
    expect(texts).toContain('Beslut och noteringar: SVOM ställer sig bakom planen.');
    expect(texts).toContain('Uppdrag: Återkom med förslag (ansvarig: Fredagsgruppen · Anna Berg, senast 2022-12-31; pågår)');
    expect(texts).toContain('Mötet gav 1 uppdrag.');
  });

  it('keeps hostile text inert: escaped in Markdown and HTML, plain text runs in Word without field codes', async () => {
    const md = (await cli(['--meeting', 'm-okt', '--kind', 'minnesanteckningar', '--format', 'md'])).written.toString('utf8');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('](https://evil.example)');
    const html = (await cli(['--meeting', 'm-okt', '--kind', 'dagordning', '--format', 'html'])).written.toString('utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/href="https:\/\/evil/u);
    const word = (await cli(['--meeting', 'm-okt', '--kind', 'minnesanteckningar', '--format', 'docx', '--out', 'm.docx'])).cwd;
    const documentXml = (await docxParts(readFileSync(join(word, 'm.docx')))).get('word/document.xml') as string;
    expect(documentXml).not.toMatch(/<w:(fldChar|instrText|fldSimple|fldData)\b/u);
    expect(docxParagraphs(documentXml).map((paragraph) => paragraph.text)).toContain(`2. ${HOSTILE}`);
    const links = [...documentXml.matchAll(/<w:hyperlink /gu)].length;
    // The meeting's link and the ärende's documents: the only links are the link columns.
    expect(links).toBe(2);
  });

  it('names the keys there are when the meeting is unknown, and explains bad arguments', async () => {
    const unknown = await cli(['--meeting', 'finns-inte', '--kind', 'dagordning', '--format', 'md']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Det finns inget möte med nyckeln "finns-inte"');
    expect(unknown.err).toContain('m-okt');
    const kind = await cli(['--meeting', 'm-okt', '--kind', 'protokoll']);
    expect(kind.code).toBe(2);
    expect(kind.err).toContain('--kind ska vara dagordning eller minnesanteckningar');
    const missing = await cli(['--kind', 'dagordning']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--meeting saknas');
  });
});
