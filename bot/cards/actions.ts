/**
 * The `Action.Execute` verbs the cards carry and the data each one sends back. The handler
 * parses incoming data with `parseActionData`, so a card from an older version, a forged
 * payload or a missing field becomes a "this button no longer works" card, never an error.
 */
import { z } from 'zod';

export const VERBS = {
  revisionStarted: 'revision-started',
  snooze: 'snooze',
  chooseChannel: 'choose-channel',
  actionDone: 'action-done',
} as const;

/**
 * How many days "Påminn igen om 7 dagar" snoozes a reminder: the handler snoozes by it and the
 * button's label states it, so the two cannot disagree. Not `REMINDER_ACTION_DAYS`, which sets the
 * days before an action's due date its reminders are posted.
 */
export const SNOOZE_DAYS = 7;

/** Bumped when the data shape changes; older cards then get the stale-action answer. */
export const ACTION_DATA_VERSION = 1;

const expiryData = z.object({
  v: z.literal(ACTION_DATA_VERSION),
  card: z.literal('expiry'),
  entryId: z.string().min(1),
  eTag: z.string().min(1),
  threshold: z.number().int(),
  eventKey: z.string().min(1).nullable(),
});

const meetingData = z.object({
  v: z.literal(ACTION_DATA_VERSION),
  card: z.literal('meeting'),
  meetingId: z.string().min(1),
  reminder: z.number().int().nullable(),
  eventKey: z.string().min(1).nullable(),
});

const welcomeData = z.object({
  v: z.literal(ACTION_DATA_VERSION),
  card: z.literal('welcome'),
  /** Filled by the card's Input.ChoiceSet. */
  channelId: z.string().min(1),
});

const actionData = z.object({
  v: z.literal(ACTION_DATA_VERSION),
  card: z.literal('action'),
  actionId: z.string().min(1),
  eTag: z.string().min(1),
  eventKey: z.string().min(1).nullable(),
});

export type ActionActionData = z.infer<typeof actionData>;
export type ExpiryActionData = z.infer<typeof expiryData>;
export type MeetingActionData = z.infer<typeof meetingData>;
export type WelcomeActionData = z.infer<typeof welcomeData>;

export type ParsedAction =
  | { verb: typeof VERBS.revisionStarted; data: ExpiryActionData }
  | { verb: typeof VERBS.snooze; data: ExpiryActionData | MeetingActionData | ActionActionData }
  | { verb: typeof VERBS.actionDone; data: ActionActionData }
  | { verb: typeof VERBS.chooseChannel; data: WelcomeActionData };

/** Validates an `Action.Execute` verb and its data; null when it is not one this version understands. */
export function parseActionData(verb: unknown, data: unknown): ParsedAction | null {
  switch (verb) {
    case VERBS.revisionStarted: {
      const parsed = expiryData.safeParse(data);
      return parsed.success ? { verb, data: parsed.data } : null;
    }
    case VERBS.snooze: {
      const parsed = z.union([expiryData, meetingData, actionData]).safeParse(data);
      return parsed.success && parsed.data.eventKey !== null ? { verb, data: parsed.data } : null;
    }
    case VERBS.actionDone: {
      const parsed = actionData.safeParse(data);
      return parsed.success ? { verb, data: parsed.data } : null;
    }
    case VERBS.chooseChannel: {
      const parsed = welcomeData.safeParse(data);
      return parsed.success ? { verb, data: parsed.data } : null;
    }
    default:
      return null;
  }
}
