/**
 * The doctor's vocabulary: one line per check, ok or the problem with how to fix it, and the
 * report those lines make (text for a person, JSON for a script, an exit code for both).
 */

/**
 * - `ok`: as the app needs it;
 * - `problem`: something the app needs is wrong or missing (exit 1);
 * - `warning`: works, but a person should know (broader permissions than needed);
 * - `skipped`: could not be checked here, or not before an earlier check passes.
 */
export type CheckStatus = 'ok' | 'problem' | 'warning' | 'skipped';

export interface CheckResult {
  /** Stable id of the check, e.g. `graph-token`, `list:balance`, `bot-endpoint` (docs/deployment.md's table is keyed by it). */
  id: string;
  status: CheckStatus;
  /** What was found, in one sentence. */
  message: string;
  /** How to fix it, in the admin centres' terms (problems and warnings). */
  fix?: string;
}

export const ok = (id: string, message: string): CheckResult => ({ id, status: 'ok', message });
export const problem = (id: string, message: string, fix: string): CheckResult => ({ id, status: 'problem', message, fix });
export const warning = (id: string, message: string, fix: string): CheckResult => ({ id, status: 'warning', message, fix });
export const skipped = (id: string, message: string): CheckResult => ({ id, status: 'skipped', message });

export interface DoctorReport {
  mode: 'local' | 'sharepoint';
  checks: CheckResult[];
}

/** 0: every check ok (warnings and skipped checks allowed); 1: at least one problem. */
export function exitCodeOf(report: DoctorReport): 0 | 1 {
  return report.checks.some((check) => check.status === 'problem') ? 1 : 0;
}

const LABEL: Record<CheckStatus, string> = { ok: 'ok', problem: 'PROBLEM', warning: 'warning', skipped: 'skipped' };

/** One line per check (`ok      site: …`, `PROBLEM list:balance: … Fix: …`), then a summary line. */
export function formatReport(report: DoctorReport): string {
  const width = Math.max(...Object.values(LABEL).map((label) => label.length));
  const lines = report.checks.map((check) => {
    const fix = check.fix && check.status !== 'ok' ? ` Fix: ${check.fix}` : '';
    return `${LABEL[check.status].padEnd(width)}  ${check.id}: ${check.message}${fix}`;
  });
  const count = (status: CheckStatus) => report.checks.filter((check) => check.status === status).length;
  const problems = count('problem');
  const warnings = count('warning');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    '',
    problems === 0
      ? `All ok (${plural(count('ok'), 'check')}${warnings > 0 ? `, ${plural(warnings, 'warning')}` : ''}${count('skipped') > 0 ? `, ${count('skipped')} skipped` : ''}).`
      : `${plural(problems, 'problem')}${warnings > 0 ? `, ${plural(warnings, 'warning')}` : ''}: fix the lines marked PROBLEM, then run npm run doctor again.`,
  );
  return `${lines.join('\n')}\n`;
}

/** The report as JSON: `{ mode, ok, exitCode, checks: [{ id, status, message, fix? }] }`. */
export function reportJson(report: DoctorReport): string {
  const exitCode = exitCodeOf(report);
  return `${JSON.stringify({ mode: report.mode, ok: exitCode === 0, exitCode, checks: report.checks }, null, 2)}\n`;
}
