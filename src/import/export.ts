/**
 * Writes lists in the import layout (see layout.ts): XLSX with one sheet per list, or CSV with one
 * file per list (`;`-separated UTF-8 with a byte order mark, as Swedish Excel opens it).
 * What export writes, import reads back unchanged. Text in CSV that a spreadsheet would run as a
 * formula gets a leading quote (csv-formula.ts); XLSX cells hold text as text and need none.
 */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { ListItem, ListName } from '../ports/list-source';
import { LISTS } from '../lists/schema';
import { SHEET_NAMES } from './layout';
import { canonicalItem } from './plan';
import { protectFormula } from './csv-formula';
import { toCellText } from './values';

export interface ExportTable {
  list: ListName;
  items: ListItem[];
}

function csvField(text: string): string {
  return /[";\r\n,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of one list (header of display names, then one line per item). */
export function toCsv(table: ExportTable): string {
  const columns = LISTS[table.list].columns;
  const lines = [columns.map((column) => csvField(column.displayName)).join(';')];
  for (const item of table.items) {
    const values = canonicalItem(table.list, item);
    lines.push(
      columns
        .map((column) => {
          const value = values[column.name] ?? null;
          // A number is never a formula, and a negative one stays a number to the spreadsheet.
          return csvField(typeof value === 'number' ? toCellText(column, value) : protectFormula(toCellText(column, value)));
        })
        .join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Writes an XLSX workbook with one sheet per table. */
export async function writeXlsx(path: string, tables: ExportTable[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Balanslistan';
  for (const table of tables) {
    const columns = LISTS[table.list].columns;
    const sheet = workbook.addWorksheet(SHEET_NAMES[table.list], { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((column) => ({
      header: column.displayName,
      key: column.name,
      width: column.type === 'note' ? 60 : column.name === 'Title' ? 50 : Math.max(12, column.displayName.length + 2),
      ...(column.type === 'dateOnly' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const item of table.items) {
      const values = canonicalItem(table.list, item);
      const row: Record<string, string | number | Date | null> = {};
      for (const column of columns) {
        const value = values[column.name] ?? null;
        if (value === null) row[column.name] = null;
        // A real date cell (UTC midnight of the day), so Excel sorts and filters it as a date.
        else if (column.type === 'dateOnly') row[column.name] = new Date(`${String(value)}T00:00:00Z`);
        else if (column.type === 'number' && typeof value === 'number') row[column.name] = value;
        else row[column.name] = toCellText(column, value);
      }
      sheet.addRow(row);
    }
  }
  await workbook.xlsx.writeFile(path);
}

/** Writes `tables` to `path` (.xlsx, or .csv: one file per list, named `<path>` for one list, `<base>.<list>.csv` for two). Returns the files written. */
export async function writeExport(path: string, tables: ExportTable[]): Promise<string[]> {
  if (/\.xlsx$/i.test(path)) {
    await writeXlsx(path, tables);
    return [path];
  }
  if (!/\.csv$/i.test(path)) throw new Error(`${path}: export writes .xlsx or .csv files`);
  const files: string[] = [];
  for (const table of tables) {
    const file = tables.length === 1 ? path : path.replace(/\.csv$/i, `.${table.list}.csv`);
    await writeFile(file, toCsv(table));
    files.push(file);
  }
  return files;
}
