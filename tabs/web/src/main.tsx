/**
 * Entry of the tab's page, kept tiny: in local mode the server has already drawn the first view,
 * so the browser paints it first and only then loads and runs React and Fluent UI (start.tsx),
 * which take over the page. On a slow phone the list is readable long before the script is done.
 */
import './styles.css';

function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

void afterFirstPaint()
  .then(() => import('./start'))
  .then((module) => module.start());
