/**
 * Never show a user what SharePoint would not: before the shared snapshot is served, the user's
 * own token is exchanged on their behalf and Graph is asked, as that user, for every list the app serves.
 * 200 → allowed; 403/404 → denied. The calls go through the app's one Graph pipeline (retry on
 * 429/503/504 with Retry-After, request log and counting), on an on-behalf-of client from the
 * factory built at the root. The answer is remembered per user for `accessCheckTtlSeconds`, so a
 * tab polling every 20 s costs Graph nothing in between.
 */
import { GraphError } from '@microsoft/microsoft-graph-client';
import type { SharePointOptions } from '../../../src/config';
import type { Logger } from '../../../src/logger';
import type { Clock } from '../../../src/ports/clock';
import type { ListName } from '../../../src/ports/list-source';
import type { GraphClients, UserGraph } from '../../../src/sharepoint/graph-client';
import type { TabUser } from './token-validator';

export type AccessDecision =
  { kind: 'allowed' } | { kind: 'denied'; reason: string } | { kind: 'consent-required'; reason: string } | { kind: 'invalid-token'; reason: string };

export interface AccessChecker {
  /** Whether `user` may read the lists; throws when it cannot be told now (network, 5xx). */
  check(user: TabUser): Promise<AccessDecision>;
}

/** An AccessDecision that could not be reached: the identity provider or Graph is unavailable. */
export class AccessCheckUnavailable extends Error {
  override readonly name = 'AccessCheckUnavailable';
}

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

interface Cached {
  decision: AccessDecision;
  until: number;
}

export interface GraphAccessCheckerOptions {
  /** The app's Graph clients; the check uses an on-behalf-of client per user. */
  graph: Pick<GraphClients, 'forUser'>;
  sharePoint: SharePointOptions;
  /**
   * The lists the app serves from the site now (those it found). The user must be able to read
   * each of them; a list not on the site yet is not asked for. Default: the balance list and the meetings.
   */
  servedLists?: () => Promise<ListName[]>;
  ttlSeconds: number;
  clock: Clock;
  logger: Logger;
}

/** What a Graph call answered: its HTTP status, or the body of a 200. */
type Answer = { status: 200; body: unknown } | { status: number };

/** Checks with the user's own Graph token that they can read every list the app serves; caches each answer. */
export class GraphAccessChecker implements AccessChecker {
  private readonly cache = new Map<string, Cached>();
  private readonly pending = new Map<string, Promise<AccessDecision>>();
  private readonly log: Logger;
  private siteId: string | null;

  constructor(private readonly options: GraphAccessCheckerOptions) {
    this.log = options.logger.child({ module: 'tab-access' });
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
        this.log.info(
          { user: user.oid, tenant: user.tenantId, decision: decision.kind, reason: 'reason' in decision ? decision.reason : undefined },
          'list access checked on behalf of the user',
        );
        return decision;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, promise);
    return promise;
  }

  private async decide(user: TabUser): Promise<AccessDecision> {
    const graph = this.options.graph.forUser(user.token);
    try {
      // The exchange first, on its own: its failures say whether the user must consent or sign in again.
      await graph.tokens.token();
    } catch (error) {
      const message = (error as { errorMessage?: string; message?: string }).errorMessage ?? (error as Error).message ?? String(error);
      if (isConsentError(error)) return { kind: 'consent-required', reason: firstLine(message) };
      if (isInvalidGrant(error)) return { kind: 'invalid-token', reason: firstLine(message) };
      throw new AccessCheckUnavailable(`on-behalf-of exchange failed: ${firstLine(message)}`, { cause: error });
    }
    const site = await this.site(graph);
    if (typeof site !== 'string') return site;
    // Every list whose content the app would show this user: an ärenden list they may not read
    // must not reach them through the app.
    const served = (await this.options.servedLists?.()) ?? (['balance', 'meetings'] as ListName[]);
    const lists = served.map((name) => this.options.sharePoint.lists[name]);
    const answers = await Promise.all(lists.map((list) => this.get(graph, `/sites/${site}/lists/${encodeURIComponent(list)}`)));
    const refused = answers.find((answer) => answer.status !== 200)?.status;
    if (refused === undefined) return { kind: 'allowed' };
    if (refused === 403 || refused === 404) return { kind: 'denied', reason: `Graph answered ${refused} for a list` };
    throw new AccessCheckUnavailable(`Graph answered ${refused} while checking list access`);
  }

  /** The site id, resolved once from the site URL with the user's token. */
  private async site(graph: UserGraph): Promise<string | AccessDecision> {
    if (this.siteId) return this.siteId;
    const url = new URL(this.options.sharePoint.siteUrl ?? '');
    const answer = await this.get(graph, `/sites/${url.hostname}:${url.pathname.replace(/\/+$/, '')}`);
    if (answer.status === 403 || answer.status === 404) return { kind: 'denied', reason: `Graph answered ${answer.status} for the site` };
    if (!('body' in answer)) throw new AccessCheckUnavailable(`Graph answered ${answer.status} while resolving the site`);
    const id = (answer.body as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') throw new AccessCheckUnavailable('Graph returned a site without an id');
    this.siteId = id;
    return id;
  }

  /**
   * GETs `path` (only its id) as the user. An HTTP refusal is an answer; a call that got no answer
   * (network, a token refused on the retry, a Retry-After longer than the pipeline waits) is not.
   */
  private async get(graph: UserGraph, path: string): Promise<Answer> {
    try {
      return { status: 200, body: (await graph.client.api(path).select('id').get()) as unknown };
    } catch (error) {
      if (error instanceof GraphError && error.statusCode > 0 && !/^GraphTransportError:/.test(error.code ?? '')) return { status: error.statusCode };
      throw new AccessCheckUnavailable(`Graph could not be asked: ${firstLine(error instanceof Error ? error.message : String(error))}`, { cause: error });
    }
  }
}

const firstLine = (text: string): string => text.split(/\r?\n/)[0]?.slice(0, 300) ?? '';
