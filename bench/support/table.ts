/**
 * Prints a benchmark's rows as a markdown table (what the README's benchmark paragraphs quote):
 * the first `textColumns` columns left-aligned, the numbers right-aligned.
 */
export function printTable(header: string[], body: string[][], textColumns = 2): void {
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]?.length ?? 0)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => (column < textColumns ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width, column) => (column < textColumns ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`);
  for (const cells of body) console.log(line(cells));
}
