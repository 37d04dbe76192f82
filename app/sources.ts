/**
 * Chooses the list source from the configuration: the embedded local store, or the SharePoint
 * lists through Graph. The Graph clients are built here, once, and handed to the adapter and to
 * the tab's access check.
 */
import type { Config } from '../src/config';
import { LocalListSource } from '../src/local/local-list-source';
import type { Logger } from '../src/logger';
import type { Clock } from '../src/ports/clock';
import type { ListSource } from '../src/ports/list-source';
import { createGraphClients, type GraphClients, type GraphRequestInfo } from '../src/sharepoint/graph-client';
import { GraphListSource } from '../src/sharepoint/graph-list-source';
import { GraphDocumentStore } from '../src/sharepoint/graph-document-store';
import { LocalDocumentStore } from '../src/local/local-document-store';
import type { DocumentStore } from '../src/ports/document-store';
import type { PeopleDirectory } from '../src/ports/people-directory';
import { GraphPeopleDirectory } from '../src/sharepoint/graph-people-directory';

export interface SourceDeps {
  logger: Logger;
  clock: Clock;
  /** Sees every Graph request (benchmarks count them). */
  onGraphRequest?: (info: GraphRequestInfo) => void;
}

/** The Graph clients for SharePoint mode (app-only and on behalf of users); null in local mode. */
export function createGraph(config: Config, deps: SourceDeps): GraphClients | null {
  if (config.mode === 'local' || !config.graph || !config.sharePoint) return null;
  return createGraphClients(config.graph, { logger: deps.logger, onRequest: deps.onGraphRequest });
}

/** The list source for `config`; in SharePoint mode it reads through `graph` (built by `createGraph`). */
export function createListSource(config: Config, deps: SourceDeps & { graph?: GraphClients | null }): ListSource {
  const graph = deps.graph === undefined ? createGraph(config, deps) : deps.graph;
  if (!graph || !config.sharePoint) {
    return new LocalListSource({ dataDir: config.dataDir, seedFile: config.seedFile, clock: deps.clock }, { logger: deps.logger });
  }
  return new GraphListSource(graph.app, config.sharePoint, { logger: deps.logger });
}

/** Where the app saves its documents: the site's document library in SharePoint mode, the local store's folder otherwise. */
export function createDocumentStore(config: Config, deps: SourceDeps & { graph: GraphClients | null }): DocumentStore {
  if (!deps.graph || !config.sharePoint || !config.graph) {
    return new LocalDocumentStore({ dataDir: config.dataDir, now: () => deps.clock.now() }, { logger: deps.logger });
  }
  return new GraphDocumentStore(deps.graph.app, config.sharePoint, { logger: deps.logger, clientId: config.graph.clientId, now: () => deps.clock.now() });
}

/**
 * The store the bot's cards link saved files from: the site's document library (SharePoint mode);
 * none in local mode, where the cards link the app's own `/api/…docx` addresses instead.
 */
export function libraryForCards(documents: DocumentStore): DocumentStore | null {
  return documents.kind === 'sharepoint' ? documents : null;
}

/** Who the people of person columns are, for @mentions in the bot's cards: the site's user list in SharePoint mode; none in local mode. */
export function createPeopleDirectory(config: Config, deps: SourceDeps & { graph: GraphClients | null }): PeopleDirectory | null {
  if (!deps.graph || !config.sharePoint) return null;
  return new GraphPeopleDirectory(deps.graph.app, config.sharePoint, { logger: deps.logger, now: () => deps.clock.now() });
}
