/**
 * The tab's server side: its API (`GET /api/balance-list`, `GET /api/me`, the change stream
 * `GET /api/events`, the forum's year under `GET /api/follow-up/`, a meeting's documents under
 * `GET /api/meetings/`, a Teams meeting's details under `GET /api/teams-meeting/`) behind the auth
 * middleware, the consent popup's routes, and the built web app, all with security headers.
 * Only the tab's own paths are handled; everything else (the bot's `/api/messages`) passes on.
 */
import express, { type Router } from 'express';
import type { Config } from '../../src/config';
import type { Logger } from '../../src/logger';
import type { Clock } from '../../src/ports/clock';
import type { DocumentStore } from '../../src/ports/document-store';
import type { ListName, ListSource } from '../../src/ports/list-source';
import type { GraphClients } from '../../src/sharepoint/graph-client';
import type { SnapshotProvider } from '../../src/snapshot/types';
import type { TeamsMeetings } from '../../src/ports/teams-meetings';
import { GraphAccessChecker, type AccessChecker } from './auth/access-check';
import { callerOf, localAuth, tenantAuth } from './auth/middleware';
import { createTokenValidator, type TokenValidator } from './auth/token-validator';
import { balanceListHandler } from './balance-list';
import { consentRoutes } from './consent';
import { eventsHandler } from './events';
import { firstViewHandler } from './first-view';
import { pageRendererLoader } from './page-renderer';
import { FOLLOW_UP_PREFIX, FOLLOW_UP_ROUTE, followUpHandler } from './follow-up';
import { MEETING_DOCUMENTS_ROUTE, MEETINGS_PREFIX, meetingDocumentsHandler } from './meeting-documents';
import { SAVE_DOCUMENT_PATH, saveDocumentHandlers } from './save-document';
import { securityHeaders } from './security-headers';
import { TEAMS_MEETING_PREFIX, TEAMS_MEETING_ROUTE, teamsMeetingHandler } from './teams-meeting';
import { defaultSsrDir, defaultWebDist, webApp } from './web-app';

export interface TabApiDeps {
  config: Config;
  snapshots: SnapshotProvider;
  source: ListSource;
  clock: Clock;
  logger: Logger;
  /** The app's Graph clients, built once at the root; needed in SharePoint mode for the access check. */
  graph?: Pick<GraphClients, 'forUser'> | null;
  /** Aborted when the server stops: open event streams end. */
  stopping?: AbortSignal;
  /** Where "Spara i SharePoint" saves documents (the library, or the local store's folder); none: not offered. */
  documents?: DocumentStore | null;
  /** Teams meetings' details through the bot (the side panel's first try); none: the route answers 409. */
  teamsMeetings?: TeamsMeetings | null;
  /** For tests: replace the token validator, the access check, the web app's folder, or the event stream's keep-alive interval. */
  overrides?: { validator?: TokenValidator; access?: AccessChecker; webDist?: string; eventsKeepAliveMs?: number };
}

/** The paths of the tab's API; the auth middleware guards exactly these (and those under `TAB_API_PREFIXES`). */
export const TAB_API_PATHS = ['/api/balance-list', '/api/me', '/api/events', '/api/first-view', SAVE_DOCUMENT_PATH];
/** Path prefixes of the tab's API: one route per prefix, the rest of the path its parameter. */
export const TAB_API_PREFIXES = [FOLLOW_UP_PREFIX, MEETINGS_PREFIX, TEAMS_MEETING_PREFIX];

/** Whether `path` belongs to the tab's API (and gets its headers), rather than to the bot. */
export function isTabApiPath(path: string): boolean {
  return TAB_API_PATHS.includes(path) || TAB_API_PREFIXES.some((prefix) => path.startsWith(prefix));
}

