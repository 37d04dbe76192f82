/**
 * Avtal: the agreements, filtered and sorted from the address, as a table on a wide screen and as
 * cards on a narrow one, each with the ärenden that followed it up, then a timeline of their
 * validity with today marked.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { BalanceListView } from '../../../../src/view-model';
import { AgreementCards } from '../components/agreement-cards';
import { AgreementSortSelect } from '../components/agreement-sort-select';
import { AgreementTable } from '../components/agreement-table';
import { useApp } from '../components/app-context';
import { EntryHistory } from '../components/entry-history';
import { FilterBar, type FilterSelect } from '../components/filter-bar';
import type { Strings } from '../i18n/strings';
import { agreementStateFacets, forumFacets } from '../model/facets';
import { agreementMatches, sortAgreements } from '../model/filter';
import type { UrlState } from '../model/url-state';
import { AgreementTimeline } from './agreement-timeline';

const useStyles = makeStyles({
  horizon: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  // Wide screens get the table; narrower ones (phones, a narrow Teams pane, a small window),
  // where eight columns would crowd, get cards.
  wide: { '@media (max-width: 1023px)': { display: 'none' } },
  narrow: { display: 'none', '@media (max-width: 1023px)': { display: 'block' } },
});

/** The filters Avtal offers: the states and forums some agreement has, with how many. */
function agreementSelects(view: BalanceListView, strings: Strings): FilterSelect[] {
  return [
    {
      name: 'state',
      label: strings.agreementStateFilter,
      allLabel: strings.allAgreementStates,
      options: agreementStateFacets(view.agreements).map(({ value, count }) => ({ value, label: strings.agreementState[value], count })),
    },
    {
      name: 'group',
      label: strings.group,
      allLabel: strings.allGroups,
      options: forumFacets(view.agreements).map(({ value, count }) => ({ value, label: value, count })),
    },
  ];
}

interface Props {
  view: BalanceListView;
  state: UrlState;
  onChange(patch: Partial<UrlState>): void;
}

export function AgreementsPanel({ view, state, onChange }: Props) {
  const { strings } = useApp();
  const styles = useStyles();
  const visible = useMemo(
    () =>
      sortAgreements(
        view.agreements.filter((item) => agreementMatches(item, state, strings)),
        state.sort,
        state.dir,
      ),
    [view.agreements, state, strings],
  );

  // An agreement is an entry of the balance list: the ärenden that followed it up fold under it.
  const history = (entryKey: string) => <EntryHistory entryKey={entryKey} errands={view.errands} meetings={view.meetings} />;

  return (
    <>
      <FilterBar
        state={state}
        onChange={onChange}
        selects={agreementSelects(view, strings)}
        summary={strings.showing(visible.length, view.agreements.length)}
      />
      <p className={styles.horizon}>{strings.expiringHorizon(view.expiringWithinDays)}</p>
      <div className={styles.narrow}>
        <AgreementSortSelect state={state} onChange={onChange} />
        <AgreementCards agreements={visible} history={history} />
      </div>
      <div className={styles.wide}>
        <AgreementTable agreements={visible} state={state} onChange={onChange} history={history} />
      </div>
      {visible.length === 0 ? <p>{strings.noMatches}</p> : <AgreementTimeline agreements={visible} today={view.today} />}
    </>
  );
}
