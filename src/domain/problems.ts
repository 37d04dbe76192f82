/**
 * How serious a data-quality problem is. An error is a value the app could not read or use as
 * written; a warning is something missing that the app can live with, though a person should
 * know (an agreement without any validity is shown, but nobody is reminded about it).
 */
import type { ProblemCode } from './types';

export type ProblemSeverity = 'error' | 'warning';

const SEVERITY: Record<ProblemCode, ProblemSeverity> = {
  'missing-title': 'error',
  'missing-key': 'error',
  'duplicate-key': 'error',
  'unknown-parent': 'error',
  'unknown-choice': 'error',
  'invalid-date': 'error',
  'invalid-number': 'error',
  'invalid-field-type': 'error',
  'unparseable-validity': 'error',
  'validity-conflict': 'error',
  'missing-validity': 'warning',
  'missing-date': 'error',
  'unknown-meeting': 'error',
  'unknown-entry': 'error',
  'unknown-section': 'error',
  // The rest of the product works without the list; the forum's year is then empty.
  'missing-list': 'warning',
  'unknown-errand': 'error',
  'due-before-meeting': 'error',
  // The action is shown with the name SharePoint last knew; nobody can be mentioned.
  'unknown-person': 'warning',
  // Both are shown; only finding a meeting by its date (the meeting's side panel) must ask.
  'same-day-meetings': 'warning',
  // The meeting is shown with its link; the side panel finds it by its date or asks.
  'not-a-meeting-link': 'warning',
  'shared-meeting-link': 'warning',
  // The ärende cannot be placed in any year, so no follow-up shows it.
  'no-year': 'error',
  'year-conflict': 'error',
  // The report prints its parts without the forum's own description.
  'no-forum-profile': 'warning',
  // The column's values read as empty; the rest of the list reads as before.
  'missing-column': 'warning',
};

/** Whether `code` is one of the problem codes (a newer server may send others). */
export function isProblemCode(code: string): code is ProblemCode {
  return Object.prototype.hasOwnProperty.call(SEVERITY, code);
}

/** The severity of a problem code; an unknown code (from a newer server) counts as an error. */
export function problemSeverity(code: ProblemCode): ProblemSeverity {
  return SEVERITY[code] ?? 'error';
}
