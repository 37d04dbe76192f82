/**
 * Reads an import file into rows of canonical values: the seed JSON (`{ balance: [{ id, fields }],
 * meetings: [...] }` with internal names), CSV (one list per file; `;` or `,` separated, UTF-8)
 * or XLSX (one sheet per list). Cells that cannot be read are reported with their row number and
 * the reason; such rows are left out, never half-read.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../errors';
import { LIST_NAMES, type ListName } from '../ports/list-source';
import { LISTS, type Column } from '../lists/schema';
import { unprotectFormula } from './csv-formula';
import { columnForHeader, listForHeaders, listForSheet, SHEET_NAMES } from './layout';
import { parseCell, type Canonical, type Cell } from './values';

/**
 * A file that cannot be imported as a whole: missing or unreadable, not JSON, CSV or XLSX, or with
 * no list in it. The message names the file; `cause` keeps what failed underneath. (A row that
 * cannot be read is a `RowProblem`, reported with the others, not thrown.)
 */
export class ImportFileError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('import-unreadable', message, options);
  }
}

export interface ImportRow {
  /** Row in the file as a person finds it: the spreadsheet row, the CSV line, the JSON item's position. */
  rowNumber: number;
  /** The columns the file has, by internal name; null clears a column. Columns the file lacks are left alone. */
  values: Record<string, Canonical>;
}

export interface RowProblem {
  rowNumber: number | null;
  column: string | null;
  reason: string;
}

export interface ImportTable {
  list: ListName;
  /** Where the rows came from, e.g. `sheet "Möten"`. */
  source: string;
  rows: ImportRow[];
  problems: RowProblem[];
  /** Headers that name no column of the list (ignored). */
  ignoredHeaders: string[];
}

function readRow(list: ListName, rowNumber: number, cells: Array<[Column, Cell]>, problems: RowProblem[]): ImportRow | null {
  const values: Record<string, Canonical> = {};
  let bad = false;
  for (const [column, cell] of cells) {
    const parsed = parseCell(column, cell);
    if (parsed.ok) values[column.name] = parsed.value;
    else {
      bad = true;
      problems.push({ rowNumber, column: column.displayName, reason: parsed.reason });
    }
  }
  if (cells.every(([, cell]) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === ''))) return null;
  void list;
  return bad ? null : { rowNumber, values };
}

/** Rows of a table with a header row (CSV or a sheet). */
function readGrid(list: ListName, source: string, headers: string[], body: Array<{ rowNumber: number; cells: Cell[] }>): ImportTable {
  const problems: RowProblem[] = [];
  const ignoredHeaders: string[] = [];
  const columns: Array<Column | null> = headers.map((header) => {
    const column = header.trim() ? columnForHeader(list, header) : null;
    if (!column && header.trim()) ignoredHeaders.push(header);
    return column;
  });
  const seen = new Set<string>();
  for (const column of columns) {
    if (!column) continue;
    if (seen.has(column.name)) problems.push({ rowNumber: 1, column: column.displayName, reason: 'the column appears twice in the header' });
    seen.add(column.name);
  }
  const rows: ImportRow[] = [];
  for (const { rowNumber, cells } of body) {
    const pairs = columns.flatMap((column, index) => (column ? [[column, cells[index] ?? null] as [Column, Cell]] : []));
    const row = readRow(list, rowNumber, pairs, problems);
    if (row) rows.push(row);
  }
  return { list, source, rows, problems, ignoredHeaders };
}

async function readCsv(path: string, list: ListName | undefined): Promise<ImportTable[]> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as Array<{
    record: string[];
    info: { lines: number };
  }>;
  const [header, ...body] = records;
  if (!header) return [];
  const headers = header.record;
  const target = list ?? listForHeaders(headers);
  if (!target)
    throw new ImportFileError(
      `${path}: cannot tell which list the file is for; give --list ${LIST_NAMES.join('|')} (or a "Nyckel", "Datum", "Ärendenyckel" or "Avsnittsnyckel" column)`,
    );
  return [
    readGrid(
      target,
      `CSV ${path}`,
      headers,
      body.map(({ record, info }) => ({ rowNumber: info.lines, cells: record.map(unprotectFormula) })),
    ),
  ];
}

