/**
 * How the lists are kept fresh, as the app will run: the mode the configuration selects and why
 * (the same decision the start-up log states, `Config.freshness`), and with change notifications
 * what can be checked honestly from here:
 *
 * - the permission Graph documents for list subscriptions, read from the app's token;
 * - the subscriptions the running app keeps in the state store (one per list: its expiry, the
 *   instance claiming it), against Graph's own `GET /subscriptions`;
 * - only when asked (`--probe-subscriptions`), a real subscription on one list, deleted at once.
 *   Graph validates a new subscription by calling the notification URL and waiting for the app's
 *   answer, so the probe succeeds only while the app runs at PUBLIC_URL: without the app it would
 *   always fail, which is why it is not part of every run.
 *
 * Whether Graph can reach PUBLIC_URL from the internet cannot be seen from here; the probe is the
 * closest honest test of it.
 */
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { ChangeNotificationOptions, FreshnessMode, RefreshOptions, SharePointOptions } from '../config';
import { stockholmClockOf } from '../domain/dates';
import type { Logger } from '../logger';
import { LIST_NAMES, type ListName } from '../ports/list-source';
import type { StateStore } from '../ports/state-store';
import {
  ALIVE_MS,
  INSTANCE_PREFIX,
  MAINTENANCE_MS,
  newClientState,
  RECORD_PREFIX,
  RENEW_BEFORE_MS,
  RETRY_FAILED_MS,
  subscriptionRequest,
  VERIFY_MS,
  type InstanceHeartbeat,
  type SubscriptionRecord,
} from '../sharepoint/change-notifications';
import { SiteResolver } from '../sharepoint/site';
import { ok, problem, skipped, warning, type CheckResult } from './check';

/** The application permission Graph's documentation names for subscriptions to SharePoint lists. */
export const SUBSCRIPTION_ROLE = 'Sites.ReadWrite.All';
/** Sites permissions that include everything `Sites.ReadWrite.All` allows. */
const BROADER_THAN_SUBSCRIPTION_ROLE = ['Sites.Manage.All', 'Sites.FullControl.All'];
/** The probe's subscription lives this long at most: one left behind (a failed delete) lapses by itself. */
export const PROBE_LIFETIME_MS = 60 * 60 * 1000;
/** The list the probe subscribes to: the one every configuration has. */
const PROBE_LIST = 'balance' satisfies ListName;

export interface FreshnessCheckInput {
  freshness: FreshnessMode;
  refresh: RefreshOptions;
  sharePoint: SharePointOptions;
  /** The app (client) id, for the consent command. */
  clientId: string;
  /** The app's Graph client and the roles in its token; or why there is none. */
  graph: { client: Client; roles: string[] } | { unavailable: string };
  /** Opens the state store the app uses (file or blob). */
  openStore: () => Promise<StateStore>;
  /** `--probe-subscriptions`: create and delete a real subscription. */
  probe: boolean;
  now: Date;
  logger: Logger;
}

/** The `freshness` line, and with change notifications the subscription lines; never throws for what it checks. */
export async function checkFreshness(input: FreshnessCheckInput): Promise<CheckResult[]> {
  const mode = input.freshness;
  if (mode.mode === 'on-demand') return [freshnessLine(mode, input.refresh)];
  const lines: CheckResult[] = [freshnessLine(mode, input.refresh)];
  const graph = 'client' in input.graph ? input.graph : null;
  const kept = await readSubscriptions(input, graph?.client ?? null);
  const probe = input.probe ? await probeSubscription(input, mode.options, graph?.client ?? null) : null;
  lines.push(permissionLine(input, kept, probe));
  lines.push(...kept.lines);
  lines.push(probe?.line ?? notProbed(input, mode.options));
  return lines;
}

/** The `freshness` line: which mode the configuration selects, and why (`Config.freshness`, as the start-up log says it). */
export function freshnessLine(mode: FreshnessMode, refresh: RefreshOptions): CheckResult {
  const id = 'freshness';
  const onDemand = `every ${refresh.fastSeconds} s while somebody looks, every ${refresh.idleSeconds} s otherwise`;
  if (mode.mode === 'notifications')
    return ok(
      id,
      `Change notifications (${mode.reason}): the app subscribes to each list and Graph posts to ${mode.options.notificationUrl}; ` +
        `a list is read when Graph tells of a change, and every ${refresh.notifiedSeconds} s as a safety net. If Graph refuses, the app reads on demand (${onDemand}) and logs why.`,
    );
  if (mode.cause === 'off') return ok(id, `On demand: the lists are read ${onDemand} (${mode.reason}).`);
  if (mode.cause === 'local') return warning(id, `${mode.reason}.`, 'Nothing to do in local mode; unset CHANGE_NOTIFICATIONS to quiet this line.');
  return problem(
    id,
    `On demand, not change notifications: ${mode.reason}. The lists are read ${onDemand}.`,
    "Set PUBLIC_URL to the app's https address (App Service → Configuration → Application settings), or CHANGE_NOTIFICATIONS=off to read on demand on purpose.",
  );
}

