/**
 * The shape an incoming activity must have before botbuilder sees it. botbuilder checks only
 * `type`: a message without a conversation then fails inside the turn (answered 200, an error
 * logged from deep inside), and other malformed bodies are answered with its internal error text.
 * Checking here lets the endpoint answer 400 with its own short words.
 */
import type { Activity } from 'botbuilder';

export type ActivityCheck = { ok: true; activity: Activity } | { ok: false; problem: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The first thing wrong with `body` as an activity (in English, for the log and the 400), or null. */
export function activityProblem(body: unknown): string | null {
  if (!isRecord(body)) return 'the body is not a JSON object';
  if (!nonEmpty(body.type)) return 'type is missing';
  if (!isRecord(body.conversation) || !nonEmpty(body.conversation.id)) return 'conversation.id is missing';
  if (!nonEmpty(body.serviceUrl)) return 'serviceUrl is missing';
  if (!isHttpUrl(body.serviceUrl)) return 'serviceUrl is not an http(s) URL';
  if (!isRecord(body.from) || !nonEmpty(body.from.id)) return 'from.id is missing';
  if (body.type === 'invoke' && !nonEmpty(body.name)) return 'an invoke activity has no name';
  return null;
}

/**
 * Checks `body` and returns it as an activity, with its time fields turned into dates as
 * botbuilder's own (internal) fix-up would.
 */
export function readActivity(body: unknown): ActivityCheck {
  const problem = activityProblem(body);
  if (problem !== null) return { ok: false, problem };
  const activity = { ...(body as Record<string, unknown>) };
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return { ok: true, activity: activity as unknown as Activity };
}
