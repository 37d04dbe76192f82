/**
 * Turns the domain's balance list into the JSON the tab API serves, with every derived field
 * (agreement status and days left) computed for one Stockholm date.
 */
import { agreementState } from '../domain/agreements';
import type { Action } from '../domain/actions';
import type { Errand } from '../domain/errands';
import type { BalanceList, CalendarDate, Entry, Problem } from '../domain/types';
import type { ListUrls, SourceKind } from '../ports/list-source';
import type { AgreementView, BalanceListView } from '../view-model';
import { contentEtag } from './content-etag';

export interface ViewOptions {
  source: SourceKind;
  today: CalendarDate;
  expiringWithinDays: number;
  meetingWithinDays: number;
  demoDate: CalendarDate | null;
  lists: ListUrls;
  generatedAt: string;
  refreshedAt: string;
  staleSince: string | null;
  /** Every ärende, in list order. */
  errands: Errand[];
  /** Every action (uppdrag), in list order. */
  actions: Action[];
  /**
   * The data-quality problems of every list, ärenden's references included
   * (`dataQualityProblems`); the balance list's own problems when not given.
   */
  problems?: Problem[];
}

function agreementView(entry: Entry, today: CalendarDate, expiringWithinDays: number): AgreementView {
  const { status: entryStatus, ...rest } = entry;
  const validity = entry.agreement?.validity ?? { text: '', from: null, to: null };
  const state = agreementState(validity, today, expiringWithinDays);
  return { ...rest, kind: 'agreement', entryStatus, status: state.status, daysLeft: state.daysLeft };
}

/** The view of `list` on `options.today`. Entries keep the list's document order. */
export function buildView(list: BalanceList, options: ViewOptions): BalanceListView {
  const entries = list.entries.filter((entry) => entry.kind !== 'agreement');
  const agreements = list.entries.filter((entry) => entry.kind === 'agreement').map((entry) => agreementView(entry, options.today, options.expiringWithinDays));
  return {
    source: options.source,
    generatedAt: options.generatedAt,
    refreshedAt: options.refreshedAt,
    stale: options.staleSince !== null,
    staleSince: options.staleSince,
    today: options.today,
    expiringWithinDays: options.expiringWithinDays,
    meetingWithinDays: options.meetingWithinDays,
    demoDate: options.demoDate,
    lists: options.lists,
    sections: list.sections,
    entries,
    agreements,
    meetings: list.meetings,
    errands: options.errands,
    actions: options.actions,
    problems: options.problems ?? list.problems,
  };
}

/**
 * A strong ETag of the view's content. `generatedAt` and `refreshedAt` are left out so that
 * polling an unchanged list answers 304 however often it is refreshed.
 */
export function viewEtag(view: BalanceListView): string {
  const { generatedAt: _generatedAt, refreshedAt: _refreshedAt, ...content } = view;
  return contentEtag(content);
}
