import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ImportFileError, readImportFile } from '../../../src/import';
import { MEETINGS_LIST } from '../../../src/lists/schema';
import { parseCell, toGraphFields, fromGraph } from '../../../src/import/values';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'import');
const column = (name: string) => MEETINGS_LIST.columns.find((candidate) => candidate.name === name)!;

describe('import readers', () => {
  it('reads a ;-separated CSV with Swedish headers into canonical values, by row', async () => {
    const [table] = await readImportFile(join(FIXTURES, 'moten.csv'));
    expect(table?.list).toBe('meetings');
    expect(table?.problems).toEqual([]);
    expect(table?.rows).toEqual([
      {
        rowNumber: 2,
        values: {
          Title: 'Exempel: SVOM ordinarie möte',
          MeetingDate: '2022-03-25',
          StartTime: '09:00',
          MeetingKind: 'Ordinarie',
          Location: 'Östersund',
          MeetingLink: 'https://teams.microsoft.com/l/meetup-join/exempel',
          ItemDeadline: '2022-03-11',
          PreparingGroups: ['Fredagsgruppen', 'L-IFO'],
          Notes: 'Exempel, inte ett verkligt möte',
        },
      },
      {
        rowNumber: 3,
        values: {
          Title: 'Exempel: Gemensamt med Västernorrland',
          MeetingDate: '2022-10-27',
          StartTime: null,
          MeetingKind: 'Gemensamt med Västernorrland',
          Location: 'Sundsvall',
          MeetingLink: null,
          ItemDeadline: '2022-10-13',
          PreparingGroups: ['SVOM'],
          Notes: null,
        },
      },
    ]);
  });

  it('reports unreadable cells with the row number and reason, and leaves those rows out', async () => {
    const [table] = await readImportFile(join(FIXTURES, 'balans-fel.csv'));
    expect(table?.list).toBe('balance');
    expect(table?.problems).toEqual([
      { rowNumber: 3, column: 'Ordning', reason: '"två" is not a number' },
      { rowNumber: 4, column: 'Nästa uppföljning', reason: '"2022-02-30" is not a date (YYYY-MM-DD)' },
    ]);
    expect(table?.rows.map((row) => row.rowNumber)).toEqual([2, 5, 6]);
  });

  it('reads an XLSX sheet with date cells, numbers and internal-name headers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    try {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Balanslista');
      sheet.addRow(['EntryKey', 'Title', 'Section', 'EntryKind', 'SortOrder', 'NextFollowUp', 'PreparingGroups', 'Extra']);
      sheet.addRow(['x-1', 'Ett ämne', 'several', 'Ämne', 2, new Date('2022-12-31T00:00:00Z'), 'L-IFO; SamReKo', 'ignoreras']);
      await workbook.xlsx.writeFile(join(dir, 'lista.xlsx'));
      const [table] = await readImportFile(join(dir, 'lista.xlsx'));
      expect(table?.ignoredHeaders).toEqual(['Extra']);
      expect(table?.rows).toEqual([
        {
          rowNumber: 2,
          values: {
            EntryKey: 'x-1',
            Title: 'Ett ämne',
            // A section's key stays the key (the app resolves it); a fixed choice's value becomes its text.
            Section: 'several',
            EntryKind: 'Ämne',
            SortOrder: 2,
            NextFollowUp: '2022-12-31',
            PreparingGroups: ['L-IFO', 'SamReKo'],
          },
        },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('import readers: files that cannot be imported', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'import-file-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const failure = async (path: string): Promise<ImportFileError> => {
    const error: unknown = await readImportFile(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportFileError);
    return error as ImportFileError;
  };
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('names the file and keeps the cause when it is missing or not what its name says', async () => {
    const missing = await failure(join(dir, 'saknas.csv'));
    expect(missing.message).toBe(`${join(dir, 'saknas.csv')}: cannot be read (there is no such file)`);
    expect(missing.code).toBe('import-unreadable');
    expect(missing.cause).toHaveProperty('code', 'ENOENT');

    const json = await failure(file('trasig.json', '{ "balance": ['));
    expect(json.message).toMatch(/trasig\.json: cannot be read \(.*JSON/);
    expect(json.cause).toHaveProperty('name', 'SyntaxError');

    const xlsx = await failure(file('inte-excel.xlsx', 'bara text'));
    expect(xlsx.message).toMatch(/inte-excel\.xlsx: cannot be read \(/);
    expect(xlsx.cause).toBeDefined();
  });

  it('says what it expected when the file holds no list', async () => {
    expect((await failure(file('lista.txt', ''))).message).toMatch(/import reads \.json \(the seed format\), \.csv or \.xlsx files$/);
    expect((await failure(file('okand.csv', 'A;B\n1;2\n'))).message).toMatch(/cannot tell which list the file is for/);
    expect((await failure(file('tom.json', '{}'))).message).toMatch(/expected \{ "balance": \[\.\.\.\], "meetings"/);
  });
});

describe('values', () => {
  it('writes date-only values as the instant of Stockholm midnight, as SharePoint returns them', () => {
    expect(toGraphFields([column('MeetingDate')], { MeetingDate: '2022-12-31' })).toEqual({ MeetingDate: '2022-12-30T23:00:00Z' });
    expect(toGraphFields([column('MeetingDate')], { MeetingDate: '2022-06-15' })).toEqual({ MeetingDate: '2022-06-14T22:00:00Z' });
    expect(fromGraph(column('MeetingDate'), '2022-06-14T22:00:00Z')).toBe('2022-06-15');
  });

  it('annotates several choices and clears with null', () => {
    expect(toGraphFields([column('PreparingGroups'), column('Notes')], { PreparingGroups: ['SVOM'], Notes: null })).toEqual({
      'PreparingGroups@odata.type': 'Collection(Edm.String)',
      PreparingGroups: ['SVOM'],
      Notes: null,
    });
  });

  it('reads Swedish decimal commas, and refuses links that are not http(s)', () => {
    const order = { ...column('Title'), type: 'number' as const, name: 'SortOrder' };
    expect(parseCell(order, '1,5')).toEqual({ ok: true, value: 1.5 });
    expect(parseCell(column('MeetingLink'), 'javascript:alert(1)')).toEqual({ ok: false, reason: '"javascript:alert(1)" is not a link (https://…)' });
  });
});
