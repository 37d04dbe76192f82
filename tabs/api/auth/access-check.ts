/**
 * Never show a user what SharePoint would not: before the shared snapshot is served, the user's
 * own token is exchanged on their behalf (msal-node `acquireTokenOnBehalfOf`) and Graph is asked,
 * as that user, for both lists. 200 → allowed; 403/404 → denied. The answer is remembered per
 * user for `accessCheckTtlSeconds`, so a tab polling every 20 s costs Graph nothing in between.
 */
import type { GraphOptions, SharePointOptions } from '../../../src/config';
import type { Logger } from '../../../src/logger';
import type { Clock } from '../../../src/ports/clock';
import { createConfidentialClient } from '../../../src/sharepoint/graph-auth';
import type { TabUser } from './token-validator';

export type AccessDecision =
  | { kind: 'allowed' }
  | { kind: 'denied'; reason: string }
  | { kind: 'consent-required'; reason: string }
  | { kind: 'invalid-token'; reason: string };

export interface AccessChecker {
  /** Whether `user` may read the lists; throws when it cannot be told now (network, 5xx). */
  check(user: TabUser): Promise<AccessDecision>;
}

/** An AccessDecision that could not be reached: the identity provider or Graph is unavailable. */
export class AccessCheckUnavailable extends Error {
  override readonly name = 'AccessCheckUnavailable';
}

/** Exchanges a user's SSO token for a Graph token on their behalf. */
export type OnBehalfOf = (userToken: string, scope: string) => Promise<string>;

/** msal's error for consent or interaction the user must give first (AADSTS65001 and kin). */
export function isConsentError(error: unknown): boolean {
  const e = error as { errorCode?: string; subError?: string; errorMessage?: string; message?: string } | null;
  if (!e) return false;
  const text = `${e.errorMessage ?? ''} ${e.message ?? ''}`;
  return (
    ['interaction_required', 'consent_required'].includes(e.errorCode ?? '') ||
    e.subError === 'consent_required' ||
    /AADSTS65001|AADSTS65004|AADSTS50076|AADSTS50079|AADSTS160021/.test(text)
  );
}

function isInvalidGrant(error: unknown): boolean {
  const e = error as { errorCode?: string } | null;
  return e?.errorCode === 'invalid_grant' || e?.errorCode === 'invalid_request';
}

/** The on-behalf-of exchange through msal-node, with the app's secret or certificate. */
export function msalOnBehalfOf(options: GraphOptions, logger: Logger): OnBehalfOf {
  const { app } = createConfidentialClient(options, { logger });
  return async (userToken, scope) => {
    const result = await app.acquireTokenOnBehalfOf({ oboAssertion: userToken, scopes: [scope] });
    if (!result?.accessToken) throw new Error('The token service returned no access token');
    return result.accessToken;
  };
}

interface Cached {
  decision: AccessDecision;
  until: number;
}

export interface GraphAccessCheckerOptions {
  graph: GraphOptions;
  sharePoint: SharePointOptions;
  ttlSeconds: number;
  clock: Clock;
  logger: Logger;
  /** The exchange; default msal-node with the app's credentials. */
  onBehalfOf?: OnBehalfOf;
}

/** Checks with the user's own Graph token that they can read both lists; caches each answer. */
export class GraphAccessChecker implements AccessChecker {
  private readonly cache = new Map<string, Cached>();
  private readonly pending = new Map<string, Promise<AccessDecision>>();
  private readonly onBehalfOf: OnBehalfOf;
  private readonly log: Logger;
  private readonly scope: string;
  private siteId: string | null;

  constructor(private readonly options: GraphAccessCheckerOptions) {
    this.log = options.logger.child({ module: 'tab-access' });
    this.onBehalfOf = options.onBehalfOf ?? msalOnBehalfOf(options.graph, this.log);
    this.scope = `${new URL(options.graph.baseUrl).origin}/.default`;
    this.siteId = options.sharePoint.siteId;
  }

  async check(user: TabUser): Promise<AccessDecision> {
    const key = `${user.tenantId}/${user.oid}`;
    const now = this.options.clock.now().getTime();
    const cached = this.cache.get(key);
    if (cached && cached.until > now) return cached.decision;
    const running = this.pending.get(key);
    if (running) return running;
    const promise = this.decide(user)
      .then((decision) => {
        if (decision.kind === 'allowed' || decision.kind === 'denied') {
          this.cache.set(key, { decision, until: this.options.clock.now().getTime() + this.options.ttlSeconds * 1000 });
        }
        this.log.info({ user: user.oid, tenant: user.tenantId, decision: decision.kind, reason: 'reason' in decision ? decision.reason : undefined }, 'list access checked on behalf of the user');
        return decision;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, promise);
    return promise;
  }

  private async decide(user: TabUser): Promise<AccessDecision> {
    let token: string;
    try {
      token = await this.onBehalfOf(user.token, this.scope);
    } catch (error) {
      const message = (error as { errorMessage?: string; message?: string }).errorMessage ?? (error as Error).message ?? String(error);
      if (isConsentError(error)) return { kind: 'consent-required', reason: firstLine(message) };
      if (isInvalidGrant(error)) return { kind: 'invalid-token', reason: firstLine(message) };
      throw new AccessCheckUnavailable(`on-behalf-of exchange failed: ${firstLine(message)}`, { cause: error });
    }
    const site = await this.site(token);
    if (typeof site !== 'string') return site;
    const lists = [this.options.sharePoint.lists.balance, this.options.sharePoint.lists.meetings];
    const statuses = await Promise.all(lists.map((list) => this.get(`/sites/${site}/lists/${encodeURIComponent(list)}?$select=id`, token)));
    const refused = statuses.find((status) => status !== 200);
    if (refused === undefined) return { kind: 'allowed' };
    if (refused === 403 || refused === 404) return { kind: 'denied', reason: `Graph answered ${refused} for a list` };
    throw new AccessCheckUnavailable(`Graph answered ${refused} while checking list access`);
  }

  /** The site id, resolved once from the site URL with the user's token. */
  private async site(token: string): Promise<string | AccessDecision> {
    if (this.siteId) return this.siteId;
    const url = new URL(this.options.sharePoint.siteUrl ?? '');
    const response = await this.fetch(`/sites/${url.hostname}:${url.pathname.replace(/\/+$/, '')}?$select=id`, token);
    if (response.status === 403 || response.status === 404) return { kind: 'denied', reason: `Graph answered ${response.status} for the site` };
    if (response.status !== 200) throw new AccessCheckUnavailable(`Graph answered ${response.status} while resolving the site`);
    const body = (await response.json()) as { id?: unknown };
    if (typeof body.id !== 'string') throw new AccessCheckUnavailable('Graph returned a site without an id');
    this.siteId = body.id;
    return body.id;
  }

  private async get(path: string, token: string): Promise<number> {
    const response = await this.fetch(path, token);
    await response.arrayBuffer();
    return response.status;
  }

  private async fetch(path: string, token: string): Promise<Response> {
    try {
      return await fetch(`${this.options.graph.baseUrl}${path}`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new AccessCheckUnavailable(`Graph could not be reached: ${(error as Error).message}`, { cause: error });
    }
  }
}

const firstLine = (text: string): string => text.split(/\r?\n/)[0]?.slice(0, 300) ?? '';
