/**
 * SharePoint mode inside Teams, before React and Fluent UI have loaded: as soon as Teams says who
 * is signed in, asks for the list with the SSO token (early-list.ts) and, on a repeat visit,
 * paints the page this browser last drew for that user (model/last-seen-page.ts), unless it is
 * on screen already because the address named that user (address-paint.ts). With nothing kept
 * for that user (a first visit), it draws the page the server drew for them (early-view.ts). When Teams names
 * someone else than the address did, the page painted from the address is wiped. The app
 * (start.tsx) replaces the page when it renders and takes the answer over. Outside Teams, or when
 * Teams does not answer quickly, nothing more is painted or asked.
 */
// A static import: the library is fetched together with this module, not after it.
import { app, authentication } from '@microsoft/teams-js';
import { languageOf, stringsFor } from '../i18n/strings';
import { lastSeenStore } from '../model/last-seen';
import { paintPage, unpaintPage } from '../model/last-seen-page';
import { sameAccount, searchWithoutAccount } from './address-account';
import { wipePainted } from './address-paint';
import { requestListEarly, type EarlyListRequest } from './early-list';
import { drawFirstView } from './early-view';
import { themeFromTeams, type Account } from './host';

const INIT_TIMEOUT_MS = 1500;

/**
 * Asks for the list at once and, with `paint`, paints the kept page. `painted` is the account
 * whose page is already on screen because the address named it: kept when Teams names the same
 * user and tenant, wiped otherwise (and then nothing else is painted). Resolves, once painted (or
 * not to be), with the request made, or null when Teams did not answer or named nobody.
 */
export async function startEarly(container: HTMLElement, paint: boolean, painted: Account | null = null): Promise<EarlyListRequest | null> {
  try {
    return await askAndPaint(container, paint, painted);
  } catch {
    // No Teams after all: nothing may stay on screen that Teams has not vouched for; the app
    // draws the page and asks for the list itself.
    if (painted) unpaintPage(container);
    return null;
  }
}

async function askAndPaint(container: HTMLElement, paint: boolean, painted: Account | null): Promise<EarlyListRequest | null> {
  const ready = await Promise.race([
    app.initialize().then(() => true),
    new Promise<false>((resolve) => window.setTimeout(() => resolve(false), INIT_TIMEOUT_MS)),
  ]);
  const storage = browserStorage();
  if (!ready) {
    if (painted) unpaintPage(container);
    return null;
  }
  const context = await app.getContext();
  const userId = context.user?.id;
  const tenantId = context.user?.tenant?.id;
  const account = userId && tenantId ? { userId, tenantId } : null;
  // The address named someone Teams did not: wipe what was painted for them, paint nothing else.
  if (painted && (!account || !sameAccount(painted, account))) wipePainted(storage, painted, container);
  if (!account) return null;
  // Teams answers the token request while the kept page is painted.
  const token = authentication.getAuthToken();
  // Handled by the request below; this only keeps a refusal from being reported as unhandled.
  token.catch(() => undefined);
  const search = searchWithoutAccount(window.location.search);
  // A page painted from the address is the one that would be painted here.
  let onScreen = painted !== null && sameAccount(painted, account);
  if (paint && !painted) {
    const strings = stringsFor(languageOf(new URLSearchParams(search).get('lang') ?? context.app.locale));
    onScreen = paintPage(storage, account, search, container, { title: strings.checkingTitle, body: strings.checkingBody });
  }
  // Nothing kept for this user here (a first visit): the page drawn for them on the server, which
  // carries the list; the app hydrates it. If the server does not draw it, the app asks itself.
  if (!onScreen) {
    const locale = new URLSearchParams(search).get('lang') ?? context.app.locale;
    await drawFirstView(container, account, token, { search, locale, theme: themeFromTeams(context.app.theme) });
    return null;
  }
  // With the remembered list's ETag, as the app would ask: an unchanged list is a 304.
  return requestListEarly(account, token, lastSeenStore(storage, account).read()?.etag ?? null);
}

/** The browser's localStorage, or null where it is blocked (reading `localStorage` can throw). */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
