/**
 * SharePoint mode, repeat visit: as soon as Teams says who is signed in, paints the page this
 * browser last drew for that user (model/last-seen-page.ts), before React and Fluent UI have
 * loaded. The app (start.tsx) replaces it when it renders. Outside Teams, or when Teams does not
 * answer quickly, nothing is painted.
 */
// A static import: the library is fetched together with this module, not after it.
import { app } from '@microsoft/teams-js';
import { languageOf, stringsFor } from '../i18n/strings';
import { paintPage } from '../model/last-seen-page';

const INIT_TIMEOUT_MS = 1500;

export async function paintLastSeen(container: HTMLElement): Promise<void> {
  try {
    const ready = await Promise.race([
      app.initialize().then(() => true),
      new Promise<false>((resolve) => window.setTimeout(() => resolve(false), INIT_TIMEOUT_MS)),
    ]);
    if (!ready) return;
    const context = await app.getContext();
    const userId = context.user?.id;
    const tenantId = context.user?.tenant?.id;
    if (!userId || !tenantId) return;
    const search = window.location.search;
    const strings = stringsFor(languageOf(new URLSearchParams(search).get('lang') ?? context.app.locale));
    paintPage(window.localStorage, { userId, tenantId }, search, container, { title: strings.checkingTitle, body: strings.checkingBody });
  } catch {
    // Blocked storage or no Teams: the app draws the page itself.
  }
}
