/**
 * Entry of the tab's page, kept tiny. When the server has drawn the page (local mode), the
 * browser paints it first and only then loads and runs React and Fluent UI (start.tsx), which
 * hydrate it: on a slow phone the list is readable long before the script is done. Otherwise
 * (SharePoint mode) nothing is on screen yet, so the app and, inside Teams, the Teams library
 * are fetched at once and side by side.
 */
import './styles.css';

function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

const serverDrawn = document.getElementById('initial-data') !== null;
// Framed or opened by Teams: start fetching the library start.tsx is about to ask for.
if (!serverDrawn && (window.parent !== window || window.opener)) void import('@microsoft/teams-js');

void (serverDrawn ? afterFirstPaint() : Promise.resolve())
  .then(() => import('./start'))
  .then((module) => module.start());
