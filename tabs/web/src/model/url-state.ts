/**
 * The tab's state that belongs in the address: the view, the search and the filters, so that
 * a filtered view can be shared as a link. Unknown or hostile values are dropped, not trusted.
 */
import { parseReportYear } from '../../../../src/domain/report-year';
import type { AgreementState, EntryStatus } from '../../../../src/domain/types';

export type SortKey = 'name' | 'validTo' | 'daysLeft' | 'status';

export interface UrlState {
  view: ViewId;
  q: string;
  area: string | null;
  status: EntryStatus | 'none' | null;
  group: string | null;
  state: AgreementState | null;
  sort: SortKey;
  dir: 'asc' | 'desc';
  /** Local mode: show each entry's item number in the file (`ids=1`). */
  ids: boolean;
  /** Uppföljning: the year followed up; null means the current year. */
  year: number | null;
  /** Uppföljning: a link (the bot's card) asked for the year's Word file; fetched once, then dropped. */
  download: 'docx' | null;
  /** Uppdrag: only actions of this responsible group. */
  owner: string | null;
  /** Uppdrag: only actions of this responsible person (by name). */
  person: string | null;
  /** Möten: the meeting (list item id) a link points at; its card is opened and scrolled to. */
  meeting: string | null;
}

/** The tab's views, in the order of its tabs; the id is also the `view` in the address. */
export const VIEWS = ['balanslista', 'avtal', 'moten', 'uppdrag', 'uppfoljning', 'datakvalitet'] as const;
export type ViewId = (typeof VIEWS)[number];
export const ENTRY_STATUSES: EntryStatus[] = ['active', 'not-started', 'monitoring', 'paused', 'done'];
export const AGREEMENT_STATES: AgreementState[] = ['expired', 'expiring', 'active', 'unknown'];
const SORT_KEYS: SortKey[] = ['name', 'validTo', 'daysLeft', 'status'];

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;

/** A four-digit year the API answers for (spaces around it allowed), else null. */
export function parseYear(value: string | null): number | null {
  return value === null ? null : parseReportYear(value.trim());
}

const text = (value: string | null, max = 200): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed.slice(0, max);
};

export function parseUrlState(search: string, defaultView: ViewId = 'balanslista'): UrlState {
  const params = new URLSearchParams(search);
  return {
    view: oneOf(params.get('view'), VIEWS) ?? defaultView,
    q: text(params.get('q')) ?? '',
    area: text(params.get('area')),
    status: oneOf(params.get('status'), [...ENTRY_STATUSES, 'none'] as const),
    group: text(params.get('group')),
    state: oneOf(params.get('state'), AGREEMENT_STATES),
    sort: oneOf(params.get('sort'), SORT_KEYS) ?? 'validTo',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
    ids: params.get('ids') === '1',
    year: parseYear(params.get('year')),
    download: params.get('download') === 'docx' ? 'docx' : null,
    owner: text(params.get('owner')),
    person: text(params.get('person')),
    meeting: /^\d{1,16}$/.test(params.get('meeting') ?? '') ? params.get('meeting') : null,
  };
}

/**
 * Writes `state` into `search`, keeping parameters that are not ours (e.g. `lang`, `theme`)
 * and leaving defaults out so links stay short.
 */
export function formatUrlState(state: UrlState, search = ''): string {
  const params = new URLSearchParams(search);
  const set = (name: string, value: string | null, fallback: string | null = null) => {
    if (value === null || value === '' || value === fallback) params.delete(name);
    else params.set(name, value);
  };
  set('view', state.view);
  set('q', state.q);
  set('area', state.area);
  set('status', state.status);
  set('group', state.group);
  set('state', state.state);
  set('sort', state.sort, 'validTo');
  set('dir', state.dir, 'asc');
  set('ids', state.ids ? '1' : null);
  set('year', state.year === null ? null : String(state.year));
  set('download', state.download);
  set('owner', state.owner);
  set('person', state.person);
  set('meeting', state.meeting);
  const result = params.toString();
  return result === '' ? '' : `?${result}`;
}

/** True when any search or filter narrows the current view. */
export function hasFilters(state: UrlState): boolean {
  return state.q !== '' || state.area !== null || state.status !== null || state.group !== null || state.state !== null;
}
