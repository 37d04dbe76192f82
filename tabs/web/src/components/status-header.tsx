/** When the data was last refreshed, where it comes from, and a stale banner when the server says so. */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { BalanceListView } from '../../../../src/view-model';
import { formatClock, formatInstant } from '../format';
import { useApp } from './app-context';

const useStyles = makeStyles({
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalS} 0`,
  },
  banner: { marginBottom: tokens.spacingVerticalM },
});

export function RefreshLine({ view, checkedAt, onRefresh }: { view: BalanceListView; checkedAt: Date | null; onRefresh(): void }) {
  const { strings } = useApp();
  const styles = useStyles();
  return (
    <div className={styles.line}>
      <span role="status" data-testid="refreshed">
        {strings.lastRefreshed(formatInstant(view.refreshedAt))}
        {checkedAt ? `, ${strings.checkedAt(formatClock(checkedAt))}` : ''}
      </span>
      <span>{view.source === 'local' ? strings.sourceLocal : strings.sourceSharePoint}</span>
      <Button size="small" onClick={onRefresh}>
        {strings.refreshNow}
      </Button>
    </div>
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

export function LocalNotice({ view }: { view: BalanceListView }) {
  const { strings } = useApp();
  const styles = useStyles();
  if (view.source !== 'local') return null;
  return (
    <MessageBar intent="info" className={styles.banner} layout="multiline">
      <MessageBarBody>{strings.localFileHint(localPath(view.lists.balance))}</MessageBarBody>
    </MessageBar>
  );
}
