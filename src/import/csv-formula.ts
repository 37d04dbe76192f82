/**
 * Keeps list text from running as a formula when an exported CSV file is opened in a spreadsheet
 * program (CSV injection): a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
 * gets a single leading quote, which spreadsheets show as text. The import takes that quote off
 * again, so the round trip is exact.
 *
 * A value that itself begins with quotes followed by one of those characters (`'=A1`) gets one
 * more quote on export (`''=A1`), and the import takes exactly one off: every value comes back as
 * it was, and no cell of an exported file starts with a formula character.
 */

/** Quotes (any number, the value's own) followed by a character a spreadsheet starts a formula with. */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** The cell text export writes for `text`: quoted with a leading `'` where it could run as a formula. */
export function protectFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The value a CSV cell holds: one leading `'` taken off where export would have put it. */
export function unprotectFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
