/**
 * What every card is made with: a JSON template in `templates/` expanded with
 * `adaptivecards-templating`, the button that opens the tab, and how long lists are cut.
 */
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCard, CardContext } from '../contracts';
import { isOpenableUrl } from './markdown';
import type { Strings } from './strings';

/** How many rows a list card shows before "… and N more": keeps every card far below Teams' ~28 KB. */
export const LIST_LIMIT = { followUps: 15, agenda: 12, digest: 8, meetings: 10, agreements: 12 };

export interface UrlAction {
  title: string;
  url: string;
}

export interface ExecuteAction {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** Expands a JSON template over data already localized and escaped; the card without its `$schema`. */
export function expand(template: object, data: Record<string, unknown>): AdaptiveCard {
  const card = new ACData.Template(template).expand({ $root: data }) as Record<string, unknown>;
  delete card.$schema;
  // A card with no button to offer (no tab address a card may open) leaves no empty list behind:
  // the Adaptive Cards parser does not understand `actions: []`.
  if (Array.isArray(card.actions) && card.actions.length === 0) delete card.actions;
  return card as AdaptiveCard;
}

/** The "open the tab" button, when the tab has an address a card may open. */
export function tabAction(t: Strings, context: CardContext): UrlAction[] {
  return isOpenableUrl(context.tabUrl) ? [{ title: t.openTab, url: context.tabUrl }] : [];
}

/** "… and N more" when a list was cut, else nothing. */
export function more(t: Strings, total: number, shown: number): string {
  return total > shown ? t.andMore(total - shown) : '';
}
