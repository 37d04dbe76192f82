/**
 * One test tenant on loopback: the fake Graph (lists, app-only tokens, on-behalf-of) and, for the
 * tab's Teams SSO tokens, the fake Entra in front of it. `env` is the app's tenant configuration
 * pointing at them, to spread into `loadConfig`.
 */
import { startFakeEntra, type FakeEntra } from './fake-entra';
import type { FakeGraph } from './fake-graph';
import { startFakeGraph } from './fake-graph';

export const TEST_PUBLIC_URL = 'https://balanslistan.example.org';

/** The tenant variables of src/config.ts for the fake Graph (and `authorityHost`, default the fake's own). */
export function tenantEnv(graph: FakeGraph, authorityHost: string = graph.authorityHost): Record<string, string> {
  return {
    AZURE_TENANT_ID: graph.tenantId,
    AZURE_CLIENT_ID: graph.clientId,
    AZURE_CLIENT_SECRET: graph.clientSecret,
    SHAREPOINT_SITE_URL: graph.siteUrl,
    GRAPH_BASE_URL: graph.baseUrl,
    AZURE_AUTHORITY_HOST: authorityHost,
  };
}

export interface FakeTenant {
  graph: FakeGraph;
  entra: FakeEntra;
  /** Tenant variables plus PUBLIC_URL, with the authority at the fake Entra. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Starts the fake Graph and a fake Entra issuing SSO tokens for the app at `publicUrl`. */
export async function startFakeTenant(options: { now: () => Date; publicUrl?: string }): Promise<FakeTenant> {
  const publicUrl = options.publicUrl ?? TEST_PUBLIC_URL;
  const graph = await startFakeGraph();
  const entra = await startFakeEntra({
    tenantId: graph.tenantId,
    clientId: graph.clientId,
    appIdUri: `api://${new URL(publicUrl).host}/${graph.clientId}`,
    upstream: graph.authorityHost,
    now: options.now,
  });
  return {
    graph,
    entra,
    env: { PUBLIC_URL: publicUrl, ...tenantEnv(graph, entra.authorityHost) },
    async close() {
      await entra.close();
      await graph.close();
    },
  };
}
