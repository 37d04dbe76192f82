/**
 * The site's document library as "Spara i SharePoint" and the bot's card links use it: the site
 * has a default library the app can read, and `Balanslistan` in it is a folder or not there yet (it
 * is made at the first save). Reads only; whether the app may write there is the `site-grant`
 * line. A warning, not a problem: without the library the documents are still downloaded from the
 * tab and the cards link the tab instead, and nothing else depends on it.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { SharePointOptions } from '../config';
import { LIBRARY_FOLDER } from '../sharepoint/graph-document-store';
import { toSourceError } from '../sharepoint/graph-errors';
import { resolveSiteId } from '../sharepoint/provision-site';
import { ok, warning, type CheckResult } from './check';
import { readFailure } from './read-failure';

const id = 'documents';
const WITHOUT = '"Spara i SharePoint" cannot save the agenda, the minutes or the follow-up there, and the cards do not link them (the downloads still work)';

interface DriveItem {
  webUrl?: string;
  folder?: unknown;
}

/** The item at `path`, or null (404). */
async function read(client: Client, path: string, select: string, target: string): Promise<DriveItem | null> {
  try {
    return (await client.api(path).select(select).get()) as DriveItem;
  } catch (error) {
    const failure = toSourceError(error, { target });
    if (failure.status === 404) return null;
    throw failure;
  }
}

/** One line: the library and its `Balanslistan` folder as the app finds them, or why not (a warning). */
export async function checkDocumentLibrary(client: Client, sharePoint: SharePointOptions): Promise<CheckResult> {
  try {
    const site = await resolveSiteId(client, sharePoint);
    const drive = await read(client, `/sites/${site}/drive`, 'id,webUrl', "the site's document library");
    if (drive === null)
      return warning(
        id,
        `The site has no document library: ${WITHOUT}.`,
        'Use a SharePoint team site, which has a document library from the start, or add one to the site.',
      );
    const folder = await read(
      client,
      `/sites/${site}/drive/root:/${LIBRARY_FOLDER}`,
      'name,webUrl,folder',
      `the folder ${LIBRARY_FOLDER} in the document library`,
    );
    const where = drive.webUrl ? ` (${drive.webUrl})` : '';
    if (folder === null) return ok(id, `The site's document library answers${where}; the folder ${LIBRARY_FOLDER} is made at the first "Spara i SharePoint".`);
    if (folder.folder === undefined)
      return warning(
        id,
        `The document library has a file named ${LIBRARY_FOLDER} where the app keeps its folder: ${WITHOUT}.`,
        `Rename or move that file in the library${where}; the app then makes the folder at the first save.`,
      );
    return ok(id, `The site's document library answers${where}; the app's documents go in its folder ${LIBRARY_FOLDER}, a folder per year.`);
  } catch (error) {
    return readFailure(id, error, {
      target: "the site's document library",
      without: WITHOUT,
      grantFix:
        "Give the app access to the forum's site (the grant script, steps 3 and 7): the library is read with the same grant as the lists, and saving needs the write role.",
    });
  }
}
