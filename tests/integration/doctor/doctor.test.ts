/**
 * `npm run doctor` against the fake tenant (Graph, Entra ID, the app served over HTTPS on
 * loopback): after provisioning and the import it prints all ok and exits 0; each fault injected
 * gives its documented line (docs/deployment.md's troubleshooting table) and exit 1; a
 * configuration it cannot read exits 2; local mode says so and checks the local store.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { checkInBackground } from '../../../app/doctor';
import { runDoctorCli } from '../../../app/cli/doctor';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { createGraphClient } from '../../../src/sharepoint/graph-client';
import { provisionLists } from '../../../src/sharepoint/provision';
import { FAKE_SITE_URL } from '../../fakes/fake-graph';
import { graphOptions, sharePointOptions } from '../../fakes/fake-graph-options';
import { USER_LIST_ID } from '../../fakes/fake-graph/store';
import { runDoctorOn, startDoctorTenant, TEAMS_APP_ID, type DoctorRun, type DoctorTenant } from './doctor-harness';
import { capturedLogs } from '../../fixtures/captured-logs';

jest.setTimeout(120_000);

let tenant: DoctorTenant;

beforeAll(async () => {
  tenant = await startDoctorTenant();
}, 600_000);
afterAll(async () => {
  await tenant?.close();
});

function doctor(args: string[] = [], env: Record<string, string> = {}, root?: string): Promise<DoctorRun> {
  return runDoctorOn(tenant, args, env, root);
}

describe('npm run doctor against the fake tenant', () => {
  it('prints all ok and exits 0 after provisioning and the import', async () => {
    const run = await doctor();
    expect(run.code).toBe(0);
    for (const id of [
      'config',
      'public-url',
      'app-id-uri',
      'bot-app-id',
      'meeting-details',
      'graph-token',
      'graph-permissions',
      'site',
      'site-grant',
      'people',
      'documents',
      'bot-token',
      'bot-endpoint',
      'state-store',
      'tab',
    ])
      expect(run.line(id)).toMatch(/^ok\s/);
    for (const list of ['balance', 'meetings', 'errands', 'forum', 'sections'])
      expect(run.line(`list:${list}`)).toMatch(/^ok\s+list:\w+: The list ".+": found, every column/);
    expect(run.line('bot-endpoint')).toContain('answers 401 to an unauthenticated POST over HTTPS');
    expect(run.out).toMatch(/\nAll ok \(\d+ checks, 1 skipped\)\.\n$/);
    expect(run.out).not.toContain(tenant.graph.clientSecret);
  });

  it('prints the same as JSON with --json', async () => {
    const run = await doctor(['--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as { mode: string; ok: boolean; exitCode: number; checks: Array<{ id: string; status: string; message: string }> };
    expect(json).toMatchObject({ mode: 'sharepoint', ok: true, exitCode: 0 });
    expect(json.checks.find((check) => check.id === 'list:balance')).toMatchObject({ status: 'ok' });
    expect(json.checks.map((check) => check.id)).toContain('state-store');
  });

  it('names a missing list and the provision that creates it', async () => {
    const info = tenant.graph.listInfo('Ärenden SVOM');
    const items = tenant.graph.itemCount('Ärenden SVOM');
    tenant.graph.removeList('Ärenden SVOM');
    try {
      const run = await doctor();
      expect(run.code).toBe(1);
      expect(run.line('list:errands')).toBe(
        'PROBLEM  list:errands: The list "Ärenden SVOM" (SHAREPOINT_ERRANDS_LIST) was not found on the site. ' +
          'Fix: Create it with npm run provision (needs the manage role on the site while it runs, step 3 of docs/deployment.md), or set SHAREPOINT_ERRANDS_LIST to the display name or id of the list you use.',
      );
      expect(run.line('list:balance')).toMatch(/^ok\s/);
      expect(run.out).toMatch(/\n1 problem: fix the lines marked PROBLEM/);
    } finally {
      // Back as provisioning makes it (empty), with the same name.
      tenant.graph.addList({ displayName: info.displayName });
      expect(items).toBe(0);
      await provisionAgain();
    }
  });

  it('names a missing column', async () => {
    const before = structuredClone(tenant.graph.columnDefinitions('Möten SVOM'));
    tenant.graph.removeColumn('Möten SVOM', 'MeetingKey');
    try {
      const run = await doctor();
      expect(run.code).toBe(1);
      expect(run.line('list:meetings')).toBe(
        'PROBLEM  list:meetings: The list "Möten SVOM": MeetingKey ("Mötesnyckel") is missing. ' +
          'Fix: npm run provision adds the missing columns and choices (never drops or retypes one; needs the manage role while it runs).',
      );
    } finally {
      tenant.graph.setColumnDefinitions('Möten SVOM', before ?? []);
    }
  });

  it('names other choice values, and a column of another type', async () => {
    const before = structuredClone(tenant.graph.columnDefinitions('Balanslista SVOM'));
    tenant.admin.setColumn('Balanslista SVOM', 'EntryStatus', {
      choice: { allowTextEntry: false, choices: ['Pågår', 'Ej påbörjad', 'Bevakas', 'Vilande', 'Avslutad'], displayAs: 'dropDownMenu' },
    });
    tenant.admin.setColumn('Balanslista SVOM', 'SortOrder', { text: { allowMultipleLines: false, maxLength: 255 } });
    try {
      const run = await doctor();
      expect(run.code).toBe(1);
      const line = run.line('list:balance');
      expect(line).toMatch(/^PROBLEM\s+list:balance: The list "Balanslista SVOM": /);
      expect(line).toContain('SortOrder ("Ordning") is text, the app reads number');
      expect(line).toContain('EntryStatus ("Status") lacks "Klar" and has "Avslutad", which the app cannot read');
      expect(line).toContain('List settings → the column → change them to the values in docs/lists.md');
    } finally {
      tenant.graph.setColumnDefinitions('Balanslista SVOM', before ?? []);
    }
  });

  it('says 403 on the site, and what grants it', async () => {
    tenant.graph.setAccess('none');
    try {
      const run = await doctor();
      expect(run.code).toBe(1);
      expect(run.line('site')).toBe(
        'PROBLEM  site: Access to the site https://contoso.sharepoint.com/sites/svom was denied (403): the app has no grant on the site. ' +
          `Fix: Grant the app the site: pwsh infra/grant-site-access.ps1 -SiteUrl https://contoso.sharepoint.com/sites/svom -ClientId ${tenant.graph.clientId} -Role write (a SharePoint Administrator), and check Entra admin centre → App registrations → the app → API permissions shows Sites.Selected (Application) as granted.`,
      );
      expect(run.line('list:balance')).toBe('skipped  list:balance: Not checked: the site could not be read.');
    } finally {
      tenant.graph.setAccess('write');
    }
  });

  it("warns, without failing, when the site's user list cannot be read: the cards then name people without an @mention", async () => {
    expect((await doctor()).line('people')).toBe(
      "ok       people: The site's user list can be read: the bot's cards @mention the responsible person of an action.",
    );
    tenant.graph.fail({ status: 403, match: new RegExp(`${USER_LIST_ID}/items$`) });
    const run = await doctor();
    expect(run.line('people')).toMatch(
      /^warning\s+people: The site's user list could not be read \(403\): the bot's cards name the responsible person of an action without an @mention\. Fix: Give the app read access/,
    );
    expect(run.code).toBe(0);
  });

  it("says where the app's documents go in the site's library, and warns, without failing, when they cannot go there", async () => {
    const library = `${FAKE_SITE_URL}/Delade%20dokument`;
    expect((await doctor()).line('documents')).toBe(
      `ok       documents: The site's document library answers (${library}); the folder Balanslistan is made at the first "Spara i SharePoint".`,
    );
    tenant.graph.drive.files.set('balanslistan', {
      id: 'f-1',
      path: 'Balanslistan',
      bytes: Buffer.from('not a folder'),
      version: 1,
      createdDateTime: '2022-11-01T08:00:00Z',
      lastModifiedDateTime: '2022-11-01T08:00:00Z',
      lastModifiedBy: { user: { id: 'u-1', displayName: 'Anna Berg', email: 'anna@contoso.onmicrosoft.com' } },
    });
    try {
      const file = await doctor();
      expect(file.line('documents')).toMatch(
        /^warning\s+documents: The document library has a file named Balanslistan where the app keeps its folder: .*Fix: Rename or move that file/,
      );
      expect(file.code).toBe(0);
    } finally {
      tenant.graph.drive.files.delete('balanslistan');
    }
    tenant.graph.fail({ status: 403, match: /\/drive$/ });
    const refused = await doctor();
    expect(refused.line('documents')).toMatch(
      /^warning\s+documents: The site's document library could not be read \(403\): "Spara i SharePoint" cannot save .*Fix: Give the app access to the forum's site/,
    );
    expect(refused.code).toBe(0);
  });

  it('says read-only access is not enough for the card actions', async () => {
    tenant.graph.setAccess('read');
    try {
      const run = await doctor();
      expect(run.code).toBe(1);
      expect(run.line('site-grant')).toMatch(
        /^PROBLEM\s+site-grant: The app may read the site but not write .*"Revision påbörjad" button needs write\. Fix: Grant the app the site: .*-Role write/,
      );
    } finally {
      tenant.graph.setAccess('write');
    }
  });

  it.each([
    [7000222, 'Entra ID refused the token: the client secret has expired (AADSTS7000222).', 'create a new client secret'],
    [7000215, 'Entra ID refused the token: the client secret is wrong (AADSTS7000215).', 'set AZURE_CLIENT_SECRET to its Value (not its Secret ID)'],
    [700016, 'Entra ID refused the token: no app with this client id exists in the tenant (AADSTS700016).', 'Directory (tenant) ID'],
    [
      7000229,
      'Entra ID refused the token: the app registration has no service principal (enterprise application) in the tenant (AADSTS7000229).',
      'az ad sp create --id',
    ],
    [90002, 'Entra ID refused the token: the tenant does not exist in this cloud (AADSTS90002).', 'AZURE_AUTHORITY_HOST'],
  ] as const)('translates the refusal AADSTS%s', async (code, message, fix) => {
    tenant.graph.refuseTokens(code);
    try {
      const run = await doctor();
      expect(run.code).toBe(1);
      expect(run.line('graph-token')).toContain(`PROBLEM  graph-token: ${message} Fix: `);
      expect(run.line('graph-token')).toContain(fix);
      expect(run.line('graph-permissions')).toBe('skipped  graph-permissions: Not checked: no Graph token.');
      expect(run.line('site')).toBe('skipped  site: Not checked: no Graph token.');
    } finally {
      tenant.graph.refuseTokens(null);
    }
  });

  it('says a token without application permissions has no admin consent', async () => {
    tenant.graph.setAppRoles([]);
    try {
      const run = await doctor();
      expect(run.code).toBe(1);
      expect(run.line('graph-permissions')).toBe(
        'PROBLEM  graph-permissions: The token carries no application permissions: admin consent has not been granted. ' +
          `Fix: Entra admin centre → App registrations → ${tenant.graph.clientId} → API permissions: add Microsoft Graph → Application permissions → Sites.Selected, then "Grant admin consent" (az ad app permission admin-consent --id ${tenant.graph.clientId}).`,
      );
      expect(run.line('site')).toBe('skipped  site: Not checked: the token has no permission for sites (Sites.Selected).');
    } finally {
      tenant.graph.setAppRoles(['Sites.Selected']);
    }
  });

  it('says a token with other roles but not Sites.Selected lacks it', async () => {
    tenant.graph.setAppRoles(['User.Read.All']);
    try {
      const run = await doctor();
      expect(run.code).toBe(1);
      expect(run.line('graph-permissions')).toMatch(
        /^PROBLEM\s+graph-permissions: The token has User\.Read\.All, but not Sites\.Selected, which the app needs/,
      );
    } finally {
      tenant.graph.setAppRoles(['Sites.Selected']);
    }
  });

  it('names permissions broader than needed, and reads the grant where the token may list it', async () => {
    tenant.graph.setAppRoles(['Sites.Selected', 'Sites.FullControl.All']);
    try {
      const run = await doctor();
      expect(run.code).toBe(0);
      expect(run.line('graph-permissions')).toMatch(
        /^warning\s+graph-permissions: The token has Sites\.FullControl\.All, broader than needed: it reaches every site, where the app needs only Sites\.Selected on the forum's site\. Fix: .*remove Sites\.FullControl\.All/,
      );
      expect(run.line('site-grant')).toBe('ok       site-grant: The app has write on the site (read from its app permissions).');
    } finally {
      tenant.graph.setAppRoles(['Sites.Selected']);
    }
  });

  it('says an unreachable bot endpoint and tab, and how to fix them', async () => {
    const run = await doctor([], { PUBLIC_URL: 'https://127.0.0.1:9' });
    expect(run.code).toBe(1);
    expect(run.line('bot-endpoint')).toMatch(
      /^PROBLEM\s+bot-endpoint: https:\/\/127\.0\.0\.1:9\/api\/messages cannot be reached \(ECONNREFUSED: .*\)\. Fix: Nothing answers there: /,
    );
    expect(run.line('tab')).toMatch(/^PROBLEM\s+tab: https:\/\/127\.0\.0\.1:9\/ cannot be reached \(ECONNREFUSED/);
  });

  it('says a bot endpoint that refuses for another reason than the token (the app without MicrosoftAppId)', async () => {
    const unkeyed = await tenant.serveApp({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '' });
    const run = await doctor([], { PUBLIC_URL: unkeyed, MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '' });
    expect(run.code).toBe(1);
    expect(run.line('bot-endpoint')).toMatch(
      /^PROBLEM\s+bot-endpoint: https:\/\/127\.0\.0\.1:\d+\/api\/messages refused the call with 403, not 401: the running app has no MicrosoftAppId/,
    );
    expect(run.line('bot-app-id')).toMatch(/^PROBLEM\s+bot-app-id: MicrosoftAppId is not set/);
  });

  it('says an unguarded bot endpoint (something at PUBLIC_URL accepting calls without a token)', async () => {
    // Not this app (it never accepts an unauthenticated call from elsewhere): e.g. an old
    // deployment or a catch-all proxy answering at the address.
    const open = createHttpsServer({ key: tenant.key, cert: tenant.ca }, (_req, res) => {
      res.writeHead(202).end();
    });
    await new Promise<void>((resolve) => open.listen(0, '127.0.0.1', resolve));
    try {
      const run = await doctor([], { PUBLIC_URL: `https://127.0.0.1:${(open.address() as AddressInfo).port}` });
      expect(run.code).toBe(1);
      expect(run.line('bot-endpoint')).toMatch(
        /^PROBLEM\s+bot-endpoint: https:\/\/127\.0\.0\.1:\d+\/api\/messages accepted an unauthenticated POST \(202\): anyone can talk to the bot as Teams\. Fix: Set MicrosoftAppId/,
      );
      expect(run.line('tab')).toMatch(/^PROBLEM\s+tab: .* answered 202, not the tab's page/);
    } finally {
      open.closeAllConnections();
      await new Promise<void>((resolve) => open.close(() => resolve()));
    }
  });

  it('says a certificate the doctor does not trust', async () => {
    let out = '';
    const code = await runDoctorCli([], { out: (text) => (out += text), err: () => undefined, env: tenant.env });
    expect(code).toBe(1);
    expect(out).toMatch(
      /PROBLEM\s+bot-endpoint: .* cannot be reached \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE).*Fix: The HTTPS certificate is not trusted/,
    );
  });

  it('compares the built manifest with the settings (--env)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'doctor-root-'));
    try {
      mkdirSync(join(root, 'env'));
      mkdirSync(join(root, 'appPackage', 'build'), { recursive: true });
      writeFileSync(join(root, 'env', '.env.test'), 'LOG_LEVEL=silent\n');
      const host = new URL(tenant.env.PUBLIC_URL ?? '').host;
      const manifest = (botId: string) => ({
        id: TEAMS_APP_ID,
        bots: [{ botId }],
        webApplicationInfo: { id: tenant.graph.clientId, resource: `api://${host}/${tenant.graph.clientId}` },
        validDomains: [host],
        staticTabs: [{ contentUrl: `${tenant.env.PUBLIC_URL}/tab?oid={user.id}&tid={user.tenant.id}` }],
      });
      writeFileSync(join(root, 'appPackage', 'build', 'manifest.test.json'), JSON.stringify(manifest(tenant.graph.clientId)));
      expect((await doctor(['--env', 'test'], {}, root)).line('manifest')).toBe(
        'ok       manifest: appPackage/build/manifest.test.json names the same app, bot, SSO resource and domain as the settings.',
      );
      const other = '11111111-2222-4333-8444-555555555555';
      writeFileSync(join(root, 'appPackage', 'build', 'manifest.test.json'), JSON.stringify(manifest(other)));
      const run = await doctor(['--env', 'test'], {}, root);
      expect(run.code).toBe(1);
      expect(run.line('manifest')).toContain(`bots[0].botId is ${other}, the settings say ${tenant.graph.clientId}`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('exits 2 when the configuration cannot be read, and on bad arguments', async () => {
    const bad = await doctor([], { AZURE_CLIENT_ID: 'not-a-guid' });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('AZURE_CLIENT_ID must be a GUID');
    expect((await doctor(['--frobnicate'])).code).toBe(2);
    expect((await doctor(['--env', 'nothing-here'])).code).toBe(2);
  });
});

describe('npm start in SharePoint mode', () => {
  it('runs the same checks in the background after start-up and logs each problem once', async () => {
    const { logger, records: lines } = capturedLogs('info');
    tenant.graph.setAppRoles([]);
    try {
      const config = loadConfig(tenant.env);
      const running = checkInBackground(config, logger);
      // Nothing has run yet: the start does not wait for the checks.
      expect(lines).toEqual([]);
      const report = await running;
      expect(report?.checks.find((check) => check.id === 'graph-permissions')?.status).toBe('problem');
      const problems = lines.filter((line) => line.level === 50);
      // This test process does not trust the test certificate of PUBLIC_URL (the server's own
      // check uses the system's trust, as on the App Service), so the address lines fail too.
      expect(problems.map((line) => line.check)).toEqual(['graph-permissions', 'bot-endpoint', 'tab']);
      expect(problems[0]?.msg).toBe('The token carries no application permissions: admin consent has not been granted.');
      expect(problems[0]?.fix).toContain('Grant admin consent');
      expect(lines.filter((line) => line.level === 30 && /^Start-up checks found problems/.test(line.msg))).toHaveLength(1);
      expect(JSON.stringify(lines)).not.toContain(tenant.graph.clientSecret);
    } finally {
      tenant.graph.setAppRoles(['Sites.Selected']);
    }
  });
});

describe('npm run doctor in local mode', () => {
  it('says local mode, checks the local store and the state store, and exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'doctor-local-'));
    try {
      let out = '';
      const code = await runDoctorCli([], { out: (text) => (out += text), err: (text) => (out += text), env: { DATA_DIR: dataDir, LOG_LEVEL: 'silent' } });
      expect(code).toBe(0);
      expect(out).toMatch(/^ok\s+mode: Local mode: no tenant settings/m);
      expect(out).toMatch(/^ok\s+local-store: .*lists\.json reads: \d+ balance, \d+ meetings/m);
      expect(out).toMatch(/^ok\s+state-store: the file store in .* is writable, with conditional writes\./m);
      expect(out).toContain('All ok (3 checks).');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

/** Brings the lists back to the schema after a test removed one (as `npm run provision` would). */
async function provisionAgain(): Promise<void> {
  const client = createGraphClient(graphOptions(tenant.graph), { logger: silentLogger, sleep: async () => undefined });
  await provisionLists(client, sharePointOptions(tenant.graph), { logger: silentLogger });
}
