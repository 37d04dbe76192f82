/**
 * Entry of the tab's page, kept tiny. When the server has drawn the page (local mode), the
 * browser paints it first and only then loads and runs React and Fluent UI (start.tsx), which
 * hydrate it: on a slow phone the list is readable long before the script is done. Otherwise
 * (SharePoint mode) nothing is on screen yet. Inside Teams, the page this browser last drew for
 * the signed-in user is painted first: when Teams wrote that user into the address, by the
 * painter inlined in the page (inline-paint.ts) while the page was parsed, or else here at once
 * (address-paint.ts); otherwise when teams-js has named them (early-paint.ts); with none kept, the
 * page the server draws for the user once Teams has handed out the token (early-view.ts). The app
 * then loads and takes over. Outside Teams the app is fetched at once.
 */
import './styles.css';
import { paintedForAddress, paintForAddress } from './teams/address-paint';
import { expectEarlyList } from './teams/early-list';

function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** The browser's localStorage, or null where it is blocked (reading `localStorage` can throw). */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Whether this browser kept a page for some Teams user (which one is known only from Teams). */
function keptPage(storage: Storage | null): boolean {
  try {
    return storage !== null && Object.keys(storage).some((key) => key.startsWith('balanslistan:last-seen-page:'));
  } catch {
    return false;
  }
}

const serverDrawn = document.getElementById('initial-data') !== null;
const root = document.getElementById('root');
const inTeams = window.parent !== window || window.opener !== null;

const teamsPage = !serverDrawn && root !== null && inTeams;
const storage = teamsPage ? browserStorage() : null;
// Teams wrote the user and tenant into the address and this browser kept a page for exactly
// them: painted already by the page's inline painter, or now (a page sent without it), before
// the Teams library has loaded; teams-js then confirms or wipes it. Both paint the notice kept
// with the page: the entry script carries no strings, so that it stays small and quick to run
// on a repeat visit. A page kept without its notice is painted once teams-js has answered.
const painted = teamsPage && root !== null ? (paintedForAddress(window.location.search, root) ?? paintForAddress(storage, window.location.search, root)) : null;
// Framed or opened by Teams (SharePoint mode) with a page kept from an earlier visit: that page
// is painted for the signed-in user as soon as Teams answers, before the app's code (which
// would hold up the main thread) runs. With nothing kept, the app loads at once.
const kept = teamsPage && painted === null && keptPage(storage);
// Inside Teams the list is asked for as soon as Teams answers, while the app's code loads.
// With the kept page already in, the Teams library is evaluated only after that page has been
// painted: evaluating it first would hold the first frame back by as long as it takes.
const early =
  teamsPage && root !== null
    ? (painted ? afterFirstPaint() : Promise.resolve()).then(() => import('./teams/early-paint')).then((module) => module.startEarly(root, kept, painted))
    : null;
if (early) expectEarlyList(early);
// Inside Teams the app's code runs only once Teams has answered and the page is on screen: the
// kept page on a repeat visit, the page the server drew for the user on a first one (the app draws
// nothing before Teams answers anyway). Evaluating React and Fluent UI earlier would hold up the
// main thread while the page is painted and Teams's answers handled.
// A server that is slow to draw the first view holds the app back no longer than this.
const EARLY_WAIT_MS = 2500;
const firstPaint: Promise<void> = serverDrawn
  ? afterFirstPaint()
  : early
    ? Promise.race([early, new Promise((resolve) => window.setTimeout(resolve, EARLY_WAIT_MS))]).then(afterFirstPaint, afterFirstPaint)
    : Promise.resolve();

void firstPaint.then(() => import('./start')).then((module) => module.start());
