/**
 * Azurite's Blob service on loopback, in memory, for tests and benchmarks of the Blob state store.
 * Started programmatically (the package's main entry needs VS Code), on a free port, strict
 * (loose mode off); the API version check is skipped because the SDK may be newer than Azurite.
 */
import { randomBytes } from 'node:crypto';

/** Azurite's well-known development account (public, documented; not a secret). */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

interface AzuriteServer {
  start(): Promise<void>;
  close(): Promise<void>;
  clean(): Promise<void>;
  getHttpServerAddress(): string;
}

type ServerCtor = new (config: unknown) => AzuriteServer;
type ConfigCtor = new (...args: unknown[]) => unknown;

export interface Azurite {
  /** `http://127.0.0.1:PORT/devstoreaccount1` */
  blobEndpoint: string;
  connectionString: string;
  /** A container name not used before on this server. */
  freshContainer(prefix?: string): string;
  close(): Promise<void>;
}

export async function startAzurite(): Promise<Azurite> {
  const BlobServer = (require('azurite/dist/src/blob/BlobServer') as { default: ServerCtor }).default;
  const BlobConfiguration = (require('azurite/dist/src/blob/BlobConfiguration') as { default: ConfigCtor }).default;
  // Positional: host, port, keepAliveTimeout, metadataDBPath, extentDBPath, persistencePathArray,
  // enableAccessLog, accessLogWriteStream, enableDebugLog, debugLogFilePath, loose,
  // skipApiVersionCheck, cert, key, pwd, oauth, disableProductStyleUrl, isMemoryPersistence.
  const config = new BlobConfiguration(
    '127.0.0.1',
    0,
    undefined,
    undefined,
    undefined,
    undefined,
    false,
    undefined,
    false,
    undefined,
    false,
    true,
    '',
    '',
    '',
    undefined,
    false,
    true,
  );
  const server = new BlobServer(config);
  await server.start();
  const port = new URL(server.getHttpServerAddress()).port;
  const blobEndpoint = `http://127.0.0.1:${port}/${ACCOUNT}`;
  return {
    blobEndpoint,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};BlobEndpoint=${blobEndpoint};`,
    freshContainer: (prefix = 'test') => `${prefix}-${randomBytes(6).toString('hex')}`,
    async close() {
      await server.close();
      await server.clean();
    },
  };
}
