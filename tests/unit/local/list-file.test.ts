import { SourceError } from '../../../src/errors';
import { formatListFile, lineAndColumn, parseListFile } from '../../../src/local/list-file';

const FILE = '/data/lists.json';
const WHAT = 'The local list file';

function failure(text: string): SourceError {
  try {
    parseListFile(text, FILE, WHAT);
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }
  throw new Error('expected the text to be rejected');
}

const GOOD = formatListFile({
  balance: [{ id: '1', eTag: '"0123456789abcdef,1"', lastModifiedDateTime: '2024-01-01T00:00:00.000Z', fields: { Title: 'A' } }],
  meetings: [],
});

describe('parseListFile', () => {
  it('reads a well-formed file and keeps every field as written', () => {
    const text = JSON.stringify({ balance: [{ id: 7, fields: { Title: 'A', Junk: { nested: [1, 2] }, SortOrder: 'three' } }], meetings: [] });
    expect(parseListFile(text, FILE, WHAT)).toEqual({
      balance: [{ id: '7', fields: { Title: 'A', Junk: { nested: [1, 2] }, SortOrder: 'three' } }],
      meetings: [],
    });
  });

  it('round-trips what formatListFile writes', () => {
    expect(formatListFile(parseListFile(GOOD, FILE, WHAT))).toBe(GOOD);
  });

  it('accepts a byte order mark, as Windows editors write it', () => {
    expect(parseListFile(`\uFEFF${GOOD}`, FILE, WHAT).balance).toHaveLength(1);
  });

  it('names the file, line and column of a missing comma', () => {
    const broken = GOOD.replace('"Title": "A"', '"Title": "A"\n        "Notes": "B"');
    const error = failure(broken);
    expect(error.code).toBe('local-invalid');
    expect(error.message).toContain(FILE);
    const line = broken.split('\n').findIndex((row) => row.includes('"Notes"')) + 1;
    expect(error.message).toContain(`line ${line}, column 9`);
    expect(error.message).toMatch(/not valid JSON \(expected a comma\)/);
  });

  it('rejects trailing commas and comments, which JSON does not allow', () => {
    const trailing = GOOD.replace('"Title": "A"', '"Title": "A",');
    const line = trailing.split('\n').findIndex((row) => row.includes('"Title"')) + 1;
    expect(failure(trailing).message).toContain(`line ${line}, column 21: not valid JSON (a comma before a closing bracket or brace; remove it)`);
    expect(failure(`// notes\n${GOOD}`).message).toMatch(/line 1, column 1: not valid JSON \(comments are not allowed/);
  });

  it('reports an empty or cut-off file', () => {
    expect(failure('').message).toMatch(/line 1, column 1: not valid JSON/);
    expect(failure(GOOD.slice(0, 60)).message).toMatch(/not valid JSON/);
  });

  it('points at the item of a wrong shape', () => {
    const text = '{\n  "balance": [\n    { "id": "1", "fields": {} },\n    { "id": "2", "fields": "Title" }\n  ],\n  "meetings": []\n}\n';
    const error = failure(text);
    expect(error.code).toBe('local-invalid');
    expect(error.message).toContain('line 4, column 18: balance[1].fields: needs "fields": an object');
  });

  it('explains a missing list and a top level that is not an object', () => {
    expect(failure('{\n  "balance": []\n}').message).toContain('line 1, column 1: meetings: "meetings" must be a list');
    expect(failure('[]').message).toContain('the top level: the file must hold an object');
  });

  it('requires positive whole-number ids, unique per list', () => {
    expect(failure('{"balance":[{"id":"abc","fields":{}}],"meetings":[]}').message).toContain('balance[0].id: "id" must be a positive whole number');
    expect(failure('{"balance":[{"fields":{}}],"meetings":[]}').message).toContain('balance[0].id: needs an "id"');
    const twice = '{\n"balance": [],\n"meetings": [\n{"id": "3", "fields": {}},\n{"id": "3", "fields": {}}\n]\n}';
    expect(failure(twice).message).toContain('line 5, column 2: meetings[1].id: id "3" is used twice in "meetings" (also by meetings[0])');
  });
});

describe('lineAndColumn', () => {
  it('counts from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
