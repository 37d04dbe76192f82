/**
 * Avtal on a wide screen: one row per agreement, sortable by name, end date, days left and
 * status. Columns share the width (no sideways scrolling at 1280 px); notes, the longest text,
 * open in a row of their own under the agreement instead of making every row tall.
 */
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Fragment, useState, type ReactNode } from 'react';
import type { AgreementView } from '../../../../src/view-model';
import type { SortKey, UrlState } from '../model/url-state';
import { DateText, DaysLeft, revisionText } from './agreement-facts';
import { useApp } from './app-context';
import { NameList } from './name-list';
import { EditLink } from './edit-link';
import { AgreementStateBadge } from './status-badge';

const useStyles = makeStyles({
  table: { width: '100%', tableLayout: 'fixed' },
  // A word longer than its column (where the browser has no hyphenation for the language) breaks
  // instead of running into the next column.
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, overflowWrap: 'anywhere' },
  header: { overflowWrap: 'anywhere' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  title: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  forumList: { margin: 0 },
  forumTerm: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  forumValue: { margin: `0 0 ${tokens.spacingVerticalXXS} 0` },
  notesRow: { backgroundColor: tokens.colorNeutralBackground2 },
  // Fluent gives its rows a display of their own, which the hidden attribute alone does not beat.
  closed: { display: 'none' },
  notesText: { whiteSpace: 'pre-wrap', margin: 0 },
});

/**
 * Shares of the width (a fixed layout, so long names wrap instead of widening the table), chosen
 * for the seed's long names and the Swedish headers; they add up to 100%.
 */
const COLUMN_WIDTHS = ['24%', '12%', '11%', '10%', '12%', '13%', '9%', '9%'];

function Forums({ item }: { item: AgreementView }) {
  const { strings } = useApp();
  const styles = useStyles();
  const recommending = item.agreement?.recommendingForums ?? [];
  if (recommending.length === 0 && item.preparingGroups.length === 0) return <>–</>;
  return (
    <dl className={styles.forumList}>
      {recommending.length > 0 ? (
        <>
          <dt className={styles.forumTerm}>{strings.recommendedBy}</dt>
          <dd className={styles.forumValue}>
            <NameList names={recommending} />
          </dd>
        </>
      ) : null}
      {item.preparingGroups.length > 0 ? (
        <>
          <dt className={styles.forumTerm}>{strings.preparedBy}</dt>
          <dd className={styles.forumValue}>
            <NameList names={item.preparingGroups} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}

interface RowProps {
  item: AgreementView;
  notesOpen: boolean;
  onToggleNotes(): void;
  /** The ärenden that followed the agreement up, folded ("Behandlat i SVOM (n)"). */
  history(entryKey: string): ReactNode;
}

function AgreementRow({ item, notesOpen, onToggleNotes, history }: RowProps) {
  const { strings } = useApp();
  const styles = useStyles();
  const validity = item.agreement?.validity;
  const notesId = `agreement-notes-${item.id}`;
  return (
    <Fragment>
      <TableRow data-agreement={item.key}>
        <TableCell className={styles.cell}>
          <div className={styles.stack}>
            <bdi className={styles.title} data-name>
              {item.title || strings.untitled}
            </bdi>
            <EditLink url={item.editUrl} title={item.title} itemId={item.id} />
            {history(item.key)}
          </div>
        </TableCell>
        <TableCell className={styles.cell}>{validity?.text ? <bdi>{validity.text}</bdi> : <span className={styles.muted}>–</span>}</TableCell>
        <TableCell className={styles.cell}>
          <div className={styles.stack}>
            <DateText date={validity?.to} />
            {validity?.from ? (
              <span className={styles.muted}>
                {strings.validFrom.toLocaleLowerCase(strings.language)} <DateText date={validity.from} />
              </span>
            ) : null}
          </div>
        </TableCell>
        <TableCell className={styles.cell}>
          <DaysLeft days={item.daysLeft} strings={strings} />
        </TableCell>
        <TableCell className={styles.cell}>
          <AgreementStateBadge state={item.status} />
        </TableCell>
        <TableCell className={styles.cell}>
          <Forums item={item} />
        </TableCell>
        <TableCell className={styles.cell}>{revisionText(item, strings)}</TableCell>
        <TableCell className={styles.cell}>
          {item.notes.trim() ? (
            <Button
              size="small"
              appearance="subtle"
              aria-expanded={notesOpen}
              aria-controls={notesId}
              aria-label={strings.notesToggle(notesOpen, item.title || strings.untitled)}
              onClick={onToggleNotes}
              data-notes-toggle={item.key}
            >
              {notesOpen ? strings.hideNotes : strings.showNotes}
            </Button>
          ) : (
            <span className={styles.muted}>–</span>
          )}
        </TableCell>
      </TableRow>
      {item.notes.trim() ? (
        <TableRow id={notesId} className={mergeClasses(styles.notesRow, !notesOpen && styles.closed)} hidden={!notesOpen} data-agreement-notes={item.key}>
          <TableCell colSpan={8} className={styles.cell}>
            <p className={styles.notesText}>
              <bdi>{item.notes}</bdi>
            </p>
          </TableCell>
        </TableRow>
      ) : null}
    </Fragment>
  );
}

interface Props {
  agreements: AgreementView[];
  state: UrlState;
  onChange(patch: Partial<UrlState>): void;
  history: RowProps['history'];
}

export function AgreementTable({ agreements, state, onChange, history }: Props) {
  const { strings } = useApp();
  const styles = useStyles();
  const [openNotes, setOpenNotes] = useState<ReadonlySet<string>>(new Set());
  const toggleNotes = (id: string) =>
    setOpenNotes((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const sortable = (key: SortKey, label: string) => ({
    sortDirection: state.sort === key ? (state.dir === 'asc' ? ('ascending' as const) : ('descending' as const)) : undefined,
    onClick: () => onChange({ sort: key, dir: state.sort === key && state.dir === 'asc' ? 'desc' : 'asc' }),
    button: { 'aria-label': strings.sortBy(label) },
  });

  return (
    <Table sortable className={styles.table} aria-labelledby="agreements-caption">
      <caption id="agreements-caption" className="visually-hidden">
        {strings.agreementsTable}
      </caption>
      <colgroup>
        {COLUMN_WIDTHS.map((width, index) => (
          <col key={index} style={{ width }} />
        ))}
      </colgroup>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.header} {...sortable('name', strings.name)}>
            {strings.name}
          </TableHeaderCell>
          <TableHeaderCell className={styles.header}>{strings.validityWritten}</TableHeaderCell>
          <TableHeaderCell className={styles.header} {...sortable('validTo', strings.validTo)}>
            {strings.validTo}
          </TableHeaderCell>
          <TableHeaderCell className={styles.header} {...sortable('daysLeft', strings.daysLeft)}>
            {strings.daysLeft}
          </TableHeaderCell>
          <TableHeaderCell className={styles.header} {...sortable('status', strings.derivedStatus)}>
            {strings.derivedStatus}
          </TableHeaderCell>
          <TableHeaderCell className={styles.header}>{strings.forums}</TableHeaderCell>
          <TableHeaderCell className={styles.header}>{strings.revision}</TableHeaderCell>
          <TableHeaderCell className={styles.header}>{strings.notes}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {agreements.map((item) => (
          <AgreementRow key={item.id} item={item} notesOpen={openNotes.has(item.id)} onToggleNotes={() => toggleNotes(item.id)} history={history} />
        ))}
      </TableBody>
    </Table>
  );
}
