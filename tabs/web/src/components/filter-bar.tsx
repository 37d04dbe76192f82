/** Free-text search and the filters of a view; every change is written to the address. */
import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { hasFilters, type UrlState } from '../model/url-state';
import { useApp } from './app-context';
import { NoScriptSubmit } from './no-script';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
  },
  search: { flexGrow: 1, flexBasis: '16rem', minWidth: '12rem' },
  select: { width: '14rem', maxWidth: '100%', flexShrink: 1, '@media (max-width: 480px)': { width: '100%' } },
  control: { width: '100%', '& select': { width: '100%', textOverflow: 'ellipsis' } },
  count: { flexBasis: '100%', color: tokens.colorNeutralForeground2 },
});

export interface SelectOption {
  value: string;
  label: string;
  /** How many entries have this value; shown beside the label. */
  count?: number;
}

export interface FilterSelect {
  name: keyof Pick<UrlState, 'area' | 'status' | 'group' | 'state'>;
  label: string;
  allLabel: string;
  options: SelectOption[] | Array<{ group: string; options: SelectOption[] }>;
}

interface Props {
  state: UrlState;
  onChange(patch: Partial<UrlState>): void;
  selects: FilterSelect[];
  /** e.g. "Visar 12 av 80"; announced politely to screen readers. */
  summary: string;
  children?: ReactNode;
}

const isGrouped = (options: FilterSelect['options']): options is Array<{ group: string; options: SelectOption[] }> =>
  options.length > 0 && 'group' in (options[0] as object);

/** The select's current value when none of its options has it, else null. */
function missingValue(select: FilterSelect, state: UrlState): string | null {
  const current = state[select.name];
  if (current === null) return null;
  const values = isGrouped(select.options) ? select.options.flatMap((group) => group.options) : select.options;
  return values.some((option) => option.value === current) ? null : current;
}

/** One choice, with how many entries have it. */
function Option({ option }: { option: SelectOption }) {
  const { strings } = useApp();
  return <option value={option.value}>{option.count === undefined ? option.label : strings.optionWithCount(option.label, option.count)}</option>;
}

export function FilterBar({ state, onChange, selects, summary, children }: Props) {
  const { strings } = useApp();
  const styles = useStyles();
  return (
    <form role="search" className={styles.bar} aria-label={strings.filtersLabel} onSubmit={(event) => event.preventDefault()}>
      <Field label={strings.search} className={styles.search}>
        <Input
          type="search"
          value={state.q}
          placeholder={strings.searchPlaceholder}
          onChange={(_, data) => onChange({ q: data.value })}
          name="q"
          data-focus="q"
        />
      </Field>
      {selects.map((select) => (
        <Field key={select.name} label={select.label} className={styles.select}>
          <Select
            className={styles.control}
            name={select.name}
            data-focus={select.name}
            value={state[select.name] ?? ''}
            onChange={(_, data) => onChange({ [select.name]: data.value === '' ? null : data.value } as Partial<UrlState>)}
          >
            <option value="">{select.allLabel}</option>
            {/* A value from a shared link or another view that this list does not offer (a renamed
                forum, a forum with no agreements) is still shown as chosen, not as "all". */}
            {missingValue(select, state) === null ? null : <option value={state[select.name] ?? ''}>{state[select.name]}</option>}
            {isGrouped(select.options)
              ? select.options.map((group) => (
                  <optgroup key={group.group} label={group.group}>
                    {group.options.map((option) => (
                      <Option key={option.value} option={option} />
                    ))}
                  </optgroup>
                ))
              : select.options.map((option) => <Option key={option.value} option={option} />)}
          </Select>
        </Field>
      ))}
      <Button disabled={!hasFilters(state)} onClick={() => onChange({ q: '', area: null, status: null, group: null, state: null })}>
        {strings.clearFilters}
      </Button>
      <NoScriptSubmit state={state} />
      {children}
      <p className={styles.count} role="status" aria-live="polite">
        {summary}
      </p>
    </form>
  );
}
