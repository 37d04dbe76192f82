/**
 * What the server puts into the tab's page and how the page is drawn on both sides: the list and
 * the settings the server drew with travel in one JSON block (`#initial-data`), so the browser
 * hydrates with exactly the same input and React finds the same markup.
 */
import type { Language } from '../../../../src/vocabulary';
import type { BalanceListView, FollowUpYearView } from '../../../../src/view-model';
import type { ThemeName } from '../teams/host';

export interface PageData {
  etag: string | null;
  view: BalanceListView;
  /** When the server read the list (ISO): the "checked at" time the page shows. */
  checkedAt: string;
  /** The locale the server drew in (`?lang=` or the browser's Accept-Language). */
  locale: string;
  theme: ThemeName;
  /** Uppföljning: the year's follow-up the page was drawn with (the year of the address); null for other views. */
  followUp?: FollowUpYearView | null;
}

export interface PageRequest {
  view: BalanceListView;
  etag: string | null;
  /** The page address's query (`?view=…&q=…`), as the browser sent it. */
  search: string;
  /** The browser's preferred language (first of Accept-Language), used when `?lang=` is absent. */
  acceptLanguage: string | undefined;
  /** The theme to draw in (Teams' theme, SharePoint mode); else the address's `?theme=`. */
  theme?: ThemeName | undefined;
  now: Date;
  /** The follow-up of a year, as `GET /api/follow-up/:year` answers it; asked for when the address names Uppföljning. */
  followUp?: (year: number) => FollowUpYearView;
}

export interface RenderedPage {
  /** What goes inside `#root`. */
  html: string;
  /** Fluent UI's style elements for the page's head. */
  styles: string;
  /** The language the page is drawn in, for `<html lang>`: the same the app sets once it runs. */
  language: Language;
  data: PageData;
}

/** The server renderer's module (tabs/web/dist-ssr/render-page.cjs). */
export interface PageRendererModule {
  renderPage(request: PageRequest): Promise<RenderedPage>;
}
