/**
 * The tab: header with the refresh state, the six views as tabs, and the current view.
 * The view, search and filters live in the address so a filtered view can be shared.
 */
import { Spinner, Tab, TabList, makeStyles } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BalanceListClient } from '../api/client';
import { createFollowUpClient, type FollowUpClient, type FollowUpResponse } from '../api/follow-up-client';
import { createTeamsMeetingClient } from '../api/teams-meeting-client';
import type { BalanceListView } from '../../../../src/view-model';
import type { LastSeen, LastSeenStore } from '../model/last-seen';
import { useBalanceList } from '../hooks/use-balance-list';
import { meetingPanelStringsFor } from '../i18n/meeting-panel-strings';
import { languageOf, stringsFor } from '../i18n/strings';
import { formatUrlState, parseUrlState, VIEWS, type UrlState, type ViewId } from '../model/url-state';
import type { Host } from '../teams/host';
import { BalanceListPanel } from '../views/balance-list-view';
import { AppContext } from './app-context';
import { CheckingNotice } from './checking-notice';
import { LoadProblem } from './load-problem';
import { NoScriptViews } from './no-script';
import { DemoNotice, LocalNotice, RefreshLine, StaleBanner } from './status-header';
import { Themed } from './themed';

// The first view loads with the page; the others (and their table code) when first opened.
const AgreementsPanel = lazy(() => import('../views/agreements-view').then((module) => ({ default: module.AgreementsPanel })));
const MeetingsPanel = lazy(() => import('../views/meetings-view').then((module) => ({ default: module.MeetingsPanel })));
const ActionsPanel = lazy(() => import('../views/actions-view').then((module) => ({ default: module.ActionsPanel })));
const MeetingPanel = lazy(() => import('../views/meeting-panel-view').then((module) => ({ default: module.MeetingPanel })));
const FollowUpPanel = lazy(() => import('../views/follow-up-view').then((module) => ({ default: module.FollowUpPanel })));
const DataQualityPanel = lazy(() => import('../views/data-quality-view').then((module) => ({ default: module.DataQualityPanel })));

// The page frame uses the plain classes of styles.css, shared with the server-made first view.
const useStyles = makeStyles({
  // On a phone the views wrap onto a second row instead of being cut off.
  tabList: { flexWrap: 'wrap' },
});

export interface Location {
  search: string;
  push(search: string): void;
  replace(search: string): void;
  /** Subscribes to back/forward navigation. */
  listen(listener: () => void): () => void;
}

/**
 * Says on the page (`<html data-view>`) which view's own code has taken over its markup. A view
 * loaded on demand hydrates after the rest of the page, and a control in it does nothing until
 * then; the browser tests wait for this before they press one.
 */
function ViewMounted({ view }: { view: string }) {
  useEffect(() => {
    document.documentElement.dataset.view = view;
  }, [view]);
  return null;
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
  /** The list the page came with (local mode), so the first view needs no request. */
  initialView?: BalanceListView | null;
  /** When the server read that list, so the page shows the same time the server drew. */
  initialCheckedAt?: Date | null;
  /** SharePoint mode: the list this browser last saw for the signed-in user, shown until the API answers. */
  lastSeen?: { store: LastSeenStore; remembered: LastSeen | null; onConfirmed?: () => void } | null;
  /** Reads the year's follow-up; by default the page's own API, with the host's sign-in token. */
  followUpClient?: FollowUpClient;
  /** The year's follow-up the page came with (local mode, Uppföljning), so that view needs no request. */
  initialFollowUp?: FollowUpResponse | null;
}

