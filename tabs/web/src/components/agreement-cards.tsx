/** Avtal on a phone or in a narrow Teams pane: one card per agreement with the table's facts and its ärenden. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { AgreementView } from '../../../../src/view-model';
import { DaysLeft, Period, revisionText } from './agreement-facts';
import { useApp } from './app-context';
import { NameList } from './name-list';
import { EditLink } from './edit-link';
import { AgreementStateBadge } from './status-badge';

const useStyles = makeStyles({
  // One column on a phone, two side by side in a wider pane.
  cards: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 22rem), 1fr))',
  },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    // Cards side by side are as tall as the tallest in their row.
    height: '100%',
    boxSizing: 'border-box',
  },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalS,
    margin: `0 0 ${tokens.spacingVerticalS} 0`,
    fontSize: tokens.fontSizeBase400,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(6rem, 42%) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, minWidth: 0 },
  notes: { whiteSpace: 'pre-wrap' },
});

type HistoryOf = (entryKey: string) => ReactNode;

function AgreementCard({ item, history }: { item: AgreementView; history: HistoryOf }) {
  const { strings } = useApp();
  const styles = useStyles();
  const headingId = `agreement-card-${item.id}`;
  return (
    <li>
      <article className={styles.card} aria-labelledby={headingId} data-agreement-card={item.key}>
        <h3 id={headingId} className={styles.heading}>
          <bdi>{item.title || strings.untitled}</bdi>
          <AgreementStateBadge state={item.status} />
        </h3>
        <dl className={styles.facts}>
          <dt className={styles.term}>{strings.daysLeft}</dt>
          <dd className={styles.value}>
            <DaysLeft days={item.daysLeft} strings={strings} />
          </dd>
          <dt className={styles.term}>{strings.validityDates}</dt>
          <dd className={styles.value}>
            <Period item={item} />
          </dd>
          <dt className={styles.term}>{strings.validityWritten}</dt>
          <dd className={styles.value}>{item.agreement?.validity.text ? <bdi>{item.agreement.validity.text}</bdi> : '–'}</dd>
          <dt className={styles.term}>{strings.recommendingForums}</dt>
          <dd className={styles.value}>
            <NameList names={item.agreement?.recommendingForums ?? []} />
          </dd>
          <dt className={styles.term}>{strings.preparingForums}</dt>
          <dd className={styles.value}>
            <NameList names={item.preparingGroups} />
          </dd>
          <dt className={styles.term}>{strings.revision}</dt>
          <dd className={styles.value}>{revisionText(item, strings)}</dd>
          {item.notes ? (
            <>
              <dt className={styles.term}>{strings.notes}</dt>
              <dd className={`${styles.value} ${styles.notes}`}>
                <bdi>{item.notes}</bdi>
              </dd>
            </>
          ) : null}
        </dl>
        {history(item.key)}
        <EditLink url={item.editUrl} title={item.title} itemId={item.id} />
      </article>
    </li>
  );
}

export function AgreementCards({ agreements, history }: { agreements: AgreementView[]; history: HistoryOf }) {
  const { strings } = useApp();
  const styles = useStyles();
  return (
    <ul className={styles.cards} aria-label={strings.agreementsTable}>
      {agreements.map((item) => (
        <AgreementCard key={item.id} item={item} history={history} />
      ))}
    </ul>
  );
}
