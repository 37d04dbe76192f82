/**
 * `npm run follow-up`: the annual report from the configured lists, run in-process (the same code
 * the script runs) on the 2017 dataset through an in-memory source, against a real local store,
 * and as the npm script itself (the "Done when" command).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFollowUpCli, type FollowUpCliIo } from '../../../app/cli/follow-up';
import { SourceError } from '../../../src/errors';
import type { ListData, ListItem } from '../../../src/ports/list-source';
import type { SeedItem } from '../../fakes/fake-graph';
import { startFakeTenant, type FakeTenant } from '../../fakes/fake-tenant';
import { MemoryListSource } from '../../fakes/memory-list-source';
import { docxParagraphs, docxParts, markdownParagraphs, parseXml } from '../../unit/report/report-paragraphs';
import { HEADINGS_AND_ITEMS_2017 } from '../../fixtures/follow-up-2017';

const ROOT = join(__dirname, '../../..');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'follow-up-cli-'));
  dirs.push(dir);
  return dir;
}

function svom2017(): ListData {
  return JSON.parse(readFileSync(join(ROOT, 'data/svom-2017.json'), 'utf8')) as ListData;
}

interface Run {
  code: number;
  out: string;
  err: string;
  /** What went to stdout as the report. */
  written: Buffer;
  cwd: string;
}

async function cli(argv: string[], options: { source?: MemoryListSource | null; env?: Record<string, string>; terminal?: boolean } = {}): Promise<Run> {
  const cwd = tempDir();
  let out = '';
  let err = '';
  const chunks: Buffer[] = [];
  const io: FollowUpCliIo = {
    out: (text) => (out += text),
    err: (text) => (err += text),
    write: (bytes) => chunks.push(Buffer.from(bytes)),
    stdoutIsTerminal: options.terminal ?? false,
    env: { DATA_DIR: join(cwd, 'data'), LOG_LEVEL: 'silent', ...options.env },
    cwd,
    source: options.source === null ? undefined : (options.source ?? new MemoryListSource(svom2017())),
  };
  const code = await runFollowUpCli(argv, io);
  return { code, out, err, written: Buffer.concat(chunks), cwd };
}

/** The 2017 document's balance-list part, headings and items, in the order the report must keep. */
const ITEMS_UNDER_AREAS = HEADINGS_AND_ITEMS_2017;

/** A valid OOXML package whose paragraphs hold `expected` in order; returns the paragraphs' texts. */
async function expectReport(bytes: Buffer, expected: string[]): Promise<string[]> {
  const parts = await docxParts(bytes);
  expect(parts.get('[Content_Types].xml')).toContain('wordprocessingml.document.main+xml');
  expect(parts.get('_rels/.rels')).toContain('word/document.xml');
  for (const [name, xml] of parts) if (name.endsWith('.xml') || name.endsWith('.rels')) parseXml(xml);
  const texts = docxParagraphs(parts.get('word/document.xml') as string).map((paragraph) => paragraph.text);
  let at = -1;
  for (const text of expected) {
    const found = texts.indexOf(text, at + 1);
    expect({ text, inOrder: found > at }).toEqual({ text, inOrder: true });
    at = found;
  }
  return texts;
}

