/**
 * An agreement's state on a given day, derived from its validity.
 */
import { daysBetween, parseCalendarDate } from './dates';
import type { AgreementState, CalendarDate, Validity } from './types';

/**
 * The state of an agreement on `today` (a Stockholm date):
 * - `unknown` when there is no (valid) last day of validity;
 * - `expired` when `today` is after the last day;
 * - `expiring` when at most `expiringWithinDays` days are left (the last day itself included);
 * - `active` otherwise.
 *
 * `daysLeft` counts calendar days from `today` to the last day: 0 on the last day, negative
 * after it, null when unknown. An agreement whose first day is still ahead counts as active;
 * the balance list records agreements already recommended for adoption.
 */
export function agreementState(validity: Validity, today: CalendarDate, expiringWithinDays: number): { status: AgreementState; daysLeft: number | null } {
  const lastDay = validity.to === null ? null : parseCalendarDate(validity.to);
  if (lastDay === null) return { status: 'unknown', daysLeft: null };
  const daysLeft = daysBetween(today, lastDay);
  if (daysLeft < 0) return { status: 'expired', daysLeft };
  if (daysLeft <= expiringWithinDays) return { status: 'expiring', daysLeft };
  return { status: 'active', daysLeft };
}
