/**
 * The app's Graph and SharePoint options pointed at a started fake Graph: its tenant, app
 * registration, base URL, sign-in host, site and list names.
 */
import type { GraphOptions, SharePointOptions } from '../../src/config';
import { FAKE_LIST_NAMES, type FakeGraph } from './fake-graph';

/** Graph options that sign in to and call `fake`, with `overrides` on top. */
export function graphOptions(fake: FakeGraph, overrides: Partial<GraphOptions> = {}): GraphOptions {
  return {
    tenantId: fake.tenantId,
    clientId: fake.clientId,
    credential: { kind: 'secret', secret: fake.clientSecret },
    baseUrl: fake.baseUrl,
    authorityHost: fake.authorityHost,
    ...overrides,
  };
}

/** SharePoint options for the fake's site and its default list names, with `overrides` on top. */
export function sharePointOptions(fake: FakeGraph, overrides: Partial<SharePointOptions> = {}): SharePointOptions {
  return { siteUrl: fake.siteUrl, siteId: null, lists: { ...FAKE_LIST_NAMES }, ...overrides };
}