function when(instant: Date | string): string {
  const wall = stockholmClockOf(typeof instant === 'string' ? new Date(instant) : instant);
  return `${wall.date} ${wall.time} (Stockholm)`;
}

function inTime(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours >= 48) return `in ${Math.floor(hours / 24)} days`;
  if (hours >= 1) return `in ${Math.floor(hours)} h`;
  return `in ${Math.max(1, Math.round(ms / 60_000))} min`;
}

/** An instance id as printed: enough to tell instances apart in the log (which names them in full). */
const short = (instanceId: string) => instanceId.slice(0, 8);

interface Kept {
  lines: CheckResult[];
  /** A subscription the app keeps that Graph lists: Graph accepted this app's subscription. */
  accepted: boolean;
}

/** One `subscription:<list>` line per list from the state store's records, checked against Graph's list. */
async function readSubscriptions(input: FreshnessCheckInput, client: Client | null): Promise<Kept> {
  const now = input.now.getTime();
  let records: SubscriptionRecord[];
  let alive: number;
  try {
    const store = await input.openStore();
    records = [];
    for (const key of await store.list(RECORD_PREFIX)) {
      const stored = await store.get<SubscriptionRecord>(key);
      if (stored) records.push(stored.value);
    }
    alive = 0;
    for (const key of await store.list(INSTANCE_PREFIX)) {
      const beat = await store.get<InstanceHeartbeat>(key);
      if (beat && now - Date.parse(beat.value.seenAt) < ALIVE_MS) alive += 1;
    }
  } catch (error) {
    const why = `Not checked: the state store could not be read (${error instanceof Error ? error.message : String(error)}; see state-store).`;
    return { lines: LIST_NAMES.map((list) => skipped(`subscription:${list}`, why)), accepted: false };
  }

  // Graph's own list of this app's subscriptions: a record Graph no longer has is a subscription gone.
  let known: Set<string> | null = null;
  let unknownWhy = 'no Graph token';
  if (client) {
    try {
      const answer = (await client.api('/subscriptions').get()) as { value?: Array<{ id?: string }> };
      known = new Set((answer.value ?? []).flatMap((subscription) => (subscription.id ? [subscription.id] : [])));
    } catch (error) {
      unknownWhy = `GET /subscriptions answered ${error instanceof GraphError ? error.statusCode : String(error)}`;
    }
  }

  const keepers =
    alive === 0
      ? `no instance of the app has kept the subscriptions in the last ${ALIVE_MS / 60_000} minutes`
      : `${alive} instance${alive === 1 ? '' : 's'} of the app running`;
  const startFix = `Start the app with CHANGE_NOTIFICATIONS=on at PUBLIC_URL: it subscribes at start-up and checks its subscriptions every ${MAINTENANCE_MS / 60_000} minutes; then run npm run doctor again.`;
  const runningFix = (then: string) =>
    `${then} The log stream says why if it cannot ("change notifications not live" with the reason); npm run doctor -- --probe-subscriptions shows Graph's answer now.`;

  let accepted = false;
  const lines = LIST_NAMES.map((list): CheckResult => {
    const id = `subscription:${list}`;
    const name = `the list "${input.sharePoint.lists[list]}"`;
    const mine = records.filter((record) => record.list === list);
    const record = mine.find((candidate) => candidate.notificationUrl === notificationUrlOf(input.freshness)) ?? mine[0] ?? null;
    const claim = record?.claim && Date.parse(record.claim.until) > now ? record.claim : null;
    const claimed = claim ? `; instance ${short(claim.by)} is ${record?.subscriptionId ? 'renewing' : 'creating'} it until ${when(claim.until)}` : '';
    if (record === null)
      return problem(
        id,
        `No subscription on ${name} in the state store: ${keepers}.`,
        alive === 0
          ? startFix
          : runningFix(`The running app subscribes at its next check (every ${MAINTENANCE_MS / 60_000} minutes), or at once when restarted.`),
      );
    if (record.subscriptionId === null || record.expiresAt === null) {
      if (claim) return warning(id, `The subscription on ${name} is being created${claimed}.`, 'Run npm run doctor again in a few minutes.');
      return problem(
        id,
        `The subscription on ${name} was not created: the app's last attempt failed (${keepers}).`,
        alive === 0
          ? startFix
          : runningFix(
              `The running app tries again every ${RETRY_FAILED_MS / 3_600_000} hours, or at once when restarted; fix the reason first (usually subscription-permission).`,
            ),
      );
    }
    const left = Date.parse(record.expiresAt) - now;
    const subscription = `Subscription ${short(record.subscriptionId)} on ${name}`;
    if (left <= 0)
      return problem(
        id,
        `${subscription} expired ${when(record.expiresAt)}: ${keepers}, so nobody renewed it and Graph no longer notifies.`,
        alive === 0 ? startFix : runningFix('The running app creates it again at its next check, or at once when restarted.'),
      );
    if (known !== null && !known.has(record.subscriptionId))
      return problem(
        id,
        `${subscription} (expires ${when(record.expiresAt)}) is in the state store, but Graph no longer has it (${keepers}).`,
        alive === 0
          ? startFix
          : runningFix(`The running app creates it again when it next compares with Graph (every ${VERIFY_MS / 3_600_000} hours), or at once when restarted.`),
      );
    if (known !== null) accepted = true;
    const expires = `expires ${when(record.expiresAt)}, ${inTime(left)}`;
    const graphSays = known === null ? `not compared with Graph (${unknownWhy})` : 'Graph has it';
    if (record.notificationUrl !== notificationUrlOf(input.freshness))
      return warning(
        id,
        `${subscription} (${expires}) notifies ${record.notificationUrl}, not this configuration's address${claimed}.`,
        'The app replaces it at its next check when it runs with this PUBLIC_URL; if PUBLIC_URL is wrong here, fix it (App Service → Configuration).',
      );
    // Renewal starts RENEW_BEFORE_MS ahead and is checked every MAINTENANCE_MS: well inside that, nobody renews.
    if (left < RENEW_BEFORE_MS - 2 * MAINTENANCE_MS && !claim)
      return warning(
        id,
        `${subscription} ${expires}: its renewal is overdue (renewed from ${RENEW_BEFORE_MS / 86_400_000} days before expiry), ${keepers}; ${graphSays}.`,
        alive === 0 ? startFix : runningFix('The running app renews it at its next check, or at once when restarted.'),
      );
    return ok(id, `${subscription} ${expires}; ${graphSays}; ${keepers}${claimed}.`);
  });
  return { lines, accepted };
}

