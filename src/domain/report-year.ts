/**
 * Which years a follow-up can be asked for: four digits, 2000–2100. The API, the CLI and the tab's
 * URL accept the same years, so a link that works in one works in the others.
 */

export const FIRST_REPORT_YEAR = 2000;
export const LAST_REPORT_YEAR = 2100;

/** The year written in `text` ("2017"), or null when it is not four digits within the range. */
export function parseReportYear(text: string): number | null {
  if (!/^\d{4}$/u.test(text)) return null;
  const year = Number(text);
  return year >= FIRST_REPORT_YEAR && year <= LAST_REPORT_YEAR ? year : null;
}
