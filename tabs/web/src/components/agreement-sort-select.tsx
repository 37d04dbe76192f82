/** The sort order as one select, where a narrow screen has no column headers to click. */
import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { SortKey, UrlState } from '../model/url-state';
import { useApp } from './app-context';

const SORT_OPTIONS: Array<{ sort: SortKey; dir: 'asc' | 'desc' }> = [
  { sort: 'validTo', dir: 'asc' },
  { sort: 'daysLeft', dir: 'asc' },
  { sort: 'status', dir: 'asc' },
  { sort: 'name', dir: 'asc' },
  { sort: 'name', dir: 'desc' },
];

const useStyles = makeStyles({ field: { maxWidth: '100%', marginBottom: tokens.spacingVerticalM } });

export function AgreementSortSelect({ state, onChange }: { state: UrlState; onChange(patch: Partial<UrlState>): void }) {
  const { strings } = useApp();
  const styles = useStyles();
  return (
    <Field label={strings.sortOrder} className={styles.field}>
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
  );
}
