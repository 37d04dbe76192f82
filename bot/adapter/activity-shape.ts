/**
 * The shape an incoming activity must have before the Teams SDK sees it. The SDK reads
 * `serviceUrl`, `conversation`, `from` and `recipient` without checking them: a body without
 * them fails inside the turn (a 500 and an error logged from deep inside). Checking here lets
 * the endpoint answer 400 with its own short words.
 */

/** An activity that passed `activityProblem`: the fields every turn relies on are there. */
export interface InboundActivity extends Record<string, unknown> {
  type: string;
  serviceUrl: string;
  conversation: { id: string } & Record<string, unknown>;
  from: { id: string } & Record<string, unknown>;
}

export type ActivityCheck = { ok: true; activity: InboundActivity } | { ok: false; problem: string };

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
function activityProblem(body: unknown): string | null {
  if (!isRecord(body)) return 'the body is not a JSON object';
  if (!nonEmpty(body.type)) return 'type is missing';
  if (!isRecord(body.conversation) || !nonEmpty(body.conversation.id)) return 'conversation.id is missing';
  if (!nonEmpty(body.serviceUrl)) return 'serviceUrl is missing';
  if (!isHttpUrl(body.serviceUrl)) return 'serviceUrl is not an http(s) URL';
  if (!isRecord(body.from) || !nonEmpty(body.from.id)) return 'from.id is missing';
  if (body.type === 'invoke' && !nonEmpty(body.name)) return 'an invoke activity has no name';
  return null;
}

/** Checks `body` and returns it as an activity the Teams SDK can run. */
export function readActivity(body: unknown): ActivityCheck {
  const problem = activityProblem(body);
  if (problem !== null) return { ok: false, problem };
  return { ok: true, activity: body as InboundActivity };
}
