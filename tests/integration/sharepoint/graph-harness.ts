/**
 * Builds the real Graph client and list source against a started fake Graph, with a recording
 * sleep (no real waiting) and every exchange counted.
 */
import type { GraphOptions, SharePointOptions } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { createGraphClient, type GraphClientDeps, type GraphRequestInfo } from '../../../src/sharepoint/graph-client';
import { GraphListSource } from '../../../src/sharepoint/graph-list-source';
import type { FakeGraph } from '../../fakes/fake-graph';
import { graphOptions, sharePointOptions } from '../../fakes/fake-graph-options';

export { graphOptions, sharePointOptions };

export interface Harness {
  source: GraphListSource;
  client: ReturnType<typeof createGraphClient>;
  /** Every exchange the client reported (Graph and token service). */
  exchanges: GraphRequestInfo[];
  /** Waits the retry asked for, in ms (nothing really waits). */
  sleeps: number[];
}

export function harness(
  fake: FakeGraph,
  options: { graph?: Partial<GraphOptions>; sharePoint?: Partial<SharePointOptions>; pageSize?: number; deps?: Partial<GraphClientDeps> } = {},
): Harness {
  const exchanges: GraphRequestInfo[] = [];
  const sleeps: number[] = [];
  const client = createGraphClient(graphOptions(fake, options.graph), {
    logger: silentLogger,
    onRequest: (info) => exchanges.push(info),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
    ...options.deps,
  });
  const source = new GraphListSource(client, sharePointOptions(fake, options.sharePoint), {
    logger: silentLogger,
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  });
  return { source, client, exchanges, sleeps };
}

/** `count` balance-list items with distinct keys. */
export function balanceItems(count: number, start = 1): Array<{ id: string; fields: Record<string, unknown> }> {
  return Array.from({ length: count }, (_, index) => {
    const n = start + index;
    return {
      id: String(n),
      fields: {
        Title: `Punkt ${n}`,
        EntryKey: `punkt-${n}`,
        Section: 'Flera områden',
        EntryKind: 'Punkt',
        SortOrder: n,
      },
    };
  });
}
