/**
 * Entry of the tab's page, kept tiny. When the server has drawn the page (local mode), the
 * browser paints it first and only then loads and runs React and Fluent UI (start.tsx), which
 * hydrate it: on a slow phone the list is readable long before the script is done. Otherwise
 * (SharePoint mode) nothing is on screen yet: the app is fetched at once and, inside Teams, the
 * page this browser last drew for the signed-in user is painted while it loads (early-paint.ts).
 */
import './styles.css';
import { expectEarlyList } from './teams/early-list';

function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Whether this browser kept a page for some Teams user (which one is known only from Teams). */
function keptPage(): boolean {
  try {
    return Object.keys(window.localStorage).some((key) => key.startsWith('balanslistan:last-seen-page:'));
  } catch {
    return false;
  }
}

const serverDrawn = document.getElementById('initial-data') !== null;
const root = document.getElementById('root');
const inTeams = window.parent !== window || window.opener !== null;

// Framed or opened by Teams (SharePoint mode) with a page kept from an earlier visit: that page
// is painted for the signed-in user as soon as Teams answers, before the app's code (which
// would hold up the main thread) runs. With nothing kept, the app loads at once.
const kept = !serverDrawn && root !== null && inTeams && keptPage();
// Inside Teams the list is asked for as soon as Teams answers, while the app's code loads.
const early = !serverDrawn && root !== null && inTeams ? import('./teams/early-paint').then((module) => module.startEarly(root, kept)) : null;
if (early) expectEarlyList(early);
// The app's code runs only once the kept page is on screen: parsing it would hold the frame up.
// Without one it loads at once, beside the Teams library.
const firstPaint: Promise<void> = serverDrawn ? afterFirstPaint() : kept && early ? early.then(afterFirstPaint, afterFirstPaint) : Promise.resolve();

void firstPaint.then(() => import('./start')).then((module) => module.start());
