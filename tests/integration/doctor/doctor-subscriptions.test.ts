/**
 * The doctor's freshness lines against the fake tenant: the mode the configuration selects and
 * why (off, misconfigured, on); with change notifications, the subscriptions a running app keeps
 * in the state store (healthy, expired, missing, gone from Graph, nobody keeping them), the
 * token's roles, and the opt-in probe (refused with 403, a failed validation, created and
 * deleted). The app that subscribes is the real one, served on loopback behind the https
 * PUBLIC_URL Graph calls.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDoctorCli } from '../../../app/cli/doctor';
import { createServer, type AppServer } from '../../../app/server';
import { FileStateStore } from '../../../bot/state';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { LIST_NAMES, type ListName } from '../../../src/ports/list-source';
import { INSTANCE_PREFIX, RECORD_PREFIX, type SubscriptionRecord } from '../../../src/sharepoint/change-notifications';
import { runDoctorOn, startDoctorTenant, type DoctorRun, type DoctorTenant } from './doctor-harness';
import { capturedLogs } from '../../fixtures/captured-logs';

jest.setTimeout(120_000);

let tenant: DoctorTenant;
/** The state store of the app that subscribes (and of the doctor runs that look at it). */
let dataDir: string;
let store: FileStateStore;
let app: AppServer;
let http: Server;
const ON = () => ({ CHANGE_NOTIFICATIONS: 'on', DATA_DIR: dataDir });

function doctor(args: string[] = [], env: Record<string, string> = {}): Promise<DoctorRun> {
  return runDoctorOn(tenant, args, env);
}

async function records(): Promise<SubscriptionRecord[]> {
  const keys = await store.list(RECORD_PREFIX);
  return Promise.all(keys.map(async (key) => (await store.get<SubscriptionRecord>(key))?.value as SubscriptionRecord));
}

beforeAll(async () => {
  tenant = await startDoctorTenant();
  dataDir = mkdtempSync(join(tmpdir(), 'doctor-subscriptions-'));
  store = new FileStateStore({ dir: dataDir }, { logger: silentLogger });
  // The app with change notifications at the tenant's PUBLIC_URL (without the bot, which is not
  // the subject here); Graph's calls to PUBLIC_URL reach it on loopback.
  const config = loadConfig({ ...tenant.env, ...ON(), MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '', HOST: '127.0.0.1', PORT: '0' });
  app = await createServer(config, { logger: silentLogger, stateStore: store });
  http = createHttpServer(app.app);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const local = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  tenant.graph.subscriptions.deliverTo(tenant.env.PUBLIC_URL ?? '', local);
  await app.changeNotifications?.start();
}, 600_000);