function notificationUrlOf(freshness: FreshnessMode): string | null {
  return freshness.mode === 'notifications' ? freshness.options.notificationUrl : null;
}

type ProbeOutcome = 'created' | 'refused' | 'failed' | 'not-run';

/** Creates a subscription on the balance list that lapses within the hour, and deletes it at once. */
async function probeSubscription(
  input: FreshnessCheckInput,
  options: ChangeNotificationOptions,
  client: Client | null,
): Promise<{ line: CheckResult; outcome: ProbeOutcome }> {
  const id = 'subscription-probe';
  if (client === null || 'unavailable' in input.graph)
    return { line: skipped(id, `Not probed: ${'unavailable' in input.graph ? input.graph.unavailable : 'no Graph client'}.`), outcome: 'not-run' };
  let resource: string;
  let name = `the list "${input.sharePoint.lists[PROBE_LIST]}"`;
  try {
    const site = await new SiteResolver(client, input.sharePoint, { logger: input.logger }).resolve();
    const list = site.lists[PROBE_LIST];
    name = `the list "${list.displayName}"`;
    resource = `sites/${site.id}/lists/${list.id}`;
  } catch (error) {
    return {
      line: skipped(id, `Not probed: ${name} could not be found (${error instanceof Error ? error.message : String(error)}; see site and list:${PROBE_LIST}).`),
      outcome: 'not-run',
    };
  }
  const expiresAt = new Date(input.now.getTime() + PROBE_LIFETIME_MS).toISOString();
  let created: { id?: string; expirationDateTime?: string };
  try {
    created = (await client.api('/subscriptions').post(subscriptionRequest(options, { resource, expiresAt, clientState: newClientState() }))) as typeof created;
  } catch (error) {
    const status = error instanceof GraphError ? error.statusCode : null;
    const detail = error instanceof GraphError ? `${error.statusCode}${error.code ? ` ${error.code}` : ''}: ${error.message}` : String(error);
    if (status === 403)
      return {
        line: problem(
          id,
          `Graph refused a subscription on ${name} (${detail}): the app's permissions do not allow list subscriptions, so the app reads the lists on demand.`,
          subscriptionRoleFix(input),
        ),
        outcome: 'refused',
      };
    if (status === 400)
      return {
        line: problem(
          id,
          `Graph did not create a subscription on ${name} (${detail}). Graph validates a new subscription by posting to ${options.notificationUrl} and ${options.lifecycleNotificationUrl} and waits 10 s for the token back.`,
          'Run the probe while the app runs at PUBLIC_URL with CHANGE_NOTIFICATIONS=on and is reachable from the internet (custom domain and TLS binding; App Service → Networking must let Microsoft Graph in), then probe again.',
        ),
        outcome: 'failed',
      };
    return {
      line: problem(
        id,
        `Graph did not create a subscription on ${name} (${detail}).`,
        'Run the probe again; if it persists, check the Graph service health (Microsoft 365 admin centre → Health).',
      ),
      outcome: 'failed',
    };
  }
  const until = created.expirationDateTime ?? expiresAt;
  if (!created.id)
    return {
      line: warning(id, `Graph created a subscription on ${name} but named no id, so it could not be deleted; it lapses ${when(until)}.`, 'Nothing to do.'),
      outcome: 'created',
    };
  try {
    await client.api(`/subscriptions/${encodeURIComponent(created.id)}`).delete();
  } catch (error) {
    return {
      line: warning(
        id,
        `Graph created and validated a subscription on ${name}, but it could not be deleted (${error instanceof GraphError ? error.statusCode : String(error)}); it lapses ${when(until)}.`,
        'Nothing to do: the running app ignores notifications for subscriptions it does not keep.',
      ),
      outcome: 'created',
    };
  }
  return {
    line: ok(
      id,
      `Graph created a subscription on ${name} after validating ${options.notificationUrl} and the lifecycle URL, and it was deleted again: the app may subscribe to the lists, and Graph reaches it.`,
    ),
    outcome: 'created',
  };
}

