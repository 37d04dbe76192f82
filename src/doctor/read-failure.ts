/**
 * A check's warning for a Graph read that failed: what could not be read and with what status,
 * what goes without it, and the fix (the site grant on a 403, else to try again).
 */
import { toSourceError } from '../sharepoint/graph-errors';
import { warning, type CheckResult } from './check';

export function readFailure(id: string, error: unknown, read: { target: string; without: string; grantFix: string }): CheckResult {
  const failure = toSourceError(error, { target: read.target });
  const what = read.target.charAt(0).toUpperCase() + read.target.slice(1);
  return warning(
    id,
    `${what} could not be read (${failure.status ?? failure.code}): ${read.without}.`,
    failure.status === 403 ? read.grantFix : 'Run the doctor again; if it persists, check the Graph service health.',
  );
}
