/**
 * Datakvalitet: what the core could not read, so the secretariat can fix it in SharePoint, and
 * what is missing (warnings), such as an agreement nobody is reminded about.
 */
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { problemSeverity } from '../../../../src/domain/problems';
import type { BalanceListView } from '../../../../src/view-model';
import { useApp } from '../components/app-context';
import { EditLink } from '../components/edit-link';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { minWidth: '48rem' },
  value: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  severity: { marginInlineEnd: tokens.spacingHorizontalS, whiteSpace: 'nowrap' },
});

export function DataQualityPanel({ view }: { view: BalanceListView }) {
  const { strings } = useApp();
  const styles = useStyles();
  if (view.problems.length === 0) return <p>{strings.noProblems}</p>;
  return (
    <>
      <p>{view.source === 'local' ? strings.problemsIntroLocal : strings.problemsIntro}</p>
      {view.problems.some((problem) => problemSeverity(problem.code) === 'warning') ? <p>{strings.warningsIntro}</p> : null}
      <div className={styles.scroll} role="region" aria-labelledby="problems-caption" tabIndex={0}>
        <Table className={styles.table}>
          <caption id="problems-caption" className="visually-hidden">
            {strings.problemsTable}
          </caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{strings.item}</TableHeaderCell>
              <TableHeaderCell>{strings.problem}</TableHeaderCell>
              <TableHeaderCell>{strings.field}</TableHeaderCell>
              <TableHeaderCell>{strings.value}</TableHeaderCell>
              <TableHeaderCell>{strings.list}</TableHeaderCell>
              <TableHeaderCell>{strings.editInSharePoint}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.problems.map((problem, index) => {
              const severity = problemSeverity(problem.code);
              return (
                <TableRow
                  key={`${problem.list}-${problem.itemId}-${problem.field ?? ''}-${problem.code}-${index}`}
                  data-problem={problem.code}
                  data-severity={severity}
                >
                  <TableCell>{problem.title || strings.untitled}</TableCell>
                  <TableCell>
                    <Badge className={styles.severity} appearance="tint" shape="rounded" color={severity === 'warning' ? 'warning' : 'danger'}>
                      {strings.problemSeverity[severity]}
                    </Badge>
                    <span>{strings.problemCode[problem.code] ?? problem.message}</span>
                  </TableCell>
                  <TableCell>{problem.field ?? '–'}</TableCell>
                  <TableCell>
                    <span className={styles.value}>{problem.value || '–'}</span>
                  </TableCell>
                  <TableCell>{strings.lists[problem.list]}</TableCell>
                  <TableCell>
                    {/* A problem of a whole list (a list missing on the site) has no item to open. */}
                    {problem.itemId === '' ? '–' : <EditLink url={problem.editUrl} title={problem.title} itemId={problem.itemId} always />}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
