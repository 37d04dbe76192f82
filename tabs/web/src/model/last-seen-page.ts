/**
 * The page as this browser last drew it for a Teams user (SharePoint mode): the tab's markup and
 * Fluent UI's style rules, so that a repeat visit can paint it before React and Fluent UI have
 * even loaded, as soon as Teams has said who is signed in. It sits beside the remembered list
 * (last-seen.ts), under the same user and tenant, and is dropped with it. The markup is React's
 * own output (all text escaped) from this origin; it is painted read-only and only for the same
 * user, tenant and address.
 */
import type { Account } from '../teams/host';
import type { KeyValueStorage } from './last-seen';
import { classesIn, usedRules } from './used-css-rules';

const VERSION = 1;

interface StyleSheetCopy {
  /** Griffel's bucket (`data-make-styles-bucket`) or the FluentProvider's style element id. */
  bucket: string | null;
  id: string | null;
  media: string | null;
  css: string;
}

interface StoredPage {
  version: number;
  userId: string;
  tenantId: string;
  search: string;
  /** The page's language when kept (`<html lang>`), for the notice painted over it. */
  lang?: string;
  html: string;
  styles: StyleSheetCopy[];
  /**
   * The "being checked" notice in the page's language, so that the painter inlined in the page
   * (teams/inline-paint.ts), which carries no strings, can paint it too.
   */
  notice?: CheckingNotice;
}

/** The "being checked" notice painted over a kept page, in the page's language. */
export interface CheckingNotice {
  title: string;
  body: string;
}

// Marks the style elements a kept page brought, so they go with it when it is wiped.
const KEPT_STYLE = 'lastSeenStyle';

export function lastSeenPageKey(account: Account): string {
  return `balanslistan:last-seen-page:v${VERSION}:${account.tenantId}:${account.userId}`;
}

// Fluent UI's rules: Griffel's buckets and each FluentProvider's theme variables.
const FLUENT_STYLES = 'style[data-make-styles-bucket], style[id^="fui-"]';

/** Fluent's rules that the kept markup uses (a fraction of all Fluent has inserted), per style element. */
function copyStyles(container: HTMLElement): StyleSheetCopy[] {
  const classes = classesIn(container);
  const copies: StyleSheetCopy[] = [];
  for (const element of container.ownerDocument.querySelectorAll<HTMLStyleElement>(FLUENT_STYLES)) {
    // Griffel inserts rules through the CSSOM, so the element's text is empty: read the rules.
    const css = element.sheet ? usedRules(element.sheet.cssRules, classes).join('\n') : (element.textContent ?? '');
    if (css === '') continue;
    copies.push({ bucket: element.dataset.makeStylesBucket ?? null, id: element.id || null, media: element.media || null, css });
  }
  return copies;
}

/**
 * Keeps what `container` shows now for `account` at `search`, with the notice to paint over it
 * in its language; storage problems keep nothing.
 */
export function savePage(storage: KeyValueStorage | null, account: Account, search: string, container: HTMLElement, notice?: CheckingNotice): void {
  const page: StoredPage = {
    version: VERSION,
    userId: account.userId,
    tenantId: account.tenantId,
    search,
    lang: container.ownerDocument.documentElement.lang,
    html: container.innerHTML,
    styles: copyStyles(container),
    ...(notice ? { notice: { title: notice.title, body: notice.body } } : {}),
  };
  try {
    storage?.setItem(lastSeenPageKey(account), JSON.stringify(page));
  } catch {
    forgetPage(storage, account);
  }
}

export function forgetPage(storage: KeyValueStorage | null, account: Account): void {
  try {
    storage?.removeItem(lastSeenPageKey(account));
  } catch {
    // Blocked storage: nothing was kept.
  }
}

