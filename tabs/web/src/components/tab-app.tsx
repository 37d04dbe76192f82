/**
 * The tab: header with the refresh state, the four views as tabs, and the current view.
 * The view, search and filters live in the address so a filtered view can be shared.
 */
import { Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BalanceListClient } from '../api/client';
import { useBalanceList } from '../hooks/use-balance-list';
import { languageOf, stringsFor, type ViewId } from '../i18n/strings';
import { formatUrlState, parseUrlState, VIEWS, type UrlState } from '../model/url-state';
import type { Host } from '../teams/host';
import { BalanceListPanel } from '../views/balance-list-view';
import { AppContext } from './app-context';
import { LoadProblem } from './load-problem';
import { LocalNotice, RefreshLine, StaleBanner } from './status-header';
import { Themed } from './themed';

// The first view loads with the page; the others (and their table code) when first opened.
const AgreementsPanel = lazy(() => import('../views/agreements-view').then((module) => ({ default: module.AgreementsPanel })));
const MeetingsPanel = lazy(() => import('../views/meetings-view').then((module) => ({ default: module.MeetingsPanel })));
const DataQualityPanel = lazy(() => import('../views/data-quality-view').then((module) => ({ default: module.DataQualityPanel })));

const useStyles = makeStyles({
  page: {
    maxWidth: '80rem',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground1,
    '@media (max-width: 480px)': { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}` },
  },
  header: { marginBottom: tokens.spacingVerticalS },
  title: { fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  subtitle: { margin: 0, color: tokens.colorNeutralForeground2 },
  tabs: { marginBottom: tokens.spacingVerticalM, overflowX: 'auto' },
  viewHeading: { fontSize: tokens.fontSizeBase500, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalM} 0` },
  main: { ':focus': { outline: 'none' } },
  footer: { marginTop: tokens.spacingVerticalXXL, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export interface Location {
  search: string;
  push(search: string): void;
  replace(search: string): void;
  /** Subscribes to back/forward navigation. */
  listen(listener: () => void): () => void;
}

export function browserLocation(): Location {
  const go = (method: 'pushState' | 'replaceState') => (search: string) =>
    window.history[method](null, '', `${window.location.pathname}${search}${window.location.hash}`);
  return {
    get search() {
      return window.location.search;
    },
    push: go('pushState'),
    replace: go('replaceState'),
    listen(listener) {
      window.addEventListener('popstate', listener);
      return () => window.removeEventListener('popstate', listener);
    },
  };
}

interface Props {
  host: Host;
  client: BalanceListClient;
  location: Location;
  pollMs?: number;
}

export function TabApp({ host, client, location, pollMs }: Props) {
  const styles = useStyles();
  const strings = stringsFor(languageOf(host.locale));
  const [state, setState] = useState<UrlState>(() => parseUrlState(location.search));
  const data = useBalanceList(client, pollMs);

  useEffect(() => location.listen(() => setState(parseUrlState(location.search))), [location]);

  const current = useRef(state);
  current.current = state;
  const update = useCallback(
    (patch: Partial<UrlState>, mode: 'push' | 'replace' = 'replace') => {
      const next = { ...current.current, ...patch };
      current.current = next;
      location[mode](formatUrlState(next, location.search));
      setState(next);
    },
    [location],
  );

  const context = useMemo(() => ({ strings, host }), [strings, host]);
  const view = data.view;

  const panel = (id: ViewId) => {
    if (!view) return null;
    switch (id) {
      case 'balanslista':
        return <BalanceListPanel view={view} state={state} onChange={update} />;
      case 'avtal':
        return <AgreementsPanel view={view} state={state} onChange={update} />;
      case 'moten':
        return <MeetingsPanel view={view} />;
      case 'datakvalitet':
        return <DataQualityPanel view={view} />;
    }
  };

  return (
    <AppContext.Provider value={context}>
      <Themed host={host} language={strings.language}>
        <div className={styles.page}>
          <a className="skip-link" href="#main">
            {strings.skipToContent}
          </a>
          <header className={styles.header}>
            <h1 className={styles.title}>{strings.appTitle}</h1>
            <p className={styles.subtitle}>{strings.appSubtitle}</p>
            {view ? <RefreshLine view={view} checkedAt={data.checkedAt} onRefresh={data.refresh} /> : null}
          </header>
          <nav aria-label={strings.viewsLabel} className={styles.tabs}>
            <TabList selectedValue={state.view} onTabSelect={(_, selected) => update({ view: selected.value as ViewId }, 'push')}>
              {VIEWS.map((id) => (
                <Tab key={id} value={id} id={`tab-${id}`} aria-controls="view-panel">
                  {strings.views[id]}
                  {id === 'datakvalitet' && view && view.problems.length > 0 ? ` (${view.problems.length})` : ''}
                </Tab>
              ))}
            </TabList>
          </nav>
          <main id="main" tabIndex={-1} className={styles.main}>
            <div role="tabpanel" id="view-panel" aria-labelledby={`tab-${state.view}`}>
            <h2 className={styles.viewHeading}>{strings.views[state.view]}</h2>
            {data.error ? <LoadProblem error={data.error} onRetry={data.refresh} /> : null}
            {view ? (
              <>
                <StaleBanner view={view} />
                {state.view === 'balanslista' ? <LocalNotice view={view} /> : null}
                <Suspense fallback={<Spinner label={strings.loading} data-testid="view-loading" />}>{panel(state.view)}</Suspense>
              </>
            ) : data.loading ? (
              <Spinner label={strings.loading} />
            ) : null}
            </div>
          </main>
          <footer className={styles.footer}>{strings.footer}</footer>
        </div>
      </Themed>
    </AppContext.Provider>
  );
}
