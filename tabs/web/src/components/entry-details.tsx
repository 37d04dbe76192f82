/**
 * The facts of one entry: status, preparing groups, next follow-up, notes and its edit link.
 * Plain classes from styles.css: the server draws the same markup for the first view.
 */
import type { Entry } from '../../../../src/domain/types';
import { daysBetween } from '../format';
import { useApp } from './app-context';
import { NameList } from './name-list';
import { EditLink, isWebUrl } from './edit-link';
import { EntryStatusBadge } from './status-badge';

export function EntryFacts({ entry, today }: { entry: Entry; today: string }) {
  const { strings } = useApp();
  const followUp = entry.nextFollowUp;
  if (entry.preparingGroups.length === 0 && !followUp && !entry.notes.trim()) return null;
  return (
    <dl className="bl-facts">
      {entry.preparingGroups.length > 0 ? (
        <div className="bl-fact">
          <dt className="bl-term">{strings.preparingGroups}:</dt>
          <dd className="bl-value">
            <NameList names={entry.preparingGroups} />
          </dd>
        </div>
      ) : null}
      {followUp ? (
        <div className="bl-fact">
          <dt className="bl-term">{strings.nextFollowUp}:</dt>
          <dd className="bl-value">
            <time dateTime={followUp}>{followUp}</time> ({strings.relativeDays(daysBetween(today, followUp))})
          </dd>
        </div>
      ) : null}
      {entry.notes.trim() ? (
        <div className="bl-fact bl-notes">
          <dt className="bl-term">{strings.notes}:</dt>
          <dd className="bl-value">
            <bdi>{entry.notes}</bdi>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** Title line of an entry with its status and edit link; `context` entries are only parents of a match. */
export function EntryLine({ entry, context, showTitle = true }: { entry: Entry; context?: boolean; showTitle?: boolean }) {
  const { strings, showItemIds } = useApp();
  const edit = isWebUrl(entry.editUrl) || showItemIds;
  if (!showTitle && entry.status === null && !edit) return null;
  return (
    <div className="bl-row">
      {showTitle ? <bdi className={context ? 'bl-title bl-muted' : 'bl-title'}>{entry.title || strings.untitled}</bdi> : null}
      <EntryStatusBadge status={entry.status} />
      {edit ? (
        <span className="bl-edit">
          <EditLink url={entry.editUrl} title={entry.title} itemId={entry.id} />
        </span>
      ) : null}
    </div>
  );
}