/** A spreadsheet cell's value as plain data (rich text, links and formulas reduced to their text or result). */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  if (typeof value === 'object' && 'hyperlink' in value) return value.hyperlink;
  if (typeof value === 'object' && 'result' in value) return cellValue(value.result as ExcelJS.CellValue);
  if (typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text);
  return null;
}

async function readXlsx(path: string, list: ListName | undefined): Promise<ImportTable[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const tables: ImportTable[] = [];
  for (const sheet of workbook.worksheets) {
    const headerRow = sheet.getRow(1);
    const width = Math.max(sheet.columnCount, headerRow.cellCount);
    const headers = Array.from({ length: width }, (_, index) => String(cellValue(headerRow.getCell(index + 1).value) ?? ''));
    const target = listForSheet(sheet.name) ?? listForHeaders(headers);
    if (!target || (list && target !== list)) continue;
    const body: Array<{ rowNumber: number; cells: Cell[] }> = [];
    for (let rowNumber = 2; rowNumber <= sheet.rowCount; rowNumber += 1) {
      const row = sheet.getRow(rowNumber);
      body.push({ rowNumber, cells: Array.from({ length: width }, (_, index) => cellValue(row.getCell(index + 1).value)) });
    }
    tables.push(readGrid(target, `sheet "${sheet.name}"`, headers, body));
  }
  if (tables.length === 0) {
    throw new ImportFileError(
      `${path}: no sheet named ${Object.values(SHEET_NAMES).join(', ')} (or with a "Nyckel", "Datum", "Ärendenyckel" or "Avsnittsnyckel" column)${list ? ` for --list ${list}` : ''}`,
    );
  }
  return tables;
}

async function readSeedJson(path: string, list: ListName | undefined): Promise<ImportTable[]> {
  const data = JSON.parse(await readFile(path, 'utf8')) as Partial<Record<ListName, Array<{ id?: unknown; fields?: Record<string, unknown> }>>>;
  const tables: ImportTable[] = [];
  for (const name of LIST_NAMES) {
    const items = data[name];
    if (!Array.isArray(items) || (list && name !== list)) continue;
    const problems: RowProblem[] = [];
    const rows: ImportRow[] = [];
    const ignored = new Set<string>();
    items.forEach((item, index) => {
      const fields = item.fields ?? {};
      const pairs: Array<[Column, Cell]> = [];
      for (const [key, value] of Object.entries(fields)) {
        const column = LISTS[name].columns.find((candidate) => candidate.name === key);
        if (!column) {
          ignored.add(key);
          continue;
        }
        pairs.push([column, Array.isArray(value) ? value.join('; ') : (value as Cell)]);
      }
      const row = readRow(name, index + 1, pairs, problems);
      if (row) rows.push(row);
    });
    tables.push({ list: name, source: `${path} (${name})`, rows, problems, ignoredHeaders: [...ignored] });
  }
  if (tables.length === 0)
    throw new ImportFileError(`${path}: expected { "balance": [...], "meetings": [...] } (and optionally "errands", "forum", "sections")`);
  return tables;
}

const READERS: Record<string, (path: string, list: ListName | undefined) => Promise<ImportTable[]>> = {
  '.json': readSeedJson,
  '.csv': readCsv,
  '.xlsx': readXlsx,
};

/**
 * Reads `path` by its extension (.json, .csv, .xlsx). `list` limits it to one list (and names a
 * CSV's list). Throws `ImportFileError` when the file cannot be read as a whole.
 */
export async function readImportFile(path: string, list?: ListName): Promise<ImportTable[]> {
  const reader = READERS[extname(path).toLowerCase()];
  if (!reader) throw new ImportFileError(`${path}: import reads .json (the seed format), .csv or .xlsx files`);
  try {
    return await reader(path, list);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const reason =
      (error as NodeJS.ErrnoException | null)?.code === 'ENOENT' ? 'there is no such file' : error instanceof Error ? error.message : String(error);
    throw new ImportFileError(`${path}: cannot be read (${reason})`, { cause: error });
  }
}
