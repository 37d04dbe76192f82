/**
 * The painter the server writes into the tab's page in SharePoint mode as an inline script (with
 * its hash in the page's CSP; tabs/api/inline-paint.ts), right after the empty root: on a repeat
 * visit inside Teams it paints the page this browser kept for the user and tenant named in the
 * address while the page is still being parsed, before the entry script has even been fetched.
 * It does what the entry script would do first (address-paint.ts), with the notice kept with the
 * page (it carries no strings of its own); the entry script then sees the page painted
 * (`paintedForAddress`) and goes on as if it had painted it: teams-js confirms it or has it wiped.
 * Outside Teams, with a root that has content (a page drawn on the server) or with nothing kept
 * for that account, it does nothing, and the entry script does what it always did.
 */
import { paintForAddress } from './address-paint';

const root = document.getElementById('root');
const inTeams = window.parent !== window || window.opener !== null;
if (root && inTeams) {
  try {
    paintForAddress(window.localStorage, window.location.search, root);
  } catch {
    // Blocked storage or an unreadable kept page: nothing painted; the entry script tries again.
  }
}
