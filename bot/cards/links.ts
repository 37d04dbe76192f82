/**
 * Links the cards build: a view of the tab with its address state, and the form that adds an
 * ärende in SharePoint.
 */
import { isHttpsUrl } from './markdown';

const TEAMS_DEEP_LINK = /^https:\/\/teams\.microsoft\.com\/l\/entity\//;

/**
 * The tab at a view with its address state (`view=uppfoljning&year=2022`). A Teams deep link
 * carries the state as the tab's sub-entity id (`context={"subEntityId":"view=…"}`), which the tab
 * reads as `page.subPageId`; the web app's address takes it as its query.
 */
export function tabViewUrl(tabUrl: string, state: Record<string, string>): string {
  const query = new URLSearchParams(state).toString();
  let url: URL;
  try {
    url = new URL(tabUrl);
  } catch {
    return tabUrl;
  }
  if (TEAMS_DEEP_LINK.test(tabUrl)) {
    url.searchParams.set('context', JSON.stringify({ subEntityId: query }));
    return url.toString();
  }
  for (const [name, value] of Object.entries(state)) url.searchParams.set(name, value);
  return url.toString();
}

/**
 * Where a member adds an ärende: the SharePoint list's new-item form when `listUrl` is a list's
 * address (`…/Lists/Arenden`), else the address itself; null when it is not an https address
 * (the local file, or no list).
 */
export function addErrandUrl(listUrl: string | null | undefined): string | null {
  if (!isHttpsUrl(listUrl)) return null;
  const url = new URL(listUrl);
  if (/\/Lists\/[^/]+\/?$/i.test(url.pathname) && url.search === '' && url.hash === '') {
    url.pathname = `${url.pathname.replace(/\/$/, '')}/NewForm.aspx`;
    return url.toString();
  }
  return listUrl;
}