function notProbed(input: FreshnessCheckInput, options: ChangeNotificationOptions): CheckResult {
  return skipped(
    'subscription-probe',
    `Not probed: npm run doctor -- --probe-subscriptions creates a subscription on the list "${input.sharePoint.lists[PROBE_LIST]}" for at most an hour and deletes it at once. ` +
      `Graph validates it by posting to ${options.notificationUrl}, so probe while the app runs there.`,
  );
}

function subscriptionRoleFix(input: FreshnessCheckInput): string {
  return (
    `Entra admin centre → App registrations → ${input.clientId} → API permissions: add Microsoft Graph → Application permissions → ${SUBSCRIPTION_ROLE}, then "Grant admin consent" ` +
    `(az ad app permission admin-consent --id ${input.clientId}; docs/deployment.md, Change notifications), and restart the app; or set CHANGE_NOTIFICATIONS=off to read on demand without it.`
  );
}

/** What the token's roles say about list subscriptions, with what the state store and the probe showed. */
function permissionLine(input: FreshnessCheckInput, kept: Kept, probe: { outcome: ProbeOutcome } | null): CheckResult {
  const id = 'subscription-permission';
  if ('unavailable' in input.graph) return skipped(id, `Not checked: ${input.graph.unavailable}.`);
  const roles = input.graph.roles;
  const documented = `Graph's documentation names ${SUBSCRIPTION_ROLE} (application) for subscriptions to lists`;
  if (roles.includes(SUBSCRIPTION_ROLE)) return ok(id, `The token has ${SUBSCRIPTION_ROLE}: ${documented}.`);
  const broader = roles.filter((role) => BROADER_THAN_SUBSCRIPTION_ROLE.includes(role));
  if (broader.length > 0)
    return ok(id, `The token has ${broader.join(', ')}, which include${broader.length === 1 ? 's' : ''} ${SUBSCRIPTION_ROLE}: ${documented}.`);
  const have = roles.length > 0 ? roles.join(', ') : 'no application permissions';
  if (probe?.outcome === 'created' || kept.accepted)
    return ok(
      id,
      `The token has ${have}, not ${SUBSCRIPTION_ROLE} (${documented}), yet Graph accepted ${probe?.outcome === 'created' ? "the probe's subscription" : "the app's subscriptions"}: what the token has suffices in this tenant.`,
    );
  if (probe?.outcome === 'refused')
    return warning(
      id,
      `The token has ${have}, not ${SUBSCRIPTION_ROLE} (${documented}), and Graph refused the probe's subscription (see subscription-probe).`,
      subscriptionRoleFix(input),
    );
  return warning(
    id,
    `The token has ${have}, not ${SUBSCRIPTION_ROLE}: ${documented}; whether Sites.Selected with the site's write grant suffices is not documented (unverified). If Graph refuses, the app reads the lists on demand and its log says why.`,
    `Find out with npm run doctor -- --probe-subscriptions while the app runs at PUBLIC_URL. If Graph refuses (403): ${subscriptionRoleFix(input)}`,
  );
}
