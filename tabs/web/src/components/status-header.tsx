/** When the data was last refreshed, where it comes from, and a stale banner when the server says so. */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import type { BalanceListView } from '../../../../src/view-model';
import { formatClock, formatInstant } from '../format';
import { formatUrlState, parseUrlState } from '../model/url-state';
import { useApp } from './app-context';

const useStyles = makeStyles({
  banner: { marginBottom: tokens.spacingVerticalM },
});

export function RefreshLine({
  view,
  checkedAt,
  live = false,
  onRefresh,
}: {
  view: BalanceListView;
  checkedAt: Date | null;
  live?: boolean;
  onRefresh(): void;
}) {
  const { strings } = useApp();
  return (
    <div className="tab-line">
      {/* data-live: the change stream is open (changes show at once; no polling meanwhile). */}
      <span data-testid="refreshed" data-live={live ? 'true' : undefined}>
        {/* Only a new version of the list is announced; the check time changes on every poll
            and would make screen readers speak every minute. */}
        <span role="status">{strings.lastRefreshed(formatInstant(view.refreshedAt))}</span>
        {checkedAt ? `, ${strings.checkedAt(formatClock(checkedAt))}` : ''}
      </span>
      <span>{view.source === 'local' ? strings.sourceLocal : strings.sourceSharePoint}</span>
      <Button size="small" onClick={onRefresh} data-focus="refresh">
        {strings.refreshNow}
      </Button>
    </div>
  );
}

/**
 * The demo clock (TODAY, local mode only): says plainly that the dates, days left and statuses are
 * those of another day, so a screenshot or a demo is never taken for today's state.
 */
export function DemoNotice({ view }: { view: BalanceListView }) {
  const { strings } = useApp();
  const styles = useStyles();
  if (!view.demoDate) return null;
  return (
    <MessageBar intent="info" className={styles.banner} layout="multiline" data-testid="demo-clock">
      <MessageBarBody>{strings.demoClock(view.demoDate)}</MessageBarBody>
    </MessageBar>
  );
}

export function StaleBanner({ view }: { view: BalanceListView }) {
  const { strings } = useApp();
  const styles = useStyles();
  if (!view.stale) return null;
  return (
    <MessageBar intent="warning" className={styles.banner} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{strings.staleTitle}</MessageBarTitle>
        {strings.staleBody(formatInstant(view.staleSince ?? view.refreshedAt))}
      </MessageBarBody>
    </MessageBar>
  );
}

/** `file:///…/lists.json#balance` → `/…/lists.json`, the path a person opens in an editor. */
export function localPath(url: string): string {
  if (!url.startsWith('file:')) return url;
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url;
  }
}

/**
 * Local mode: where the list's file is, and one switch that shows each entry's item number in
 * that file (`ids=1` in the address), instead of repeating "Post 12 i den lokala filen" on every
 * row. A plain link, so it works by keyboard, for screen readers, and before the script runs.
 */
export function LocalNotice({ view, showIds, onToggleIds, search }: { view: BalanceListView; showIds: boolean; onToggleIds(): void; search: string }) {
  const { strings } = useApp();
  if (view.source !== 'local') return null;
  const href = formatUrlState({ ...parseUrlState(search), ids: !showIds }, search) || '?';
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    onToggleIds();
  };
  return (
    <div className="notice">
      <p className="notice-text">{strings.localFileHint(localPath(view.lists.balance))}</p>
      <a className="notice-action" href={href} onClick={onClick} data-focus="ids">
        {showIds ? strings.hideItemIds : strings.showItemIds}
      </a>
    </div>
  );
}
