/**
 * The site's document library (its default drive) as Graph serves it: the drive
 * (`GET /sites/{site}/drive`), a driveItem (file or folder) by path
 * (`GET /sites/{site}/drive/root:/{path}`), and a file uploaded by path
 * (`PUT /sites/{site}/drive/root:/{path}:/content`, folders made on the way), with eTags that
 * change on every write, `If-Match` (412 when the file changed), and `lastModifiedBy` naming the
 * app (`application`) or the person (`user`) who wrote last. `editAsUser` is someone editing the
 * file in Word for the web.
 */
import { createHash, randomUUID } from 'node:crypto';
import { errors, graphError } from './errors';
import type { FakeRequest, FakeReply } from './types';

export interface DriveFile {
  id: string;
  path: string;
  bytes: Buffer;
  version: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  lastModifiedBy: { application?: { id: string; displayName: string }; user?: { id: string; displayName: string; email: string } };
}

export interface FakeDrive {
  readonly files: Map<string, DriveFile>;
  /** Someone changes the file in Word for the web: a new version by a person. */
  editAsUser(path: string, displayName: string): void;
  routes: Array<{ method: string; pattern: RegExp; handler: (request: FakeRequest) => FakeReply }>;
}

const normal = (path: string) =>
  path
    .split('/')
    .map((segment) => segment.trim())
    .filter(Boolean)
    .join('/');

export function fakeDrive(options: { siteWebUrl: string; siteId: string; clientId: string; now: () => Date }): FakeDrive {
  const driveId = `b!${Buffer.from(options.siteId).toString('base64url').slice(0, 40)}`;
  const files = new Map<string, DriveFile>();
  const folders = new Set<string>();
  const key = (path: string) => normal(path).toLowerCase();
  const instant = () =>
    options
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  const eTag = (file: DriveFile) => `"{${file.id.toUpperCase()}},${file.version}"`;
  const webUrl = (path: string) => `${options.siteWebUrl}/Delade%20dokument/${normal(path).split('/').map(encodeURIComponent).join('/')}`;

  const itemJson = (file: DriveFile) => {
    const parent = normal(file.path).split('/').slice(0, -1).join('/');
    return {
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#sites('${options.siteId}')/drive/root/$entity`,
      '@microsoft.graph.downloadUrl': `${options.siteWebUrl}/_layouts/15/download.aspx?UniqueId=${file.id}`,
      createdDateTime: file.createdDateTime,
      eTag: eTag(file),
      id: file.id,
      lastModifiedDateTime: file.lastModifiedDateTime,
      name: normal(file.path).split('/').pop(),
      webUrl: webUrl(file.path),
      cTag: `"c:{${file.id.toUpperCase()}},${file.version}"`,
      size: file.bytes.length,
      createdBy: { application: { id: options.clientId, displayName: 'Balanslistan' } },
      lastModifiedBy: file.lastModifiedBy,
      parentReference: {
        driveType: 'documentLibrary',
        driveId,
        id: randomUUID(),
        name: parent.split('/').pop() ?? 'root',
        path: `/drive/root:/${parent}`,
        siteId: options.siteId,
      },
      file: {
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        hashes: { quickXorHash: createHash('sha1').update(file.bytes).digest('base64') },
      },
    };
  };

  const pathOf = (request: FakeRequest, suffix: string): string | null => {
    const match = new RegExp(`^/sites/[^/]+/drive/root:/(.+?)${suffix}$`, 'u').exec(request.path);
    return match ? normal(match[1] ?? '') : null;
  };

  const folderJson = (path: string) => ({
    '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#sites('${options.siteId}')/drive/root/$entity`,
    id: createHash('sha1').update(key(path)).digest('hex').slice(0, 34).toUpperCase(),
    name: normal(path).split('/').pop(),
    webUrl: webUrl(path),
    folder: {
      childCount: [...files.keys(), ...folders].filter((inner) => inner.startsWith(`${key(path)}/`) && !inner.slice(key(path).length + 1).includes('/')).length,
    },
    parentReference: { driveType: 'documentLibrary', driveId, siteId: options.siteId },
  });

  const get = (request: FakeRequest): FakeReply => {
    const path = pathOf(request, ':?');
    if (path === null) return errors.badRequest('Invalid path');
    const file = files.get(key(path));
    if (file) return { status: 200, body: itemJson(file) };
    if (folders.has(key(path))) return { status: 200, body: folderJson(path) };
    return graphError(404, 'itemNotFound', 'The resource could not be found.');
  };

  const drive = (): FakeReply => ({
    status: 200,
    body: {
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#drives/$entity`,
      id: driveId,
      driveType: 'documentLibrary',
      name: 'Dokument',
      webUrl: `${options.siteWebUrl}/Delade%20dokument`,
    },
  });

  const put = (request: FakeRequest): FakeReply => {
    const path = pathOf(request, ':/content');
    if (path === null) return errors.badRequest('Invalid path');
    if (request.principal?.kind !== 'app') return errors.accessDenied();
    const existing = files.get(key(path));
    const ifMatch = request.headers['if-match'];
    const sent = Array.isArray(ifMatch) ? ifMatch[0] : ifMatch;
    if (sent && sent !== '*' && (!existing || sent !== eTag(existing))) return errors.preconditionFailed(sent, existing ? eTag(existing) : '');
    const behaviour = request.query.get('@microsoft.graph.conflictBehavior') ?? 'replace';
    if (existing && behaviour === 'fail') return graphError(409, 'nameAlreadyExists', 'The specified item name already exists.');
    const at = instant();
    const by = { application: { id: options.clientId, displayName: 'Balanslistan' } };
    const bytes = request.raw ?? Buffer.alloc(0);
    const parts = path.split('/');
    for (let depth = 1; depth < parts.length; depth += 1) folders.add(key(parts.slice(0, depth).join('/')));
    const file: DriveFile = existing
      ? { ...existing, bytes, version: existing.version + 1, lastModifiedDateTime: at, lastModifiedBy: by }
      : { id: randomUUID(), path, bytes, version: 1, createdDateTime: at, lastModifiedDateTime: at, lastModifiedBy: by };
    files.set(key(path), file);
    return { status: existing ? 200 : 201, body: itemJson(file) };
  };

  return {
    files,
    editAsUser(path, displayName) {
      const file = files.get(key(path));
      if (!file) throw new Error(`The fake drive has no file ${path}`);
      file.version += 1;
      file.lastModifiedDateTime = instant();
      file.lastModifiedBy = {
        user: { id: randomUUID(), displayName, email: `${displayName.toLowerCase().replace(/[^a-z]+/gu, '.')}@contoso.onmicrosoft.com` },
      };
    },
    routes: [
      { method: 'PUT', pattern: /^\/sites\/[^/]+\/drive\/root:\/.+:\/content$/u, handler: put },
      { method: 'GET', pattern: /^\/sites\/[^/]+\/drive\/root:\/.+$/u, handler: get },
      { method: 'GET', pattern: /^\/sites\/[^/]+\/drive$/u, handler: drive },
    ],
  };
}
