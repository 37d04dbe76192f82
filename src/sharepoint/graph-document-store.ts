/**
 * The forum site's document library (the site's default drive) as the place for the app's
 * documents: `Balanslistan/<year>/<file>`. Graph: the file is looked up by path
 * (`GET /sites/{site}/drive/root:/{path}`) and uploaded by path (`PUT …:/content`, folders made on
 * the way). The app's own file (last modified by this app, `lastModifiedBy.application.id`) gets a
 * new version, written only if its eTag is still the one just read (`If-Match`); a file a person
 * changed after the app wrote it, or that changed meanwhile (412), is left alone and the new one is
 * saved beside it. Needs write access to the site (`Sites.Selected` with the `write` role).
 *
 * `find` reads one file by the same path (one request; 404: none), for the bot's cards to link the
 * saved file; reading needs only the site's `read` grant.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { SharePointOptions } from '../config';
import { stockholmClockOf } from '../domain/dates';
import type { Logger } from '../logger';
import { besideName, type DocumentStore, type FoundDocument, type SavedDocument } from '../ports/document-store';
import { toSourceError } from './graph-errors';
import { resolveSiteId } from './provision-site';

/** The library folder the app's documents go in, one folder per year below it. */
export const LIBRARY_FOLDER = 'Balanslistan';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface DriveItem {
  name?: string;
  /** Present on a folder, absent on a file. */
  folder?: unknown;
  eTag?: string;
  webUrl?: string;
  lastModifiedBy?: { application?: { id?: string; displayName?: string }; user?: { displayName?: string } };
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');
const statusOf = (error: unknown): number | null => {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : null;
};

export class GraphDocumentStore implements DocumentStore {
  readonly kind = 'sharepoint' as const;
  private siteId: string | null = null;
  private readonly log: Logger;
  private readonly now: () => Date;

  constructor(
    private readonly client: Client,
    private readonly options: SharePointOptions,
    /** `clientId`: the app's id, which names it as `lastModifiedBy.application` of its own files. */
    private readonly deps: { logger: Logger; clientId: string; now?: () => Date },
  ) {
    this.log = deps.logger.child({ module: 'graph-document-store' });
    this.now = deps.now ?? (() => new Date());
  }

  private async site(): Promise<string> {
    this.siteId ??= await resolveSiteId(this.client, this.options);
    return this.siteId;
  }

  /** The item at `path` (only the `select`ed properties when given), or null when there is none. */
  private async lookUp(site: string, path: string, select?: string): Promise<DriveItem | null> {
    try {
      const request = this.client.api(`/sites/${site}/drive/root:/${encodePath(path)}`);
      return (await (select ? request.select(select) : request).get()) as DriveItem;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw toSourceError(error, { target: `the file ${path} in the site's document library` });
    }
  }

  private async upload(site: string, path: string, bytes: Uint8Array, condition: { ifMatch?: string; failIfExists?: boolean }): Promise<DriveItem> {
    let request = this.client.api(`/sites/${site}/drive/root:/${encodePath(path)}:/content`).header('Content-Type', DOCX);
    if (condition.ifMatch) request = request.header('If-Match', condition.ifMatch);
    if (condition.failIfExists) request = request.query({ '@microsoft.graph.conflictBehavior': 'fail' });
    return (await request.put(Buffer.from(bytes))) as DriveItem;
  }

  private saved(item: DriveItem, folder: string, name: string, outcome: SavedDocument['outcome'], editedBy: string | null): SavedDocument {
    const savedName = item.name ?? name;
    return { name: savedName, location: `${LIBRARY_FOLDER}/${folder}/${savedName}`, webUrl: item.webUrl ?? null, outcome, editedBy };
  }

  async find(folder: string, fileName: string): Promise<FoundDocument | null> {
    const site = await this.site();
    const item = await this.lookUp(site, `${LIBRARY_FOLDER}/${folder}/${fileName}`, 'name,webUrl,folder');
    if (item === null || item.folder !== undefined) return null;
    return { name: item.name ?? fileName, webUrl: item.webUrl ?? null };
  }

  async save(folder: string, fileName: string, bytes: Uint8Array): Promise<SavedDocument> {
    const site = await this.site();
    const path = `${LIBRARY_FOLDER}/${folder}/${fileName}`;
    try {
      const existing = await this.lookUp(site, path);
      if (existing === null) {
        const item = await this.upload(site, path, bytes, { failIfExists: true });
        this.log.info({ path }, 'document created in the library');
        return this.saved(item, folder, fileName, 'created', null);
      }
      const ours = existing.lastModifiedBy?.application?.id === this.deps.clientId && existing.lastModifiedBy.user === undefined;
      if (ours && existing.eTag) {
        try {
          const item = await this.upload(site, path, bytes, { ifMatch: existing.eTag });
          this.log.info({ path }, 'document saved as a new version');
          return this.saved(item, folder, fileName, 'new-version', null);
        } catch (error) {
          // Someone saved it between the look-up and the upload: theirs stays, ours goes beside.
          if (statusOf(error) !== 412) throw error;
        }
      }
      const editedBy = existing.lastModifiedBy?.user?.displayName ?? existing.lastModifiedBy?.application?.displayName ?? null;
      const clock = stockholmClockOf(this.now());
      const stamp = `${clock.date} ${clock.time.replace(':', '.')}`;
      for (let attempt = 0; ; attempt += 1) {
        const name = besideName(fileName, stamp, attempt);
        try {
          const item = await this.upload(site, `${LIBRARY_FOLDER}/${folder}/${name}`, bytes, { failIfExists: true });
          this.log.info({ path, beside: name }, 'document saved beside a file someone else changed');
          return this.saved(item, folder, name, 'saved-beside', editedBy);
        } catch (error) {
          if (statusOf(error) !== 409 || attempt >= 5) throw error;
        }
      }
    } catch (error) {
      throw toSourceError(error, { target: `the file ${path} in the site's document library`, write: true });
    }
  }
}

// The adapter must keep fitting the port.
const _fits: DocumentStore = null as unknown as GraphDocumentStore;
void _fits;
