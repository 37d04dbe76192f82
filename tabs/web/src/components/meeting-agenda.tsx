/**
 * A meeting's agenda under Möten: its ärenden in agenda order with kind, status and preparing
 * group, the decision and the actions each gave, and, until the meeting has been held, where to
 * submit another one (the ärenden list in SharePoint, or the local file in local mode).
 */
import { actionsForErrand, type Action } from '../../../../src/domain/actions';
import type { Errand } from '../../../../src/domain/errands';
import { errandsForMeeting } from '../../../../src/domain/errands';
import type { Meeting } from '../../../../src/domain/types';
import { useApp } from './app-context';
import { ExternalLink, isWebUrl } from './edit-link';
import { ErrandActions } from './action-item';
import { ErrandItem } from './errand-item';
import { localPath } from './status-header';

/**
 * The page where a new ärende is written: a SharePoint list's new-item form when the address is
 * the list's own (`…/Lists/Arenden`), otherwise the address as given (e.g. the site, before the
 * lists' addresses are known).
 */
export function newErrandUrl(listUrl: string): string {
  const trimmed = listUrl.trim().replace(/\/+$/, '');
  return /\/Lists\/[^/?#]+$/i.test(trimmed) ? `${trimmed}/NewForm.aspx` : trimmed;
}

function AddErrand({ listUrl, meetingTitle }: { listUrl: string | undefined; meetingTitle: string }) {
  const { strings } = useApp();
  // Until the ärenden list is part of the source, there is nowhere to point.
  if (!listUrl) return null;
  if (isWebUrl(listUrl)) {
    return (
      <p className="errand-add">
        <ExternalLink href={newErrandUrl(listUrl)} label={`${strings.errands.addErrand}: ${meetingTitle}`}>
          {strings.errands.addErrand}
        </ExternalLink>
      </p>
    );
  }
  return <p className="errand-add bl-muted">{strings.errands.addErrandLocal(localPath(listUrl))}</p>;
}

interface Props {
  meeting: Meeting;
  errands: readonly Errand[];
  /** The ärenden list's address (`view.lists.errands`), when the source has it. */
  listUrl: string | undefined;
  /** A held meeting's agenda is history: nothing more can be submitted to it. */
  held: boolean;
  /** Every action; each ärende shows those it gave. */
  actions?: readonly Action[];
  today?: string;
}

export function MeetingAgenda({ meeting, errands, listUrl, held, actions = [], today = '' }: Props) {
  const { strings } = useApp();
  const agenda = errandsForMeeting(errands, meeting);
  if (held && agenda.length === 0) return null;
  const headingId = `agenda-${meeting.id}`;
  return (
    <section className="errand-agenda" aria-labelledby={headingId} data-agenda={meeting.id}>
      <p id={headingId} className="errand-agenda-heading">
        {strings.errands.agenda(agenda.length)}
      </p>
      {agenda.length === 0 ? (
        <p className="bl-muted errand-empty">{strings.errands.noAgenda}</p>
      ) : (
        <ol className="errand-list">
          {agenda.map((errand) => (
            <ErrandItem key={errand.id} errand={errand}>
              <ErrandActions actions={actionsForErrand(actions, errand.key)} today={today} />
            </ErrandItem>
          ))}
        </ol>
      )}
      {held ? null : <AddErrand listUrl={listUrl} meetingTitle={meeting.title || strings.untitled} />}
    </section>
  );
}
