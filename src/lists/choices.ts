/**
 * Choices shared by several lists. Apart from `schema.ts` so that the forum's year's lists
 * (`forum-year-schema.ts`), which `schema.ts` gathers into `LISTS`, can use them without a cycle.
 */
import type { MeetingKind } from '../domain/types';

export const MEETING_KIND_CHOICES = [
  ['Ordinarie', 'ordinary'],
  ['Extra', 'extra'],
  ['Gemensamt med Västernorrland', 'joint-vasternorrland'],
  ['Annat evenemang', 'event'],
] as const satisfies ReadonlyArray<readonly [string, MeetingKind]>;

/** Groups and forums that prepare or recommend items (from the forum's own documents). */
export const GROUP_CHOICES = [
  ['SVOM', 'SVOM'],
  ['Fredagsgruppen', 'Fredagsgruppen'],
  ['L-IFO', 'L-IFO'],
  ['SamReKo', 'SamReKo'],
  ['HSI', 'HSI'],
  ['Barnarenan', 'Barnarenan'],
  ['Beställarenheten', 'Beställarenheten'],
] as const satisfies ReadonlyArray<readonly [string, string]>;
