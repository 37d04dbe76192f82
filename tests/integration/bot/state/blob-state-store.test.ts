import { BlobStateStore, createStateStore } from '../../../../bot/state';
import { silentLogger } from '../../../../src/logger';
import { startAzurite, type Azurite } from '../../../fakes/azurite';
import { describeStateStoreContract } from './state-store-contract';

let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite.close();
});

describeStateStoreContract('BlobStateStore on Azurite', () =>
  createStateStore({ kind: 'blob', connectionString: azurite.connectionString, container: azurite.freshContainer() }, { logger: silentLogger }),
);

describe('BlobStateStore', () => {
  it('creates its container on first use and shares records between two instances', async () => {
    const container = azurite.freshContainer();
    const one = new BlobStateStore({ connectionString: azurite.connectionString, container }, { logger: silentLogger });
    const two = new BlobStateStore({ connectionString: azurite.connectionString, container }, { logger: silentLogger });
    await Promise.all([one.init(), two.init()]);
    expect(await one.put('claim', 'one', { ifNoneMatch: true })).not.toBeNull();
    expect(await two.put('claim', 'two', { ifNoneMatch: true })).toBeNull();
    expect((await two.get('claim'))?.value).toBe('one');
  });

  it('names the setting, not the secret, when the connection string is malformed', () => {
    expect(() => new BlobStateStore({ connectionString: 'AccountKey=c2VjcmV0;nonsense', container: 'x' }, { logger: silentLogger })).toThrow(
      /AZURE_STORAGE_CONNECTION_STRING is not a valid/,
    );
  });

  it('says which container could not be opened when storage is unreachable', async () => {
    const store = new BlobStateStore(
      { connectionString: azurite.connectionString.replace(/127\.0\.0\.1:\d+/, '127.0.0.1:9'), container: 'unreachable', retry: { maxTries: 1 } },
      { logger: silentLogger },
    );
    const failure = await store.init().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/container "unreachable" could not be opened/);
  });
});
