/**
 * An entry's history under Balanslista: the ärenden that concerned it, each with the meeting that
 * handled it and what was decided, folded into one line ("Behandlat i SVOM (2)") so the list stays
 * compact. Nothing is shown for an entry no ärende names.
 */
import { actionsForErrand, type Action } from '../../../../src/domain/actions';
import type { Errand } from '../../../../src/domain/errands';
import { errandsForEntry, meetingRefName, refersTo } from '../../../../src/domain/errands';
import type { Meeting } from '../../../../src/domain/types';
import type { Strings } from '../i18n/strings';
import { useApp } from './app-context';
import { ErrandActions } from './action-item';
import { ErrandItem } from './errand-item';

/** Where and when an ärende was handled, as far as the lists say. */
export function meetingLabel(errand: Errand, meetings: readonly Meeting[], strings: Strings): string {
  const ref = errand.meeting;
  if (ref === null) return errand.year === null ? strings.errands.noMeeting : String(errand.year);
  const meeting = meetings.find((candidate) => refersTo(ref, candidate));
  if (!meeting) return strings.errands.unknownMeeting(meetingRefName(ref));
  return `${meeting.date} · ${meeting.title || strings.untitled}`;
}

interface HistoryProps {
  entryKey: string;
  errands: readonly Errand[];
  meetings: readonly Meeting[];
  /** Every action, and the day their state is told for; each ärende shows those it gave. */
  actions?: readonly Action[];
  today?: string;
}

export function EntryHistory({ entryKey, errands, meetings, actions = [], today = '' }: HistoryProps) {
  const { strings } = useApp();
  const history = errandsForEntry(errands, entryKey);
  if (history.length === 0) return null;
  return (
    <details className="bl-history" data-history={entryKey}>
      <summary>{strings.errands.history(history.length)}</summary>
      <ol className="errand-list">
        {history.map((errand) => (
          <ErrandItem key={errand.id} errand={errand} context={<bdi>{meetingLabel(errand, meetings, strings)}</bdi>}>
            <ErrandActions actions={actionsForErrand(actions, errand.key)} today={today} />
          </ErrandItem>
        ))}
      </ol>
    </details>
  );
}
