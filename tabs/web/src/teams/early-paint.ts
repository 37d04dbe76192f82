/**
 * SharePoint mode inside Teams, before React and Fluent UI have loaded: as soon as Teams says who
 * is signed in, asks for the list with the SSO token (early-list.ts) and, on a repeat visit,
 * paints the page this browser last drew for that user (model/last-seen-page.ts). The app
 * (start.tsx) replaces the page when it renders and takes the answer over. Outside Teams, or when
 * Teams does not answer quickly, nothing is painted or asked.
 */
// A static import: the library is fetched together with this module, not after it.
import { app, authentication } from '@microsoft/teams-js';
import { languageOf, stringsFor } from '../i18n/strings';
import { lastSeenStore } from '../model/last-seen';
import { paintPage } from '../model/last-seen-page';
import { requestListEarly, type EarlyListRequest } from './early-list';

const INIT_TIMEOUT_MS = 1500;

/**
 * Asks for the list at once and, with `paint`, paints the kept page. Resolves, once painted (or
 * not to be), with the request made, or null when Teams did not answer or named nobody.
 */
export async function startEarly(container: HTMLElement, paint: boolean): Promise<EarlyListRequest | null> {
  try {
    const ready = await Promise.race([
      app.initialize().then(() => true),
      new Promise<false>((resolve) => window.setTimeout(() => resolve(false), INIT_TIMEOUT_MS)),
    ]);
    if (!ready) return null;
    const context = await app.getContext();
    const userId = context.user?.id;
    const tenantId = context.user?.tenant?.id;
    if (!userId || !tenantId) return null;
    const account = { userId, tenantId };
    const storage = browserStorage();
    // Teams answers the token request while the kept page is painted.
    const token = authentication.getAuthToken();
    // Handled by the request below; this only keeps a refusal from being reported as unhandled.
    token.catch(() => undefined);
    if (paint) {
      const search = window.location.search;
      const strings = stringsFor(languageOf(new URLSearchParams(search).get('lang') ?? context.app.locale));
      paintPage(storage, account, search, container, { title: strings.checkingTitle, body: strings.checkingBody });
    }
    // With the remembered list's ETag, as the app would ask: an unchanged list is a 304.
    return requestListEarly(account, token, lastSeenStore(storage, account).read()?.etag ?? null);
  } catch {
    // No Teams after all: the app draws the page and asks for the list itself.
    return null;
  }
}

/** The browser's localStorage, or null where it is blocked (reading `localStorage` can throw). */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
