/**
 * A first visit inside Teams in SharePoint mode (nothing kept from an earlier one): as soon as
 * Teams has handed out the SSO token, the page is asked for already drawn for the signed-in user
 * (`GET /api/first-view`, behind the same sign-in as the list) and put on screen before React and
 * Fluent UI have loaded. The app (start.tsx) then hydrates it with the data it was drawn with,
 * as it hydrates local mode's page; it takes that data only for the same user and tenant.
 */
import { languageOf } from '../i18n/strings';
import type { PageData, RenderedPage } from '../ssr/page-data';
import type { Account, ThemeName } from './host';

/** What was put on screen, for the app to hydrate. */
export interface DrawnFirstView {
  account: Account;
  data: PageData;
}

let drawn: DrawnFirstView | null = null;
// The app has started drawing itself: an answer arriving later is not put on screen.
let appStarted = false;

function isRenderedPage(value: unknown): value is RenderedPage {
  const page = value as Partial<RenderedPage> | null;
  return (
    typeof page?.html === 'string' &&
    typeof page.styles === 'string' &&
    typeof page.data?.checkedAt === 'string' &&
    typeof page.data.locale === 'string' &&
    typeof page.data.theme === 'string' &&
    typeof page.data.view === 'object' &&
    page.data.view !== null
  );
}

/**
 * Asks for the page drawn for `account` at `search` (the address without the account) in
 * `locale` and `theme`, and draws it into `container` (with Fluent UI's style elements in the
 * head). True when it is on screen; false when the server could not or would not draw it (a
 * refusal, consent needed, no renderer): the app then asks for the list itself and says why.
 */
export async function drawFirstView(
  container: HTMLElement,
  account: Account,
  token: Promise<string>,
  view: { search: string; locale: string; theme: ThemeName },
): Promise<boolean> {
  let page: unknown;
  try {
    const query = new URLSearchParams({ page: view.search, locale: view.locale, theme: view.theme });
    const response = await fetch(`/api/first-view?${query.toString()}`, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${await token}` },
      credentials: 'same-origin',
    });
    if (!response.ok) return false;
    page = await response.json();
  } catch {
    return false;
  }
  // The app went ahead without it (the server was slow), or something else is on screen: leave it.
  if (!isRenderedPage(page) || appStarted || container.childElementCount > 0) return false;
  const document = container.ownerDocument;
  // Our own server's markup (React escaped every text from the list); scripts never run from it.
  document.head.append(document.createRange().createContextualFragment(page.styles));
  container.innerHTML = page.html;
  container.dataset.firstView = 'drawn';
  document.documentElement.lang = languageOf(page.data.locale);
  drawn = { account, data: page.data };
  return true;
}

/** Takes a first view the app will not hydrate off the screen (it was not drawn for the Teams user). */
export function unpaintFirstView(container: HTMLElement): void {
  if (container.dataset.firstView !== 'drawn') return;
  container.replaceChildren();
  delete container.dataset.firstView;
}

/** The first view drawn for `account`, once: null when none was, or it was drawn for someone else. */
export function takeFirstView(account: Account | null): PageData | null {
  appStarted = true;
  const taken = drawn;
  drawn = null;
  if (!taken || !account || taken.account.userId !== account.userId || taken.account.tenantId !== account.tenantId) return null;
  return taken.data;
}