function authFor(deps: TabApiDeps): express.RequestHandler {
  const { config } = deps;
  if (config.mode === 'local' || !config.tabAuth || !config.graph || !config.sharePoint) return localAuth(deps.logger);
  const validator =
    deps.overrides?.validator ??
    createTokenValidator({
      authorityHost: config.graph.authorityHost,
      tenantId: config.graph.tenantId,
      audiences: config.tabAuth.audiences,
      allowedTenants: config.tabAuth.allowedTenants,
      requiredScope: config.tabAuth.requiredScope,
      now: () => deps.clock.now(),
    });
  let access = deps.overrides?.access;
  if (!access) {
    if (!deps.graph) throw new Error('createTabApi needs the Graph clients in SharePoint mode (for the access check); build them with createGraphClients');
    access = new GraphAccessChecker({
      graph: deps.graph,
      sharePoint: config.sharePoint,
      // The lists the app found on the site; while it cannot read them, the two it always has.
      servedLists: () =>
        deps.snapshots.get().then(
          (snapshot) => Object.keys(snapshot.view.lists) as ListName[],
          () => ['balance', 'meetings'] as ListName[],
        ),
      ttlSeconds: config.tabAuth.accessCheckTtlSeconds,
      clock: deps.clock,
      logger: deps.logger,
    });
  }
  return tenantAuth({ validator, access, logger: deps.logger });
}

export function createTabApi(deps: TabApiDeps): Router {
  const router = express.Router();
  const headers = securityHeaders({ https: deps.config.publicUrl?.startsWith('https://') ?? false });
  const auth = authFor(deps);

  router.use((req, res, next) => {
    // Other parts' API paths (the bot's /api/messages) pass through untouched.
    if (req.path.startsWith('/api/') && !isTabApiPath(req.path)) return next();
    return headers(req, res, next);
  });

  router.get('/api/balance-list', auth, balanceListHandler({ snapshots: deps.snapshots, logger: deps.logger }));
  router.get(
    '/api/events',
    auth,
    eventsHandler({
      snapshots: deps.snapshots,
      clock: deps.clock,
      logger: deps.logger,
      keepAliveMs: deps.overrides?.eventsKeepAliveMs,
      // In SharePoint mode a stream is re-checked as often as the access check's answer is kept.
      maxAgeMs: deps.config.mode === 'local' || !deps.config.tabAuth ? null : Math.max(60, deps.config.tabAuth.accessCheckTtlSeconds) * 1000,
      stopping: deps.stopping,
    }),
  );
  // SharePoint mode: the page drawn for the signed-in user, asked for once Teams has the token.
  if (deps.config.mode !== 'local') {
    const loadRenderer = pageRendererLoader(defaultSsrDir(deps.overrides?.webDist ?? defaultWebDist()));
    router.get('/api/first-view', auth, firstViewHandler({ snapshots: deps.snapshots, clock: deps.clock, logger: deps.logger, loadRenderer }));
  }
  router.get(FOLLOW_UP_ROUTE, auth, followUpHandler({ snapshots: deps.snapshots, logger: deps.logger }));
  router.get(MEETING_DOCUMENTS_ROUTE, auth, meetingDocumentsHandler({ snapshots: deps.snapshots, logger: deps.logger }));
  router.get(TEAMS_MEETING_ROUTE, auth, teamsMeetingHandler({ meetings: deps.teamsMeetings ?? null, logger: deps.logger }));
  router.post(SAVE_DOCUMENT_PATH, auth, ...saveDocumentHandlers({ snapshots: deps.snapshots, documents: deps.documents ?? null, logger: deps.logger }));
  router.get('/api/me', auth, (_req, res) => {
    const caller = callerOf(res);
    res.set('Cache-Control', 'no-store');
    res.json(
      caller.kind === 'local'
        ? { mode: 'local', user: null }
        : { mode: 'sharepoint', user: { name: caller.user.name, username: caller.user.username, tenantId: caller.user.tenantId } },
    );
  });
  router.use(consentRoutes(deps.config));
  // The page may carry the list only where the list needs no sign-in (local mode).
  const firstView = deps.config.mode === 'local' ? { snapshots: deps.snapshots, clock: deps.clock, logger: deps.logger } : undefined;
  router.use(webApp({ distDir: deps.overrides?.webDist, firstView }));
  return router;
}
