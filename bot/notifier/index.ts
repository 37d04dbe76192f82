/**
 * The bot's notification side: what is posted when, exactly once.
 */
export { createNotifier } from './notifier';
export type { NotifierDeps } from './notifier';
export { createNotifyRoute } from './route';
export { judge } from './ledger';
export type { LedgerRecord } from './ledger';
export { quietReason } from './quiet';
export { isoWeekKey } from './events';
export type { DigestOptions, EventKind, EventReport, Notifier, NotifyReport, Outcome, RunOptions, TeamReport, TeamStatus } from './types';
export { nothingPostedMessage, nothingPostedReason, type NothingPostedReason } from './nothing-posted';
