/**
 * Entry of the tab's page. `/config` is the channel tab's configuration page; every other path
 * (`/tab`, `/`) is the tab. Renders at once as a plain page and switches to the Teams host
 * (theme, language, SSO) as soon as Teams answers.
 */
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { browserLocation, TabApp } from './components/tab-app';
import { DEFAULT_POLL_MS } from './hooks/use-balance-list';
import './styles.css';
import { connectHost } from './teams/connect';

/** `?poll=<seconds>` shortens the polling interval (kiosk screens, tests); never below 2 s. */
function pollInterval(search: string): number {
  const seconds = Number(new URLSearchParams(search).get('poll'));
  return Number.isFinite(seconds) && seconds >= 2 ? seconds * 1000 : DEFAULT_POLL_MS;
}

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  const host = await connectHost();
  if (window.location.pathname.replace(/\/+$/, '') === '/config') {
    const { ConfigPage } = await import('./components/config-page');
    root.render(<ConfigPage host={host} />);
    return;
  }
  const client = createClient({ getToken: () => host.getAuthToken() });
  root.render(<TabApp host={host} client={client} location={browserLocation()} pollMs={pollInterval(window.location.search)} />);
}

void start();
