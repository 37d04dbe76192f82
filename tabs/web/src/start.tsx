/**
 * Starts the app. `/config` is the channel tab's configuration page; every other path (`/tab`,
 * `/`) is the tab. When the server drew the page (local mode), React hydrates that markup with
 * the very input the server used (the `#initial-data` block) and then switches to the Teams host
 * (theme, language, SSO) once Teams answers. Otherwise (SharePoint mode) it waits until Teams has
 * said who is signed in: on a first visit it hydrates the page the server drew for that user
 * (teams/early-view.ts) the same way; else it renders with the list this browser last saw for
 * that user and tenant, marked as being checked, until the API answers.
 */
import { createDOMRenderer } from '@fluentui/react-components';
import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { checkingNotice } from './i18n/checking-notice';
import { browserLocation } from './components/tab-app';
import { DEFAULT_POLL_MS } from './hooks/use-balance-list';
import { lastSeenStore, type LastSeen, type LastSeenStore } from './model/last-seen';
import { claimPage, forgetPage, savePage, unpaintPage } from './model/last-seen-page';
import { Page } from './ssr/page';
import type { PageData } from './ssr/page-data';
import { accountFromAddress, sameAccount, searchWithoutAccount } from './teams/address-account';
import { connectHost } from './teams/connect';
import { takeEarlyList } from './teams/early-list';
import { takeFirstView, unpaintFirstView } from './teams/early-view';
import { browserHost, type Host } from './teams/host';

/** `?poll=<seconds>` shortens the polling interval (kiosk screens, tests); never below 2 s. */
function pollInterval(search: string): number {
  const seconds = Number(new URLSearchParams(search).get('poll'));
  return Number.isFinite(seconds) && seconds >= 2 ? seconds * 1000 : DEFAULT_POLL_MS;
}

/** What the server drew the page with (`<script type="application/json" id="initial-data">`), if anything. */
function pageData(): PageData | null {
  const block = document.getElementById('initial-data');
  if (!block?.textContent) return null;
  try {
    const data = JSON.parse(block.textContent) as Partial<PageData>;
    return data.view && data.checkedAt && data.locale && data.theme ? (data as PageData) : null;
  } catch {
    return null;
  }
}

/** Search and filters typed into the server-drawn form before the script ran, as the address would have them. */
function typedSearch(container: HTMLElement): string | null {
  const form = container.querySelector<HTMLFormElement>('form[role="search"]');
  if (!form) return null;
  const params = new URLSearchParams(window.location.search);
  let changed = false;
  for (const name of ['q', 'area', 'status', 'group', 'state']) {
    const field = form.elements.namedItem(name);
    if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement) || field.type === 'hidden') continue;
    const value = field.value.trim();
    if (value === (params.get(name) ?? '')) continue;
    if (value) params.set(name, value);
    else params.delete(name);
    changed = true;
  }
  const search = params.toString();
  return changed ? (search ? `?${search}` : '') : null;
}

/** The browser's localStorage, or null where it is blocked (reading `localStorage` can throw). */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Moves the address to `search` and lets the app follow it as it follows back/forward. */
function adoptSearch(search: string): void {
  window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

const markReady = () => {
  document.documentElement.dataset.app = 'ready';
};

export async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const hostReady = connectHost();
  if (window.location.pathname.replace(/\/+$/, '') === '/config') {
    const [{ ConfigPage }, host] = await Promise.all([import('./components/config-page'), hostReady]);
    createRoot(container).render(<ConfigPage host={host} />);
    markReady();
    return;
  }
  const inPage = pageData();
  const location = browserLocation();
  // SharePoint mode: the list this browser last saw for the signed-in user, and its ETag, so an
  // unchanged list is confirmed with a 304.
  const host = inPage ? null : await hostReady;
  const account = host?.account ?? null;
  // SharePoint mode, first visit: the page the server drew for this user (teams/early-view.ts),
  // hydrated like local mode's. Drawn for anyone else, it goes.
  const drawn = inPage ? null : takeFirstView(account);
  if (!inPage && !drawn) unpaintFirstView(container);
  const data = inPage ?? drawn;
  // Created once the server's style elements are all in the head, so it takes them over.
  const renderer = createDOMRenderer(document);
  // Never draw over a page painted for someone the Teams context did not name (early-paint.ts
  // wipes it too; whichever hears from Teams first). From here on the container is the app's.
  const addressed = accountFromAddress(window.location.search);
  if (!inPage && addressed && (!account || !sameAccount(addressed, account))) unpaintPage(container);
  if (!inPage) claimPage(container);
  const storage = browserStorage();
  let store: LastSeenStore | null = null;
  let onConfirmed: (() => void) | undefined;
  if (account) {
    const list = lastSeenStore(storage, account);
    store = { ...list, forget: () => (list.forget(), forgetPage(storage, account)) };
    // The page as drawn for the confirmed list, for the next visit to paint before the app loads.
    // With the notice to paint over it, in its language, for the painter inlined in the page.
    onConfirmed = () =>
      requestAnimationFrame(() =>
        window.setTimeout(() => {
          const search = window.location.search;
          const notice = checkingNotice(search)(document.documentElement.lang || null);
          savePage(storage, account, searchWithoutAccount(search), container, notice);
        }, 0),
      );
  }
  const remembered: LastSeen | null = store?.read() ?? null;
  const etag = data?.etag ?? remembered?.etag ?? null;
  const client = createClient({
    getToken: async () => (await hostReady).getAuthToken(),
    etag,
    tokenFirst: host?.inTeams === true,
    firstResponse: data ? null : takeEarlyList(account, etag),
  });
  const page = (pageHost: Host, onMounted?: () => void) => (
    <Page
      renderer={renderer}
      host={pageHost}
      client={client}
      location={location}
      pollMs={pollInterval(window.location.search)}
      initialView={data?.view ?? null}
      initialCheckedAt={data ? new Date(data.checkedAt) : null}
      initialFollowUp={data?.followUp ?? null}
      lastSeen={store ? { store, remembered, onConfirmed } : null}
      onMounted={onMounted}
    />
  );

  if (data && container.firstElementChild) {
    const typed = typedSearch(container);
    let hydrated: () => void = () => undefined;
    const mounted = new Promise<void>((resolve) => (hydrated = resolve));
    const root = hydrateRoot(
      container,
      page(browserHost({ locale: data.locale, theme: data.theme }), () => {
        if (typed !== null) adoptSearch(typed);
        // The API drew it for this user: kept like any list it has confirmed, for the next visit.
        if (drawn && store) {
          store.write({ view: drawn.view, etag: drawn.etag });
          onConfirmed?.();
        }
        markReady();
        hydrated();
      }),
      {
        // A mismatch means the browser drew differently from the server: React recovers by
        // drawing that part again. Reported as React would, and marked for the browser tests.
        onRecoverableError: (error) => {
          document.documentElement.dataset.hydration = 'recovered';
          reportError(error);
        },
      },
    );
    const [teamsHost] = await Promise.all([hostReady, mounted]);
    // A transition: views whose code is still loading keep the server's markup until they
    // hydrate, instead of being drawn again from scratch.
    startTransition(() => root.render(page(teamsHost)));
    return;
  }
  createRoot(container).render(page(host ?? (await hostReady), markReady));
}
