/**
 * The fake tenant the doctor is run against: the fake Graph and Entra ID with the admin routes,
 * the lists provisioned from the schema and the 2022 list imported, and the real app served over
 * HTTPS on loopback (a self-signed certificate the doctor is told to trust) as PUBLIC_URL.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDoctorCli } from '../../../app/cli/doctor';
import { createServer, type AppServer } from '../../../app/server';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { createGraphClient } from '../../../src/sharepoint/graph-client';
import { provisionLists } from '../../../src/sharepoint/provision';
import { ensureWebBuilt } from '../../e2e/support/web-build';
import { makeLoopbackCertificate } from '../../fakes/fake-bot-authority';
import { startFakeGraph, type FakeGraph, type FakeGraphOptions, type SeedItem } from '../../fakes/fake-graph';
import { installAdminRoutes, type FakeAdmin } from '../../fakes/fake-graph-admin';
import { graphOptions, sharePointOptions } from '../../fakes/fake-graph-options';
import { tenantEnv } from '../../fakes/fake-tenant';

export const TEAMS_APP_ID = '3b7c1d2e-4f5a-4b6c-9d7e-8f9a0b1c2d3e';
const ROOT = join(__dirname, '..', '..', '..');

export interface DoctorTenant {
  graph: FakeGraph;
  admin: FakeAdmin;
  /** The app's settings for the fake tenant, PUBLIC_URL the app served over HTTPS. */
  env: Record<string, string>;
  /** The self-signed certificate the app is served with (PEM), for the doctor to trust. */
  ca: string;
  /** Its private key (PEM), for other HTTPS servers on loopback. */
  key: string;
  certDir: string;
  /** Serves a second copy of the app over HTTPS with `env` on top of the tenant's; returns its PUBLIC_URL. */
  serveApp(env?: Record<string, string>): Promise<string>;
  close(): Promise<void>;
}

/** The fake tenant after `npm run provision` and the import of the 2022 list. */
export async function startDoctorTenant(options: FakeGraphOptions = {}): Promise<DoctorTenant> {
  // The tab's page is one of the checks: it must be built to be served.
  await ensureWebBuilt();
  const graph = await startFakeGraph({ withLists: false, ...options });
  const admin = installAdminRoutes(graph);
  const client = createGraphClient(graphOptions(graph), { logger: silentLogger, sleep: async () => undefined });
  await provisionLists(client, sharePointOptions(graph), { logger: silentLogger });
  const seed = JSON.parse(readFileSync(join(ROOT, 'data', 'balanslista-2022.json'), 'utf8')) as { balance: SeedItem[]; meetings: SeedItem[] };
  graph.seed('Balanslista SVOM', seed.balance);
  graph.seed('Möten SVOM', seed.meetings);

  const certDir = mkdtempSync(join(tmpdir(), 'doctor-'));
  const cert = makeLoopbackCertificate(certDir);
  const key = readFileSync(cert.keyPath, 'utf8');
  const ca = readFileSync(cert.certPath, 'utf8');
  const base = {
    ...tenantEnv(graph),
    MicrosoftAppId: graph.clientId,
    MicrosoftAppPassword: graph.clientSecret,
    MicrosoftAppTenantId: graph.tenantId,
    TEAMS_APP_ID,
    DATA_DIR: join(certDir, 'data'),
    LOG_LEVEL: 'silent',
    REFRESH_INTERVAL_SECONDS: '3600',
  };
  const running: Array<{ app: AppServer; https: Server }> = [];
  const serveApp = async (extra: Record<string, string> = {}): Promise<string> => {
    const https = createHttpsServer({ key, cert: ca });
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    const publicUrl = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
    const config = loadConfig({ ...base, PUBLIC_URL: publicUrl, HOST: '127.0.0.1', PORT: '0', ...extra });
    const app = await createServer(config, { logger: silentLogger });
    https.on('request', app.app);
    running.push({ app, https });
    return publicUrl;
  };
  const publicUrl = await serveApp();
  return {
    graph,
    admin,
    env: { ...base, PUBLIC_URL: publicUrl },
    ca,
    key,
    certDir,
    serveApp,
    async close() {
      for (const { app, https } of running) {
        await app.close();
        https.closeAllConnections();
        await new Promise<void>((resolve) => https.close(() => resolve()));
      }
      await graph.close();
      rmSync(certDir, { recursive: true, force: true });
    },
  };
}

export interface DoctorRun {
  code: number;
  out: string;
  err: string;
  /** The line of check `id`, e.g. `PROBLEM  list:errands: …`. */
  line(id: string): string;
}

/** `npm run doctor -- <args>` with the tenant's settings and `env` on top, trusting the app's certificate. */
export async function runDoctorOn(tenant: DoctorTenant, args: string[] = [], env: Record<string, string> = {}, root?: string): Promise<DoctorRun> {
  let out = '';
  let err = '';
  const code = await runDoctorCli(args, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    env: { ...tenant.env, ...env },
    ca: tenant.ca,
    ...(root ? { root } : {}),
  });
  return {
    code,
    out,
    err,
    line: (id) => out.split('\n').find((line) => new RegExp(`^\\S+\\s+${id.replace(/[:]/g, '\\$&')}: `).test(line)) ?? `(no line ${id})`,
  };
}
