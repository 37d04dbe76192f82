/**
 * Chooses the list source from the configuration: the embedded local store, or the SharePoint
 * lists through Graph. The Graph client is built here, once, and handed to the adapter.
 */
import type { Config } from '../src/config';
import { LocalListSource } from '../src/local/local-list-source';
import type { Logger } from '../src/logger';
import type { Clock } from '../src/ports/clock';
import type { ListSource } from '../src/ports/list-source';
import { createGraphClient, type GraphRequestInfo } from '../src/sharepoint/graph-client';
import { GraphListSource } from '../src/sharepoint/graph-list-source';

export interface SourceDeps {
  logger: Logger;
  clock: Clock;
  /** Sees every Graph request (benchmarks count them). */
  onGraphRequest?: (info: GraphRequestInfo) => void;
}

export function createListSource(config: Config, deps: SourceDeps): ListSource {
  if (config.mode === 'local' || !config.graph || !config.sharePoint) {
    return new LocalListSource({ dataDir: config.dataDir, seedFile: config.seedFile, clock: deps.clock }, { logger: deps.logger });
  }
  const client = createGraphClient(config.graph, { logger: deps.logger, onRequest: deps.onGraphRequest });
  return new GraphListSource(client, config.sharePoint, { logger: deps.logger });
}
