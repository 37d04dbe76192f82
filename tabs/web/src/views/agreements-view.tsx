/**
 * Avtal: the agreements in a sortable table (validity as written and as dates, days left,
 * derived status by text and colour, forums, revision, notes) and a timeline with today marked.
 */
import {
  Field,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import type { AgreementView, BalanceListView } from '../../../../src/view-model';
import { useApp } from '../components/app-context';
import { EditLink } from '../components/edit-link';
import { FilterBar, type FilterSelect } from '../components/filter-bar';
import { AgreementStateBadge } from '../components/status-badge';
import { agreementMatches, forumsIn, sortAgreements } from '../model/filter';
import { AGREEMENT_STATES, type SortKey, type UrlState } from '../model/url-state';
import type { Strings } from '../i18n/strings';
import { AgreementTimeline } from './agreement-timeline';

const useStyles = makeStyles({
  scroll: {
    overflowX: 'auto',
    maxWidth: '100%',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { minWidth: '72rem', tableLayout: 'auto' },
  nameColumn: { minWidth: '16rem' },
  name: { fontWeight: tokens.fontWeightSemibold },
  cellStack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalS} 0` },
  notes: { whiteSpace: 'pre-wrap' },
  horizon: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground2 },
  // A date is read as one word: never broken at its hyphens in a narrow column.
  date: { whiteSpace: 'nowrap' },
  // Wide screens get the table, narrow ones (phones, a narrow Teams pane) a list of cards.
  wide: { '@media (max-width: 720px)': { display: 'none' } },
  narrow: { display: 'none', '@media (max-width: 720px)': { display: 'block' } },
  sortField: { maxWidth: '100%', marginBottom: tokens.spacingVerticalM },
  cards: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  cardHeading: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalS, margin: `0 0 ${tokens.spacingVerticalS} 0`, fontSize: tokens.fontSizeBase400 },
  facts: { display: 'grid', gridTemplateColumns: 'minmax(6rem, 40%) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  value: { margin: 0, overflowWrap: 'anywhere', minWidth: 0 },
});

/** Days left as one phrase ("om 30 dagar", "för 245 dagar sedan"), with the number kept for sorting and machines. */
export function DaysLeft({ days, strings, nowrap }: { days: number | null; strings: Strings; nowrap?: boolean }) {
  if (days === null) return <>–</>;
  return (
    <data value={days} style={nowrap ? { whiteSpace: 'nowrap' } : undefined}>
      {strings.relativeDays(days)}
    </data>
  );
}

/** The period as dates, "2022-01-01 – 2024-12-31", or what is known of it. */
function period(item: AgreementView): string {
  const from = item.agreement?.validity.from ?? null;
  const to = item.agreement?.validity.to ?? null;
  if (!from && !to) return '–';
  return `${from ?? '…'} – ${to ?? '…'}`;
}

function AgreementCard({ item, strings }: { item: AgreementView; strings: Strings }) {
  const styles = useStyles();
  const validity = item.agreement?.validity;
  const headingId = `agreement-card-${item.id}`;
  return (
    <li>
      <article className={styles.card} aria-labelledby={headingId} data-agreement-card={item.key}>
        <h3 id={headingId} className={styles.cardHeading}>
          <span>{item.title || strings.untitled}</span>
          <AgreementStateBadge state={item.status} />
        </h3>
        <dl className={styles.facts}>
          <dt className={styles.term}>{strings.daysLeft}</dt>
          <dd className={styles.value}>
            <DaysLeft days={item.daysLeft} strings={strings} />
          </dd>
          <dt className={styles.term}>{strings.validityDates}</dt>
          <dd className={styles.value}>{period(item)}</dd>
          <dt className={styles.term}>{strings.validityWritten}</dt>
          <dd className={styles.value}>{validity?.text || '–'}</dd>
          <dt className={styles.term}>{strings.recommendingForums}</dt>
          <dd className={styles.value}>{(item.agreement?.recommendingForums ?? []).join(', ') || '–'}</dd>
          <dt className={styles.term}>{strings.preparingForums}</dt>
          <dd className={styles.value}>{item.preparingGroups.join(', ') || '–'}</dd>
          <dt className={styles.term}>{strings.revision}</dt>
          <dd className={styles.value}>{item.agreement?.revisionStatus ? strings.revisionStatus[item.agreement.revisionStatus] : '–'}</dd>
          {item.notes ? (
            <>
              <dt className={styles.term}>{strings.notes}</dt>
              <dd className={`${styles.value} ${styles.notes}`}>{item.notes}</dd>
            </>
          ) : null}
        </dl>
        <EditLink url={item.editUrl} title={item.title} itemId={item.id} />
      </article>
    </li>
  );
}

const SORT_OPTIONS: Array<{ sort: SortKey; dir: 'asc' | 'desc' }> = [
  { sort: 'validTo', dir: 'asc' },
  { sort: 'daysLeft', dir: 'asc' },
  { sort: 'status', dir: 'asc' },
  { sort: 'name', dir: 'asc' },
  { sort: 'name', dir: 'desc' },
];

interface Props {
  view: BalanceListView;
  state: UrlState;
  onChange(patch: Partial<UrlState>): void;
}

export function AgreementsPanel({ view, state, onChange }: Props) {
  const { strings } = useApp();
  const styles = useStyles();
  const visible = useMemo(
    () => sortAgreements(view.agreements.filter((item) => agreementMatches(item, state, strings)), state.sort, state.dir),
    [view.agreements, state, strings],
  );
  const forums = forumsIn(view.agreements);

  const selects: FilterSelect[] = [
    {
      name: 'state',
      label: strings.agreementStateFilter,
      allLabel: strings.allAgreementStates,
      options: AGREEMENT_STATES.map((value) => ({ value, label: strings.agreementState[value] })),
    },
    { name: 'group', label: strings.group, allLabel: strings.allGroups, options: forums.map((group) => ({ value: group, label: group })) },
  ];

  const sortable = (key: SortKey, label: string) => ({
    sortDirection: state.sort === key ? (state.dir === 'asc' ? ('ascending' as const) : ('descending' as const)) : undefined,
    onClick: () => onChange({ sort: key, dir: state.sort === key && state.dir === 'asc' ? 'desc' : 'asc' }),
    button: { 'aria-label': strings.sortBy(label) },
  });

  return (
    <>
      <FilterBar state={state} onChange={onChange} selects={selects} summary={strings.showing(visible.length, view.agreements.length)} />
      <p className={styles.horizon}>{strings.expiringHorizon(view.expiringWithinDays)}</p>
      <div className={styles.narrow}>
        <Field label={strings.sortOrder} className={styles.sortField}>
          <Select
            value={`${state.sort}:${state.dir}`}
            onChange={(_, data) => {
              const [sort, dir] = data.value.split(':') as [SortKey, 'asc' | 'desc'];
              onChange({ sort, dir });
            }}
          >
            {SORT_OPTIONS.map((option) => (
              <option key={`${option.sort}:${option.dir}`} value={`${option.sort}:${option.dir}`}>
                {strings.sortOption(option.sort, option.dir)}
              </option>
            ))}
          </Select>
        </Field>
        <ul className={styles.cards} aria-label={strings.agreementsTable}>
          {visible.map((item) => (
            <AgreementCard key={item.id} item={item} strings={strings} />
          ))}
        </ul>
      </div>
      <div className={`${styles.scroll} ${styles.wide}`} role="region" aria-labelledby="agreements-caption" tabIndex={0}>
        <Table sortable className={styles.table} aria-labelledby="agreements-caption">
          <caption id="agreements-caption" className="visually-hidden">
            {strings.agreementsTable}
          </caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.nameColumn} {...sortable('name', strings.name)}>{strings.name}</TableHeaderCell>
              <TableHeaderCell>{strings.validityWritten}</TableHeaderCell>
              <TableHeaderCell>{strings.validFrom}</TableHeaderCell>
              <TableHeaderCell {...sortable('validTo', strings.validTo)}>{strings.validTo}</TableHeaderCell>
              <TableHeaderCell {...sortable('daysLeft', strings.daysLeft)}>{strings.daysLeft}</TableHeaderCell>
              <TableHeaderCell {...sortable('status', strings.derivedStatus)}>{strings.derivedStatus}</TableHeaderCell>
              <TableHeaderCell>{strings.recommendingForums}</TableHeaderCell>
              <TableHeaderCell>{strings.preparingForums}</TableHeaderCell>
              <TableHeaderCell>{strings.revision}</TableHeaderCell>
              <TableHeaderCell>{strings.notes}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {visible.map((item) => {
              const validity = item.agreement?.validity;
              return (
                <TableRow key={item.id} data-agreement={item.key}>
                  <TableCell>
                    <div className={styles.cellStack}>
                      <span className={styles.name} data-name>
                        {item.title || strings.untitled}
                      </span>
                      <EditLink url={item.editUrl} title={item.title} itemId={item.id} />
                    </div>
                  </TableCell>
                  <TableCell>{validity?.text ? validity.text : <span className={styles.muted}>–</span>}</TableCell>
                  <TableCell>
                    {validity?.from ? (
                      <time className={styles.date} dateTime={validity.from}>
                        {validity.from}
                      </time>
                    ) : (
                      '–'
                    )}
                  </TableCell>
                  <TableCell>
                    {validity?.to ? (
                      <time className={styles.date} dateTime={validity.to}>
                        {validity.to}
                      </time>
                    ) : (
                      '–'
                    )}
                  </TableCell>
                  <TableCell>
                    <DaysLeft days={item.daysLeft} strings={strings} nowrap />
                  </TableCell>
                  <TableCell>
                    <AgreementStateBadge state={item.status} />
                  </TableCell>
                  <TableCell>{(item.agreement?.recommendingForums ?? []).join(', ') || '–'}</TableCell>
                  <TableCell>{item.preparingGroups.join(', ') || '–'}</TableCell>
                  <TableCell>{item.agreement?.revisionStatus ? strings.revisionStatus[item.agreement.revisionStatus] : '–'}</TableCell>
                  <TableCell>
                    <span className={styles.notes}>{item.notes || '–'}</span>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {visible.length === 0 ? <p>{strings.noMatches}</p> : null}
      {visible.length > 0 ? <AgreementTimeline agreements={visible} today={view.today} /> : null}
    </>
  );
}
