/**
 * The site's user list as the bot reads it to @mention the responsible person of an action: found
 * among the site's lists (listed with `$select=system`) and readable with the app's grant. A
 * warning, not a problem: without it the cards name people without a mention, and nothing else
 * depends on it.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { SharePointOptions } from '../config';
import { findUserList } from '../sharepoint/graph-people-directory';
import { resolveSiteId } from '../sharepoint/provision-site';
import { ok, warning, type CheckResult } from './check';
import { readFailure } from './read-failure';

const ID = 'people';
const WITHOUT = "the bot's cards name the responsible person of an action without an @mention";

/** One line: the user list found and one entry read, or why not (a warning). */
export async function checkPeopleLookup(client: Client, sharePoint: SharePointOptions): Promise<CheckResult> {
  try {
    const site = await resolveSiteId(client, sharePoint);
    const list = await findUserList(client, site);
    if (list === null) {
      return warning(
        ID,
        `The site's user list (_catalogs/users) is not among its lists: ${WITHOUT}.`,
        'Check that the site is a SharePoint site the app reads (SHAREPOINT_SITE_URL); nothing else depends on it.',
      );
    }
    await client.api(`/sites/${site}/lists/${list}/items`).top(1).expand('fields($select=Title,Name,EMail,UserName,ContentType)').get();
    return ok(ID, "The site's user list can be read: the bot's cards @mention the responsible person of an action.");
  } catch (error) {
    return readFailure(ID, error, {
      target: "the site's user list",
      without: WITHOUT,
      grantFix: "Give the app read access to the forum's site (the grant script, step 3/7): the user list is read with the same grant as the lists.",
    });
  }
}