describe('npm run follow-up', () => {
  it('--year 2017 --format docx --out x.docx writes a Word file with the items under their areas', async () => {
    const run = await cli(['--year', '2017', '--format', 'docx', '--out', 'x.docx']);
    expect(run.code).toBe(0);
    expect(run.out).toBe('Skrev (wrote) x.docx: uppföljning 2017, 6 möten, 14 ärenden, 0 varningar.\n');
    expect(run.err).toBe('');
    const texts = await expectReport(readFileSync(join(run.cwd, 'x.docx')), ITEMS_UNDER_AREAS);
    expect(texts[0]).toBe('Uppföljning Sociala vård- och omsorgsgruppen 2017');
    expect(texts).toContain('Extra SVOM-möte – april 2017: Ärende gällande TNE-avtalet');
  });

  it('writes the Word file to uppfoljning-svom-YYYY.docx when no --out is given', async () => {
    const run = await cli(['--year', '2017']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Skrev (wrote) uppfoljning-svom-2017.docx');
    await expectReport(readFileSync(join(run.cwd, 'uppfoljning-svom-2017.docx')), ['Förbättrad psykisk hälsa', 'Boende särskilt vårdkrävande']);
    expect(run.written).toHaveLength(0);
  });

  it('prints Markdown to stdout, with the count on stderr', async () => {
    const run = await cli(['--year', '2017', '--format', 'md']);
    expect(run.code).toBe(0);
    expect(run.out).toBe('');
    const texts = markdownParagraphs(run.written.toString('utf8')).map((paragraph) => paragraph.text);
    expect(texts[0]).toBe('Uppföljning Sociala vård- och omsorgsgruppen 2017');
    expect(texts).toEqual(expect.arrayContaining(['Förbättrad psykisk hälsa', 'Mobilt närvårdsteam']));
    expect(run.err).toBe('Uppföljning 2017 (md): 6 möten, 14 ärenden, 0 varningar.\n');
  });

  it("takes the format from --out's extension and the language from --lang", async () => {
    const run = await cli(['--year', '2017', '--out', 'rapport.html', '--lang', 'en']);
    expect(run.code).toBe(0);
    const html = readFileSync(join(run.cwd, 'rapport.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/iu);
    expect(html).toContain('Follow-up Sociala vård- och omsorgsgruppen 2017');
    expect(html).not.toMatch(/<script/iu);
  });

  it('sends the Word file to stdout with --out -, but never to a terminal', async () => {
    const piped = await cli(['--year', '2017', '--out', '-']);
    expect(piped.code).toBe(0);
    await expectReport(piped.written, ['Förbättrad psykisk hälsa']);
    const terminal = await cli(['--year', '2017', '--out', '-'], { terminal: true });
    expect(terminal.code).toBe(2);
    expect(terminal.err).toContain('Word-filen skrivs inte till terminalen');
    expect(terminal.written).toHaveLength(0);
  });

  it('prints the data-quality problems as warnings on stderr and still writes the report', async () => {
    const data = svom2017() as unknown as { errands: ListItem[] };
    data.errands.push({
      id: '99',
      eTag: '"99,1"',
      webUrl: '',
      lastModifiedDateTime: null,
      fields: { Title: 'Ärende om okänd punkt', ErrandKey: 'x', ErrandYear: 2017, EntryKeys: 'finns-inte', MeetingKey: 'okänt-möte', SortOrder: 99 },
    });
    const run = await cli(['--year', '2017', '--out', 'x.md'], { source: new MemoryListSource(data as unknown as ListData) });
    expect(run.code).toBe(0);
    expect(run.err).toContain(
      'Varning (warning): Ärenden SVOM, "Ärende om okänd punkt" (id 99), MeetingKey: The ärende names meeting "okänt-möte", which is not in the meetings list.\n',
    );
    expect(run.err).toContain(
      'Varning (warning): Ärenden SVOM, "Ärende om okänd punkt" (id 99), EntryKeys: The ärende names balance-list entry "finns-inte", which is not in the list.\n',
    );
    expect(run.out).toContain('15 ärenden, 2 varningar');
    expect(readFileSync(join(run.cwd, 'x.md'), 'utf8')).toContain('Ärende om okänd punkt');
  });

  it('keeps hostile text inert in the HTML report: escaped, no script, the link column the only link', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(1)> [klicka](javascript:alert(1)) https://evil.example';
    const data = svom2017() as unknown as { errands: ListItem[] };
    const first = data.errands[0] as ListItem;
    first.fields = { ...first.fields, Title: hostile, Decision: hostile, DocumentLink: 'https://docs.example/handling' };
    const run = await cli(['--year', '2017', '--format', 'html'], { source: new MemoryListSource(data as unknown as ListData) });
    expect(run.code).toBe(0);
    const html = run.written.toString('utf8');
    const body = html.slice(html.indexOf('<main>'));
    expect(body).not.toMatch(/<(script|img)[\s>]/iu);
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body.match(/<a /gu)).toEqual(['<a ']);
    expect(body).toContain('<a href="https://docs.example/handling"');
  });

  it('says so for a year with no meetings', async () => {
    const run = await cli(['--year', '2030', '--format', 'md']);
    expect(run.code).toBe(0);
    const texts = markdownParagraphs(run.written.toString('utf8')).map((paragraph) => paragraph.text);
    expect(texts).toContain('Inga möten är registrerade för 2030.');
    expect(texts).toContain('Inga ärenden är registrerade för 2030.');
  });

  it('exits 1 and writes nothing when the lists cannot be read', async () => {
    const source = new MemoryListSource(svom2017());
    source.failure = new SourceError('graph-unavailable', 'SharePoint answered 503');
    const run = await cli(['--year', '2017', '--out', 'x.docx'], { source });
    expect(run.code).toBe(1);
    expect(run.err).toBe('Listorna kunde inte läsas (the lists could not be read): SharePoint answered 503\nIngen rapport skrevs (no report was written).\n');
    expect(existsSync(join(run.cwd, 'x.docx'))).toBe(false);
  });

  it('exits 1 naming the line when the local store is a broken file', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'lists.json'), '{ "balance": [ }');
    const run = await cli(['--year', '2017', '--format', 'md'], { source: null, env: { DATA_DIR: dataDir } });
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^Listorna kunde inte läsas \(the lists could not be read\): .*lists\.json.*line 1/mu);
    expect(run.written).toHaveLength(0);
  });

  it('reads the existing local store and says that SEED_FILE only seeds a new one', async () => {
    const dataDir = tempDir();
    const created = await cli(['--year', '2022', '--format', 'md'], { source: null, env: { DATA_DIR: dataDir } });
    expect(created.code).toBe(0);
    expect(created.err).not.toContain('Obs (note)');
    expect(existsSync(join(dataDir, 'lists.json'))).toBe(true);
    const again = await cli(['--year', '2017', '--format', 'md'], { source: null, env: { DATA_DIR: dataDir, SEED_FILE: 'data/svom-2017.json' } });
    expect(again.code).toBe(0);
    expect(again.err).toContain(`Obs (note): ${join(dataDir, 'lists.json')} finns redan och läses; SEED_FILE=data/svom-2017.json används bara när den skapas.`);
  });

  it('exits 1 when the file cannot be written', async () => {
    const run = await cli(['--year', '2017', '--out', join('saknas', 'x.docx')]);
    expect(run.code).toBe(1);
    expect(run.err).toContain('Filen kunde inte skrivas (could not write the file)');
  });

  it.each([
    [[], /--year saknas/],
    [['--year', '17'], /--year ska vara ett år med fyra siffror mellan 2000 och 2100, inte "17"/],
    [['--year', '1999'], /inte "1999"/],
    [['--year', '2017', '--format', 'pdf'], /--format ska vara docx, html eller md, inte "pdf"/],
    [['--year', '2017', '--lang', 'de'], /--lang ska vara sv eller en, inte "de"/],
    [['--year', '2017', '--out', ''], /--out saknar filnamn/],
    [['--year', '2017', '--yaer'], /Felaktiga argument \(bad arguments\): Unknown option '--yaer'/],
    [['2017'], /Okänt argument \(unknown argument\): 2017/],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.err).toContain('Användning (usage): npm run follow-up');
    expect(run.out).toBe('');
  });

  it('exits 2 naming the setting when the configuration is wrong', async () => {
    const run = await cli(['--year', '2017'], { env: { EXPIRING_WITHIN_DAYS: 'soon' } });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/Konfigurationen är felaktig \(configuration error\):\n {2}- EXPIRING_WITHIN_DAYS/u);
  });

  it('--help prints the usage and exits 0', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('--format docx|html|md');
  });

  it('runs as a script, with the exit code of the command', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'app/cli/follow-up.ts'), '--year', 'i fjol'], {
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--year ska vara ett år');
  });

  // Needs the local store to keep the follow-up's lists (errands, forum, sections) of the seed.
  it('SEED_FILE=data/svom-2017.json npm run follow-up -- --year 2017 --format docx --out x.docx writes the 2017 report (local store from the seed)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'out'));
    const out = join(dir, 'out', 'x.docx');
    const result = spawnSync('npm', ['run', 'follow-up', '--', '--year', '2017', '--format', 'docx', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SEED_FILE: 'data/svom-2017.json', DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', TODAY: '' },
    });
    expect(result.stderr).not.toContain('Varning');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Skrev (wrote) ${out}: uppföljning 2017, 6 möten, 14 ärenden`);
    await expectReport(readFileSync(out), ITEMS_UNDER_AREAS);
  });

  describe('in SharePoint mode (fake Graph)', () => {
    let tenant: FakeTenant;

    beforeAll(async () => {
      tenant = await startFakeTenant({ now: () => new Date() });
      tenant.graph.seedAll(JSON.parse(readFileSync(join(ROOT, 'data/balanslista-2022.json'), 'utf8')) as { balance: SeedItem[]; meetings: SeedItem[] });
    });
    afterAll(() => tenant.close());

    it('reads the lists through Graph and writes the year', async () => {
      tenant.graph.resetLog();
      const run = await cli(['--year', '2022', '--format', 'md'], { source: null, env: tenant.env });
      expect(run.code).toBe(0);
      const texts = markdownParagraphs(run.written.toString('utf8')).map((paragraph) => paragraph.text);
      expect(texts).toContain('SVOM:s prioriterade områden 2019-2022');
      expect(texts).not.toContain('Inga möten är registrerade för 2022.');
      expect(tenant.graph.graphRequests().length).toBeGreaterThan(0);
    });

    it('exits 1 when SharePoint refuses the app, and writes nothing', async () => {
      tenant.graph.setAccess('none');
      try {
        const run = await cli(['--year', '2022', '--out', 'x.docx'], { source: null, env: tenant.env });
        expect(run.code).toBe(1);
        expect(run.err).toMatch(/^Listorna kunde inte läsas \(the lists could not be read\): /u);
        expect(existsSync(join(run.cwd, 'x.docx'))).toBe(false);
      } finally {
        tenant.graph.setAccess('write');
      }
    });
  });
});
