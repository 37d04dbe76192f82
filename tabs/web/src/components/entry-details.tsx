/** The facts of one entry: status, preparing groups, next follow-up, notes and its edit link. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Entry } from '../../../../src/domain/types';
import { daysBetween } from '../format';
import { useApp } from './app-context';
import { EditLink } from './edit-link';
import { EntryStatusBadge } from './status-badge';

const useStyles = makeStyles({
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: `${tokens.spacingVerticalXXS} 0 0 0`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  fact: { display: 'flex', gap: tokens.spacingHorizontalXS },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  notes: { whiteSpace: 'pre-wrap', flexBasis: '100%' },
});

export function EntryFacts({ entry, today }: { entry: Entry; today: string }) {
  const { strings } = useApp();
  const styles = useStyles();
  const followUp = entry.nextFollowUp;
  return (
    <dl className={styles.facts}>
      {entry.preparingGroups.length > 0 ? (
        <div className={styles.fact}>
          <dt className={styles.term}>{strings.preparingGroups}:</dt>
          <dd className={styles.value}>{entry.preparingGroups.join(', ')}</dd>
        </div>
      ) : null}
      {followUp ? (
        <div className={styles.fact}>
          <dt className={styles.term}>{strings.nextFollowUp}:</dt>
          <dd className={styles.value}>
            <time dateTime={followUp}>{followUp}</time> ({strings.relativeDays(daysBetween(today, followUp))})
          </dd>
        </div>
      ) : null}
      {entry.notes.trim() ? (
        <div className={`${styles.fact} ${styles.notes}`}>
          <dt className={styles.term}>{strings.notes}:</dt>
          <dd className={styles.value}>{entry.notes}</dd>
        </div>
      ) : null}
    </dl>
  );
}

const useRowStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  title: { fontWeight: tokens.fontWeightRegular },
  muted: { color: tokens.colorNeutralForeground2 },
  edit: { marginLeft: 'auto', fontSize: tokens.fontSizeBase200 },
});

/** Title line of an entry with its status and edit link; `context` entries are only parents of a match. */
export function EntryLine({ entry, context, showTitle = true }: { entry: Entry; context?: boolean; showTitle?: boolean }) {
  const { strings } = useApp();
  const styles = useRowStyles();
  return (
    <div className={styles.row}>
      {showTitle ? <span className={context ? `${styles.title} ${styles.muted}` : styles.title}>{entry.title || strings.untitled}</span> : null}
      <EntryStatusBadge status={entry.status} />
      <span className={styles.edit}>
        <EditLink url={entry.editUrl} title={entry.title} itemId={entry.id} />
      </span>
    </div>
  );
}