function readPage(storage: KeyValueStorage | null, account: Account): StoredPage | null {
  let page: Partial<StoredPage> | null;
  try {
    page = JSON.parse(storage?.getItem(lastSeenPageKey(account)) ?? 'null') as Partial<StoredPage> | null;
  } catch {
    return null;
  }
  if (!page || page.version !== VERSION || page.userId !== account.userId || page.tenantId !== account.tenantId) return null;
  if (typeof page.html !== 'string' || typeof page.search !== 'string' || !Array.isArray(page.styles)) return null;
  return page as StoredPage;
}

function isNotice(value: unknown): value is CheckingNotice {
  const notice = value as Partial<CheckingNotice> | null | undefined;
  return typeof notice?.title === 'string' && typeof notice.body === 'string';
}

/**
 * Paints the page kept for `account` at `search` into an empty `container`, read-only (inert)
 * under a "being checked" notice: `notice`, or the notice for the kept page's language (null when
 * unknown); without `notice`, the one kept with the page. Returns false (and paints nothing) when
 * there is no such page, no notice, or the container already has content (the app got there first).
 */
export function paintPage(
  storage: KeyValueStorage | null,
  account: Account,
  search: string,
  container: HTMLElement,
  notice?: CheckingNotice | ((lang: string | null) => CheckingNotice),
): boolean {
  const page = readPage(storage, account);
  if (!page || page.search !== search || container.childElementCount > 0) return false;
  const shown = typeof notice === 'function' ? notice(typeof page.lang === 'string' && page.lang !== '' ? page.lang : null) : (notice ?? page.notice);
  if (!isNotice(shown)) return false;
  const { title: noticeTitle, body: noticeBody } = shown;
  const document = container.ownerDocument;
  for (const copy of page.styles) {
    const style = document.createElement('style');
    style.dataset[KEPT_STYLE] = '';
    if (copy.bucket !== null) style.dataset.makeStylesBucket = copy.bucket;
    if (copy.id !== null) style.id = copy.id;
    if (copy.media !== null) style.media = copy.media;
    style.textContent = copy.css;
    document.head.appendChild(style);
  }
  container.innerHTML = page.html;
  const panel = container.querySelector<HTMLElement>('#view-panel');
  const body = panel?.querySelector<HTMLElement>('h2')?.nextElementSibling;
  if (!panel || !body) {
    container.replaceChildren();
    removeKeptStyles(document);
    return false;
  }
  const banner = document.createElement('div');
  banner.className = 'notice kept-notice';
  banner.dataset.testid = 'checking';
  banner.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.className = 'notice-text';
  const title = document.createElement('strong');
  title.textContent = noticeTitle;
  text.append(title, ` ${noticeBody}`);
  banner.append(text);
  panel.insertBefore(banner, body);
  // Nothing on the kept page works until the app has checked the user: no links, no controls.
  for (const part of [
    container.querySelector<HTMLElement>('nav'),
    container.querySelector<HTMLElement>('header .tab-line'),
    ...[...panel.children].filter((child) => child !== banner && child.tagName !== 'H2'),
  ]) {
    if (part instanceof HTMLElement) part.inert = true;
  }
  // The document speaks the kept page's language until the app sets its own (themed.tsx).
  if (page.lang === 'sv' || page.lang === 'en') document.documentElement.lang = page.lang;
  container.dataset.lastSeen = 'painted';
  return true;
}

/**
 * Takes a painted kept page off the screen, with the style rules it brought. Does nothing once
 * the app has taken the container over (it clears the mark with `claimPage`).
 */
export function unpaintPage(container: HTMLElement): void {
  if (container.dataset.lastSeen !== 'painted') return;
  container.replaceChildren();
  delete container.dataset.lastSeen;
  removeKeptStyles(container.ownerDocument);
}

/** The app is about to draw into `container`: what is there is its to replace from now on. */
export function claimPage(container: HTMLElement): void {
  delete container.dataset.lastSeen;
}

function removeKeptStyles(document: Document): void {
  for (const style of document.querySelectorAll<HTMLStyleElement>('style[data-last-seen-style]')) style.remove();
}