afterAll(async () => {
  await app?.close();
  await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
  await tenant?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the freshness mode', () => {
  it('says on demand, and why, when CHANGE_NOTIFICATIONS is off, with no subscription lines', async () => {
    const run = await doctor();
    expect(run.code).toBe(0);
    expect(run.line('freshness')).toBe(
      'ok       freshness: On demand: the lists are read every 3600 s while somebody looks, every 3600 s otherwise (CHANGE_NOTIFICATIONS is off).',
    );
    expect(run.out).not.toMatch(/^\S+\s+subscription/m);
  });

  it('says on demand and what to fix when CHANGE_NOTIFICATIONS=on cannot work (PUBLIC_URL not https)', async () => {
    const run = await doctor([], { ...ON(), PUBLIC_URL: 'http://127.0.0.1:9' });
    expect(run.code).toBe(1);
    expect(run.line('freshness')).toBe(
      'PROBLEM  freshness: On demand, not change notifications: ' +
        "CHANGE_NOTIFICATIONS=on needs PUBLIC_URL to be the app's public https address (Graph only posts notifications to https), and PUBLIC_URL is http://127.0.0.1:9. " +
        'The lists are read every 3600 s while somebody looks, every 3600 s otherwise. ' +
        "Fix: Set PUBLIC_URL to the app's https address (App Service → Configuration → Application settings), or CHANGE_NOTIFICATIONS=off to read on demand on purpose.",
    );
    expect(run.out).not.toMatch(/^\S+\s+subscription/m);
  });

  it('gives the same reason as the start-up log, from the same decision', async () => {
    const env = { ...tenant.env, ...ON(), PUBLIC_URL: 'http://127.0.0.1:9', MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '' };
    const config = loadConfig({ ...env, HOST: '127.0.0.1', PORT: '0' });
    const { logger, records: lines } = capturedLogs('info');
    const started = await createServer(config, { logger, stateStore: store });
    try {
      await started.listen();
    } finally {
      await started.close();
    }
    const startup = lines.find((line) => line.msg?.startsWith('lists read on demand'))?.msg ?? '(no start-up line)';
    expect(config.freshness.mode).toBe('on-demand');
    expect(startup).toBe(`lists read on demand: every 3600 s while somebody looks, every 3600 s otherwise (${config.freshness.reason})`);
    const run = await doctor([], { ...ON(), PUBLIC_URL: 'http://127.0.0.1:9' });
    expect(run.line('freshness')).toContain(`On demand, not change notifications: ${config.freshness.reason}.`);
  });

  it('in local mode, says CHANGE_NOTIFICATIONS=on has no effect', async () => {
    const local = mkdtempSync(join(tmpdir(), 'doctor-local-'));
    try {
      let out = '';
      const code = await runDoctorCli([], {
        out: (text) => (out += text),
        err: () => undefined,
        env: { DATA_DIR: local, CHANGE_NOTIFICATIONS: 'on', LOG_LEVEL: 'silent' },
      });
      expect(code).toBe(0);
      expect(out).toMatch(/^warning\s+freshness: CHANGE_NOTIFICATIONS=on has no effect in local mode: the local file is watched for changes\. Fix: /m);
    } finally {
      rmSync(local, { recursive: true, force: true });
    }
  });
});

