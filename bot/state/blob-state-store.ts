/**
 * The state store for production with several instances: one block blob per key in an
 * Azure Blob Storage container. Conditional writes use the blob's ETag: `If-None-Match: *`
 * creates only when absent, `If-Match` replaces only when unchanged, so two instances cannot
 * both claim the same reminder.
 */
import type { ContainerClient, RestError, StorageRetryOptions } from '@azure/storage-blob';
import { BlobServiceClient } from '@azure/storage-blob';
import { AppError } from '../../src/errors';
import type { Logger } from '../../src/logger';
import type { StateStore, StoredValue } from '../../src/ports/state-store';
import { assertKey, decodeKeyPath, encodeKeyPath } from './keys';

export interface BlobStateStoreOptions {
  connectionString: string;
  container: string;
  /** The SDK's retry policy (default: 4 tries, exponential back-off from 4 s). */
  retry?: StorageRetryOptions;
}

function statusOf(error: unknown): number | null {
  const status = (error as RestError | null)?.statusCode;
  return typeof status === 'number' ? status : null;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export class BlobStateStore implements StateStore {
  private readonly container: ContainerClient;
  private ready: Promise<void> | null = null;
  private readonly log: Logger;

  constructor(options: BlobStateStoreOptions, deps: { logger: Logger }) {
    this.log = deps.logger.child({ module: 'state-blob' });
    try {
      this.container = BlobServiceClient.fromConnectionString(options.connectionString, { retryOptions: options.retry }).getContainerClient(options.container);
    } catch {
      // The SDK's message can quote the connection string; ours names the setting instead.
      throw new AppError('config', 'AZURE_STORAGE_CONNECTION_STRING is not a valid Azure Storage connection string');
    }
  }

  /** Creates the container when it does not exist yet. Called once by `createStateStore`. */
  init(): Promise<void> {
    this.ready ??= this.container
      .createIfNotExists()
      .then((result) => {
        if (result.succeeded) this.log.info({ container: this.container.containerName }, 'created the state container');
      })
      .catch((error: unknown) => {
        this.ready = null;
        throw new AppError(
          'state-store-unavailable',
          `Azure Blob Storage container "${this.container.containerName}" could not be opened (status ${statusOf(error) ?? 'none'})`,
          { cause: error },
        );
      });
    return this.ready;
  }

  async get<T>(key: string): Promise<StoredValue<T> | null> {
    assertKey(key);
    await this.init();
    try {
      const response = await this.blob(key).download();
      const body = response.readableStreamBody ? await readAll(response.readableStreamBody) : Buffer.alloc(0);
      return { value: JSON.parse(body.toString('utf8')) as T, etag: response.etag ?? '' };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  async put<T>(key: string, value: T, condition?: { ifMatch: string } | { ifNoneMatch: true }): Promise<string | null> {
    assertKey(key);
    await this.init();
    const body = JSON.stringify(value);
    const conditions = !condition ? undefined : 'ifMatch' in condition ? { ifMatch: condition.ifMatch } : { ifNoneMatch: '*' };
    try {
      const response = await this.blob(key).upload(body, Buffer.byteLength(body), {
        conditions,
        blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
      });
      return response.etag ?? null;
    } catch (error) {
      const status = statusOf(error);
      // 412: If-Match failed; 409 BlobAlreadyExists: If-None-Match failed; 404: the blob to replace is gone.
      if (condition && (status === 412 || status === 409 || status === 404)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertKey(key);
    await this.init();
    await this.blob(key).deleteIfExists();
  }

  async list(prefix: string): Promise<string[]> {
    await this.init();
    const keys: string[] = [];
    for await (const item of this.container.listBlobsFlat({ prefix: encodeKeyPath(prefix) })) keys.push(decodeKeyPath(item.name));
    return keys;
  }

  private blob(key: string) {
    return this.container.getBlockBlobClient(encodeKeyPath(key));
  }
}
