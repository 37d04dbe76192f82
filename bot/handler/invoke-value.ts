/**
 * The `value` of an `adaptiveCard/action` invoke, checked before the handler reads it: Teams (or
 * a forged call) can send an empty value, another kind of action or no verb, and each gets a card
 * that says what is wrong instead of an error from deep inside.
 */
import { z } from 'zod';

/** An `Action.Execute` press as the handler reads it. */
export interface CardActionValue {
  action: { type: 'Action.Execute'; verb: string; id?: string; data?: unknown };
}

/** What is wrong with an invoke value, as a code the answer and the log are made from. */
export type InvokeProblem = 'no-value' | 'no-action' | 'not-execute' | 'no-verb';

const action = z
  .object({
    type: z.string(),
    verb: z.string().trim().min(1),
    id: z.string().optional(),
    data: z.unknown().optional(),
  })
  .passthrough();

const invokeValue = z.object({ action }).passthrough();

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export type ReadInvokeValue = { ok: true; value: CardActionValue } | { ok: false; problem: InvokeProblem; detail: string };

/** Checks an invoke's `value`; on failure says what is wrong (`detail` in English, for the log). */
export function readInvokeValue(value: unknown): ReadInvokeValue {
  if (!isObject(value) || Object.keys(value).length === 0) {
    return { ok: false, problem: 'no-value', detail: `the invoke has no value (${value === undefined ? 'missing' : JSON.stringify(value)?.slice(0, 60)})` };
  }
  if (!isObject(value.action)) return { ok: false, problem: 'no-action', detail: 'value.action is missing or not an object' };
  if (value.action.type !== 'Action.Execute') {
    return {
      ok: false,
      problem: 'not-execute',
      detail: `value.action.type is ${JSON.stringify(value.action.type)?.slice(0, 60) ?? 'missing'}, not "Action.Execute"`,
    };
  }
  const parsed = invokeValue.safeParse(value);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `value.${issue.path.join('.')}: ${issue.message}`).join('; ');
    const verbIssue = parsed.error.issues.some((issue) => issue.path[1] === 'verb');
    return { ok: false, problem: verbIssue ? 'no-verb' : 'no-action', detail };
  }
  return { ok: true, value: parsed.data as unknown as CardActionValue };
}