describe('change notifications on', () => {
  it('reports the subscriptions the running app keeps: one per list, its expiry, known to Graph, and the instance keeping them', async () => {
    const kept = await records();
    expect(kept).toHaveLength(LIST_NAMES.length);
    const titles = loadConfig(tenant.env).sharePoint?.lists as Record<ListName, string>;
    const run = await doctor([], ON());
    expect(run.code).toBe(0);
    expect(run.line('freshness')).toBe(
      `ok       freshness: Change notifications (CHANGE_NOTIFICATIONS=on and PUBLIC_URL ${tenant.env.PUBLIC_URL} is https): ` +
        `the app subscribes to each list and Graph posts to ${tenant.env.PUBLIC_URL}/api/graph/notifications; a list is read when Graph tells of a change, ` +
        'and every 3600 s as a safety net. If Graph refuses, the app reads on demand (every 3600 s while somebody looks, every 3600 s otherwise) and logs why.',
    );
    for (const list of LIST_NAMES) {
      const record = kept.find((candidate) => candidate.list === list);
      expect(run.line(`subscription:${list}`)).toMatch(
        new RegExp(
          `^ok\\s+subscription:${list}: Subscription ${record?.subscriptionId?.slice(0, 8)} on the list "${titles[list]}" expires \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(Stockholm\\), in 29 days; Graph has it; 1 instance of the app running\\.$`,
        ),
      );
    }
    // Sites.Selected alone (the fake tenant's grant), and Graph accepted the app's subscriptions: shown, not assumed.
    expect(run.line('subscription-permission')).toBe(
      "ok       subscription-permission: The token has Sites.Selected, not Sites.ReadWrite.All (Graph's documentation names Sites.ReadWrite.All (application) for subscriptions to lists), " +
        "yet Graph accepted the app's subscriptions: what the token has suffices in this tenant.",
    );
    expect(run.line('subscription-probe')).toMatch(
      /^skipped\s+subscription-probe: Not probed: npm run doctor -- --probe-subscriptions creates a subscription on the list "Balanslista SVOM" for at most an hour and deletes it at once\./,
    );
    // The clientState is a secret: never printed.
    for (const record of kept) expect(run.out).not.toContain(record.clientState);
  });

  it('probes on request: Graph validates the app at PUBLIC_URL, creates the subscription, and it is deleted at once', async () => {
    const before = tenant.graph.subscriptions.live().map((subscription) => subscription.id);
    const validations = () => tenant.graph.subscriptions.deliveries.filter((delivery) => delivery.kind === 'validation');
    const validated = validations().length;
    tenant.graph.setAppRoles(['Sites.Selected', 'Sites.ReadWrite.All']);
    try {
      const run = await doctor(['--probe-subscriptions'], ON());
      expect(run.line('subscription-probe')).toBe(
        `ok       subscription-probe: Graph created a subscription on the list "Balanslista SVOM" after validating ${tenant.env.PUBLIC_URL}/api/graph/notifications and the lifecycle URL, ` +
          'and it was deleted again: the app may subscribe to the lists, and Graph reaches it.',
      );
      expect(run.line('subscription-permission')).toBe(
        "ok       subscription-permission: The token has Sites.ReadWrite.All: Graph's documentation names Sites.ReadWrite.All (application) for subscriptions to lists.",
      );
      // Broader than the site needs, but what notifications ask for: the fix says so instead of "remove it".
      expect(run.line('graph-permissions')).toMatch(
        /^warning\s+graph-permissions: .*\(and Sites\.ReadWrite\.All for change notifications, CHANGE_NOTIFICATIONS=on\)\. Fix: Keep Sites\.ReadWrite\.All only if/,
      );
      expect(run.code).toBe(0);
      expect(
        validations()
          .slice(validated)
          .map((delivery) => [delivery.url, delivery.status]),
      ).toEqual([
        [`${tenant.env.PUBLIC_URL}/api/graph/notifications`, 200],
        [`${tenant.env.PUBLIC_URL}/api/graph/lifecycle`, 200],
      ]);
      expect(tenant.graph.subscriptions.live().map((subscription) => subscription.id)).toEqual(before);
    } finally {
      tenant.graph.setAppRoles(['Sites.Selected']);
    }
  });

  it('says a refused probe (403) and what to grant, and that Sites.Selected did not suffice', async () => {
    tenant.graph.subscriptions.allowed = false;
    const empty = mkdtempSync(join(tmpdir(), 'doctor-refused-'));
    try {
      const run = await doctor(['--probe-subscriptions'], { ...ON(), DATA_DIR: empty });
      expect(run.code).toBe(1);
      expect(run.line('subscription-probe')).toBe(
        'PROBLEM  subscription-probe: Graph refused a subscription on the list "Balanslista SVOM" ' +
          "(403 ExtensionError: Operation: Create; Exception: [Status Code: Forbidden; Reason: Access denied.]): the app's permissions do not allow list subscriptions, so the app reads the lists on demand. " +
          `Fix: Entra admin centre → App registrations → ${tenant.graph.clientId} → API permissions: add Microsoft Graph → Application permissions → Sites.ReadWrite.All, then "Grant admin consent" ` +
          `(az ad app permission admin-consent --id ${tenant.graph.clientId}; docs/deployment.md, Change notifications), and restart the app; or set CHANGE_NOTIFICATIONS=off to read on demand without it.`,
      );
      expect(run.line('subscription-permission')).toMatch(
        /^warning\s+subscription-permission: The token has Sites\.Selected, not Sites\.ReadWrite\.All \(.*\), and Graph refused the probe's subscription \(see subscription-probe\)\. Fix: /,
      );
      // Nothing kept in this store: each list says so, and that no instance keeps them.
      expect(run.line('subscription:balance')).toBe(
        'PROBLEM  subscription:balance: No subscription on the list "Balanslista SVOM" in the state store: no instance of the app has kept the subscriptions in the last 45 minutes. ' +
          'Fix: Start the app with CHANGE_NOTIFICATIONS=on at PUBLIC_URL: it subscribes at start-up and checks its subscriptions every 15 minutes; then run npm run doctor again.',
      );
    } finally {
      tenant.graph.subscriptions.allowed = true;
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('says the permission is unverified with Sites.Selected alone and no evidence either way, and how to find out', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'doctor-unverified-'));
    try {
      const run = await doctor([], { ...ON(), DATA_DIR: empty });
      expect(run.line('subscription-permission')).toBe(
        "warning  subscription-permission: The token has Sites.Selected, not Sites.ReadWrite.All: Graph's documentation names Sites.ReadWrite.All (application) for subscriptions to lists; " +
          "whether Sites.Selected with the site's write grant suffices is not documented (unverified). If Graph refuses, the app reads the lists on demand and its log says why. " +
          'Fix: Find out with npm run doctor -- --probe-subscriptions while the app runs at PUBLIC_URL. If Graph refuses (403): Entra admin centre → App registrations → ' +
          `${tenant.graph.clientId} → API permissions: add Microsoft Graph → Application permissions → Sites.ReadWrite.All, then "Grant admin consent" ` +
          `(az ad app permission admin-consent --id ${tenant.graph.clientId}; docs/deployment.md, Change notifications), and restart the app; or set CHANGE_NOTIFICATIONS=off to read on demand without it.`,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('says a probe whose validation failed (the app not answering at PUBLIC_URL), and how to run it', async () => {
    const publicUrl = tenant.env.PUBLIC_URL ?? '';
    tenant.graph.subscriptions.deliverTo(publicUrl, 'http://127.0.0.1:9');
    try {
      const run = await doctor(['--probe-subscriptions'], ON());
      expect(run.code).toBe(1);
      expect(run.line('subscription-probe')).toBe(
        'PROBLEM  subscription-probe: Graph did not create a subscription on the list "Balanslista SVOM" ' +
          '(400 ValidationError: Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.). ' +
          `Graph validates a new subscription by posting to ${publicUrl}/api/graph/notifications and ${publicUrl}/api/graph/lifecycle and waits 10 s for the token back. ` +
          'Fix: Run the probe while the app runs at PUBLIC_URL with CHANGE_NOTIFICATIONS=on and is reachable from the internet (custom domain and TLS binding; App Service → Networking must let Microsoft Graph in), then probe again.',
      );
      // Not a permission question: the app's subscriptions still show Graph accepted them.
      expect(run.line('subscription-permission')).toMatch(
        /^ok\s+subscription-permission: The token has Sites\.Selected, .*yet Graph accepted the app's subscriptions/,
      );
    } finally {
      tenant.graph.subscriptions.deliverTo(publicUrl, `http://127.0.0.1:${(http.address() as AddressInfo).port}`);
    }
  });

  it('flags an expired subscription, a missing one, and one Graph no longer has; then, with no instance running, says to start the app', async () => {
    const kept = await records();
    const byList = (list: string) => kept.find((record) => record.list === list) as SubscriptionRecord;
    const balance = byList('balance');
    const errands = byList('errands');
    // The app stopped without its orderly stop a month ago: the balance list's subscription lapsed.
    const expired = new Date(Date.now() - 3_600_000).toISOString();
    await store.put(`${RECORD_PREFIX}${balance.listId}`, { ...balance, expiresAt: expired });
    tenant.graph.subscriptions.drop(balance.subscriptionId ?? '');
    await store.delete(`${RECORD_PREFIX}${byList('meetings').listId}`);
    tenant.graph.subscriptions.drop(errands.subscriptionId ?? '');
    // Well inside the renewal window, and nobody renewed it.
    const forum = byList('forum');
    await store.put(`${RECORD_PREFIX}${forum.listId}`, { ...forum, expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    // Another instance is creating one; the last attempt at another failed.
    const sections = byList('sections');
    const until = new Date(Date.now() + 120_000).toISOString();
    await store.put(`${RECORD_PREFIX}${sections.listId}`, {
      ...sections,
      subscriptionId: null,
      expiresAt: null,
      claim: { by: '5e1f0a2b-0000-4000-8000-000000000000', until },
    });
    const actions = byList('actions');
    await store.put(`${RECORD_PREFIX}${actions.listId}`, { ...actions, subscriptionId: null, expiresAt: null, claim: null });

    const run = await doctor([], ON());
    expect(run.code).toBe(1);
    expect(run.line('subscription:balance')).toMatch(
      new RegExp(
        `^PROBLEM\\s+subscription:balance: Subscription ${balance.subscriptionId?.slice(0, 8)} on the list "Balanslista SVOM" expired \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(Stockholm\\): ` +
          '1 instance of the app running, so nobody renewed it and Graph no longer notifies\\. Fix: The running app creates it again at its next check, or at once when restarted\\.',
      ),
    );
    expect(run.line('subscription:meetings')).toMatch(
      /^PROBLEM\s+subscription:meetings: No subscription on the list "Möten SVOM" in the state store: 1 instance of the app running\. Fix: The running app subscribes at its next check \(every 15 minutes\), or at once when restarted\./,
    );
    expect(run.line('subscription:errands')).toMatch(
      new RegExp(
        `^PROBLEM\\s+subscription:errands: Subscription ${errands.subscriptionId?.slice(0, 8)} on the list "Ärenden SVOM" \\(expires .*\\) is in the state store, but Graph no longer has it \\(1 instance of the app running\\)\\. ` +
          'Fix: The running app creates it again when it next compares with Graph \\(every 6 hours\\), or at once when restarted\\.',
      ),
    );
    expect(run.line('subscription:forum')).toMatch(
      new RegExp(
        `^warning\\s+subscription:forum: Subscription ${forum.subscriptionId?.slice(0, 8)} on the list "Forum SVOM" expires .*, in 23 h: its renewal is overdue \\(renewed from 3 days before expiry\\), 1 instance of the app running; Graph has it\\. Fix: The running app renews it at its next check`,
      ),
    );
    expect(run.line('subscription:sections')).toMatch(
      /^warning\s+subscription:sections: The subscription on the list "Avsnitt SVOM" is being created; instance 5e1f0a2b is creating it until \d{4}-\d\d-\d\d \d\d:\d\d \(Stockholm\)\. Fix: Run npm run doctor again in a few minutes\.$/,
    );
    expect(run.line('subscription:actions')).toMatch(
      /^PROBLEM\s+subscription:actions: The subscription on the list "Uppdrag SVOM" was not created: the app's last attempt failed \(1 instance of the app running\)\. Fix: The running app tries again every 6 hours, or at once when restarted; fix the reason first \(usually subscription-permission\)\. The log stream says why/,
    );
    // Without a Sites.ReadWrite.All role, one subscription Graph still has is the evidence.
    expect(run.line('subscription-permission')).toMatch(/^ok\s+subscription-permission: .*yet Graph accepted the app's subscriptions/);

    // The instance's heartbeat gone (it was killed): nobody keeps them, so the fix is to start the app.
    for (const key of await store.list(INSTANCE_PREFIX)) await store.delete(key);
    const unkept = await doctor([], ON());
    expect(unkept.line('subscription:balance')).toMatch(
      /no instance of the app has kept the subscriptions in the last 45 minutes, so nobody renewed it and Graph no longer notifies\. Fix: Start the app with CHANGE_NOTIFICATIONS=on at PUBLIC_URL: it subscribes at start-up/,
    );
    expect(unkept.line('subscription:actions')).toMatch(
      /^PROBLEM\s+subscription:actions: .*\(no instance of the app has kept the subscriptions in the last 45 minutes\)\. Fix: Start the app/,
    );
  });
});
