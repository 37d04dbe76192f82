/**
 * `GraphDocumentStore.find` against the fake Graph's document library: one GET by path per look-up
 * (the site's id resolved once, or not at all with SHAREPOINT_SITE_ID), 404 as "not there", the
 * file under the app's name found even after a person edited it (not the one saved beside it),
 * the site's read grant enough, and a refusal or an outage thrown as a SourceError with its status.
 */
import { SourceError } from '../../../src/errors';
import { silentLogger } from '../../../src/logger';
import { GraphDocumentStore } from '../../../src/sharepoint/graph-document-store';
import { startFakeGraph, type FakeGraph } from '../../fakes/fake-graph';
import { harness, sharePointOptions } from './graph-harness';

const NOW = new Date('2022-11-28T07:00:00Z');
const MINUTES = 'minnesanteckningar-svom-nov.docx';
const PATH = `Balanslistan/2022/${MINUTES}`;

describe('finding a saved file in the site’s document library', () => {
  let fake: FakeGraph;
  let store: GraphDocumentStore;
  let sleeps: number[];

  beforeAll(async () => {
    fake = await startFakeGraph();
    const built = harness(fake, { sharePoint: { siteUrl: null, siteId: fake.siteId } });
    sleeps = built.sleeps;
    store = new GraphDocumentStore(built.client, sharePointOptions(fake, { siteUrl: null, siteId: fake.siteId }), {
      logger: silentLogger,
      clientId: fake.clientId,
      now: () => NOW,
    });
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.setAccess('write');
    fake.resetLog();
  });

  it('answers null for a file that is not there, in one request', async () => {
    expect(await store.find('2022', MINUTES)).toBeNull();
    expect(fake.graphRequests().map((entry) => `${entry.method} ${decodeURIComponent(entry.path)}`)).toEqual([
      `GET /v1.0/sites/${fake.siteId}/drive/root:/Balanslistan/2022/${MINUTES}?$select=name,webUrl,folder`,
    ]);
  });

  it('finds the saved file with its https address, in one request', async () => {
    await store.save('2022', MINUTES, Buffer.from('docx'));
    fake.resetLog();
    const found = await store.find('2022', MINUTES);
    expect(found).toEqual({ name: MINUTES, webUrl: `${fake.siteUrl}/Delade%20dokument/${PATH}` });
    expect(fake.graphRequests()).toHaveLength(1);
  });

  it('finds the file under the app’s name after a person edited it, not the one saved beside it', async () => {
    fake.drive.editAsUser(PATH, 'Anna Berg');
    const beside = await store.save('2022', MINUTES, Buffer.from('docx, again'));
    expect(beside.outcome).toBe('saved-beside');
    expect(await store.find('2022', MINUTES)).toEqual({ name: MINUTES, webUrl: `${fake.siteUrl}/Delade%20dokument/${PATH}` });
  });

  it('needs only the site’s read grant', async () => {
    fake.setAccess('read');
    expect((await store.find('2022', MINUTES))?.name).toBe(MINUTES);
  });

  it('throws a SourceError with the status when the app may not read the site, or Graph stays unavailable', async () => {
    fake.setAccess('none');
    const refused = await store.find('2022', MINUTES).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SourceError);
    expect(refused).toMatchObject({ status: 403 });
    expect((refused as Error).message).toContain('Sites.Selected');
    fake.setAccess('write');
    fake.fail({ status: 503, count: 10, match: /\/drive\/root:/ });
    sleeps.length = 0;
    const unavailable = await store.find('2022', MINUTES).catch((error: unknown) => error);
    expect(unavailable).toBeInstanceOf(SourceError);
    expect(unavailable).toMatchObject({ status: 503 });
    // The client's own retry went first (waits taken through its sleep hook, nothing really waited).
    expect(sleeps.length).toBeGreaterThan(0);
    fake.clearFaults();
  });

  it('resolves the site once from SHAREPOINT_SITE_URL, then one request per look-up', async () => {
    const built = harness(fake);
    const byUrl = new GraphDocumentStore(built.client, sharePointOptions(fake), { logger: silentLogger, clientId: fake.clientId, now: () => NOW });
    fake.resetLog();
    await byUrl.find('2022', MINUTES);
    await byUrl.find('2022', 'dagordning-svom-nov.docx');
    expect(fake.graphRequests().map((entry) => entry.path.replace(/\/drive\/root:.*$/, '/drive/root:…').replace(/\?.*$/, ''))).toEqual([
      '/v1.0/sites/contoso.sharepoint.com:/sites/svom',
      `/v1.0/sites/${fake.siteId}/drive/root:…`,
      `/v1.0/sites/${fake.siteId}/drive/root:…`,
    ]);
  });
});
