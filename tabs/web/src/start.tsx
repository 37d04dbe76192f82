/**
 * Starts the app. `/config` is the channel tab's configuration page; every other path (`/tab`,
 * `/`) is the tab. Renders at once as a plain page and switches to the Teams host (theme,
 * language, SSO) as soon as Teams answers. When the server sent the first view and the list
 * (local mode), React replaces that HTML in one step with the same layout, keeping what the
 * reader typed and where the focus was.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { BalanceListView } from '../../../src/view-model';
import { createClient } from './api/client';
import { browserLocation, TabApp } from './components/tab-app';
import { DEFAULT_POLL_MS } from './hooks/use-balance-list';
import { connectHost } from './teams/connect';

/** `?poll=<seconds>` shortens the polling interval (kiosk screens, tests); never below 2 s. */
function pollInterval(search: string): number {
  const seconds = Number(new URLSearchParams(search).get('poll'));
  return Number.isFinite(seconds) && seconds >= 2 ? seconds * 1000 : DEFAULT_POLL_MS;
}

interface InitialData {
  etag: string | null;
  view: BalanceListView;
}

/** The list the server put in the page (`<script type="application/json" id="initial-data">`), if any. */
function initialData(): InitialData | null {
  const block = document.getElementById('initial-data');
  if (!block?.textContent) return null;
  try {
    const data = JSON.parse(block.textContent) as Partial<InitialData>;
    return data.view ? { etag: data.etag ?? null, view: data.view } : null;
  } catch {
    return null;
  }
}

/** Search and filters changed in the server-made form before the script ran go into the address. */
function adoptFormValues(container: HTMLElement): void {
  const form = container.querySelector<HTMLFormElement>('form[role="search"]');
  if (!form) return;
  const params = new URLSearchParams(window.location.search);
  let changed = false;
  for (const name of ['q', 'area', 'status', 'group']) {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (!field) continue;
    const value = field.value.trim();
    if (value === (params.get(name) ?? '')) continue;
    if (value) params.set(name, value);
    else params.delete(name);
    changed = true;
  }
  if (!changed) return;
  const search = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`);
}

export async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const initial = initialData();
  const host = await connectHost();
  const root = createRoot(container);
  if (window.location.pathname.replace(/\/+$/, '') === '/config') {
    const { ConfigPage } = await import('./components/config-page');
    root.render(<ConfigPage host={host} />);
    return;
  }
  adoptFormValues(container);
  const focused = document.activeElement instanceof HTMLElement && container.contains(document.activeElement) ? document.activeElement.dataset.focus : undefined;
  const client = createClient({ getToken: () => host.getAuthToken(), etag: initial?.etag ?? null });
  // One synchronous commit: the server's HTML is swapped for React's without a frame in between.
  flushSync(() => {
    root.render(
      <TabApp host={host} client={client} location={browserLocation()} pollMs={pollInterval(window.location.search)} initialView={initial?.view ?? null} />,
    );
  });
  if (focused) container.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focused)}"]`)?.focus();
  document.documentElement.dataset.app = 'ready';
}