export function TabApp({ host, client, location, pollMs, initialView, initialCheckedAt, lastSeen, followUpClient, initialFollowUp }: Props) {
  const styles = useStyles();
  const strings = stringsFor(languageOf(host.locale));
  const [state, setState] = useState<UrlState>(() => parseUrlState(location.search));
  const data = useBalanceList(client, pollMs, initialView ?? null, initialCheckedAt ?? null, lastSeen ?? null);

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

  // A deep link from a bot card opens the tab with its state as Teams' sub-page id
  // (`view=uppfoljning&year=2017`); it is applied once, when the Teams host is known.
  const deepLinked = useRef(false);
  useEffect(() => {
    if (deepLinked.current || !host.deepLink) return;
    deepLinked.current = true;
    update(parseUrlState(`?${host.deepLink.replace(/^\?/, '')}`));
  }, [host, update]);

  const context = useMemo(() => ({ strings, host, showItemIds: state.ids }), [strings, host, state.ids]);
  const view = data.view;
  // SharePoint mode wants the token from the first call; the local API answers without one.
  const source = useRef(view?.source);
  source.current = view?.source;
  // The host changes once when the page moves from the server-drawn view to the Teams host; the
  // client reads it through a ref so that change does not load the year's follow-up again.
  const currentHost = useRef(host);
  currentHost.current = host;
  const followUp = useMemo(
    () => followUpClient ?? createFollowUpClient({ getToken: () => currentHost.current.getAuthToken(), tokenFirst: () => source.current === 'sharepoint' }),
    [followUpClient],
  );

  // The side panel asks the app's server for the Teams meeting's details before Teams itself.
  const teamsMeetings = useMemo(
    () => createTeamsMeetingClient({ getToken: () => currentHost.current.getAuthToken(), tokenFirst: () => source.current === 'sharepoint' }),
    [],
  );

  const panel = (id: ViewId) => {
    if (!view) return null;
    switch (id) {
      case 'balanslista':
        return <BalanceListPanel view={view} state={state} onChange={update} />;
      case 'avtal':
        return <AgreementsPanel view={view} state={state} onChange={update} />;
      case 'moten':
        return <MeetingsPanel view={view} focus={state.meeting} documents={followUp} />;
      case 'uppdrag':
        return <ActionsPanel view={view} state={state} onChange={update} />;
      case 'uppfoljning':
        return (
          <FollowUpPanel
            view={view}
            client={followUp}
            initial={initialFollowUp ?? null}
            state={state}
            year={state.year}
            onYear={(year) => update({ year }, 'push')}
            downloadRequested={state.download === 'docx'}
            onDownloadTaken={() => update({ download: null })}
          />
        );
      case 'datakvalitet':
        return <DataQualityPanel view={view} />;
    }
  };

  // In a Teams meeting's side panel (320 px) the tab is that meeting's agenda, nothing else.
  if (host.meeting?.frameContext === 'sidePanel') {
    const meetingWords = meetingPanelStringsFor(strings.language);
    return (
      <AppContext.Provider value={context}>
        <Themed host={host} language={strings.language}>
          <div className="tab-page side-panel">
            <header className="tab-header">
              <h1 className="tab-title">{strings.appTitle}</h1>
            </header>
            <main id="main" tabIndex={-1} className="tab-main">
              <h2 className="tab-view-heading">{meetingWords.heading}</h2>
              {data.error ? <LoadProblem error={data.error} onRetry={data.refresh} lastCopyAt={view ? data.checkedAt : null} /> : null}
              {view ? (
                <div inert={data.unconfirmed} aria-busy={data.unconfirmed || undefined}>
                  <StaleBanner view={view} />
                  <Suspense fallback={<Spinner label={strings.loading} data-testid="view-loading" />}>
                    <MeetingPanel
                      view={view}
                      meeting={host.meeting}
                      chosen={state.meeting}
                      onChoose={(id) => update({ meeting: id })}
                      documents={followUp}
                      server={teamsMeetings}
                    />
                    <ViewMounted view="sidopanel" />
                  </Suspense>
                </div>
              ) : data.loading ? (
                <Spinner label={strings.loading} />
              ) : null}
            </main>
          </div>
        </Themed>
      </AppContext.Provider>
    );
  }

  return (
    <AppContext.Provider value={context}>
      <Themed host={host} language={strings.language}>
        <div className="tab-page">
          <a className="skip-link" href="#main" data-focus="skip">
            {strings.skipToContent}
          </a>
          <header className="tab-header">
            <h1 className="tab-title">{strings.appTitle}</h1>
            <p className="tab-subtitle">{strings.appSubtitle}</p>
            {view ? <RefreshLine view={view} checkedAt={data.checkedAt} live={data.live} onRefresh={data.refresh} /> : null}
            {view ? <DemoNotice view={view} /> : null}
          </header>
          <nav aria-label={strings.viewsLabel} className="tab-nav">
            <TabList className={styles.tabList} selectedValue={state.view} onTabSelect={(_, selected) => update({ view: selected.value as ViewId }, 'push')}>
              {VIEWS.map((id) => (
                <Tab key={id} value={id} id={`tab-${id}`} aria-controls="view-panel" data-focus={`tab-${id}`}>
                  {strings.views[id]}
                  {id === 'datakvalitet' && view && view.problems.length > 0 ? ` (${view.problems.length})` : ''}
                </Tab>
              ))}
            </TabList>
            <NoScriptViews state={state} search={location.search} />
          </nav>
          <main id="main" tabIndex={-1} className="tab-main">
            <div role="tabpanel" id="view-panel" aria-labelledby={`tab-${state.view}`}>
              <h2 className="tab-view-heading">{strings.views[state.view]}</h2>
              {data.error ? <LoadProblem error={data.error} onRetry={data.refresh} lastCopyAt={view ? data.checkedAt : null} /> : null}
              {view && data.unconfirmed ? <CheckingNotice /> : null}
              {view ? (
                // An unconfirmed list is for reading only: no edits, links or filters until it is checked.
                <div inert={data.unconfirmed} aria-busy={data.unconfirmed || undefined}>
                  <StaleBanner view={view} />
                  <LocalNotice view={view} showIds={state.ids} onToggleIds={() => update({ ids: !state.ids })} search={location.search} />
                  <Suspense fallback={<Spinner label={strings.loading} data-testid="view-loading" />}>
                    {panel(state.view)}
                    <ViewMounted view={state.view} />
                  </Suspense>
                </div>
              ) : data.loading ? (
                <Spinner label={strings.loading} />
              ) : null}
            </div>
          </main>
          <footer className="tab-footer">{strings.footer}</footer>
        </div>
      </Themed>
    </AppContext.Provider>
  );
}
