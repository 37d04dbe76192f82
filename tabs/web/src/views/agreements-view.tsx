/**
 * Avtal: the agreements in a sortable table (validity as written and as dates, days left,
 * derived status by text and colour, forums, revision, notes) and a timeline with today marked.
 */
import {
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
import type { BalanceListView } from '../../../../src/view-model';
import { useApp } from '../components/app-context';
import { EditLink } from '../components/edit-link';
import { FilterBar, type FilterSelect } from '../components/filter-bar';
import { AgreementStateBadge } from '../components/status-badge';
import { agreementMatches, forumsIn, sortAgreements } from '../model/filter';
import { AGREEMENT_STATES, type SortKey, type UrlState } from '../model/url-state';
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
});

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
      <div className={styles.scroll} role="region" aria-labelledby="agreements-caption" tabIndex={0}>
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
                  <TableCell>{validity?.from ? <time dateTime={validity.from}>{validity.from}</time> : '–'}</TableCell>
                  <TableCell>{validity?.to ? <time dateTime={validity.to}>{validity.to}</time> : '–'}</TableCell>
                  <TableCell>
                    {item.daysLeft === null ? (
                      '–'
                    ) : (
                      <div className={styles.cellStack}>
                        <span>{item.daysLeft}</span>
                        <span className={styles.muted}>{strings.relativeDays(item.daysLeft)}</span>
                      </div>
                    )}
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
