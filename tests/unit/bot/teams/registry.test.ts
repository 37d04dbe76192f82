import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TeamTarget } from '../../../../bot/contracts';
import { FileStateStore } from '../../../../bot/state';
import { StateStoreTeamRegistry } from '../../../../bot/teams';
import { AppError } from '../../../../src/errors';
import { silentLogger } from '../../../../src/logger';
import { FixedClock } from '../../../../src/ports/clock';

const team = (teamId: string, overrides: Partial<TeamTarget> = {}): TeamTarget => ({
  teamId,
  tenantId: 'tenant-1',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  channelId: null,
  channelName: null,
  conversationReference: { conversation: { id: teamId } },
  language: 'sv',
  active: true,
  installedAt: '2022-11-01T08:00:00.000Z',
  updatedAt: '2022-11-01T08:00:00.000Z',
  ...overrides,
});

describe('StateStoreTeamRegistry', () => {
  let dir: string;
  let registry: StateStoreTeamRegistry;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'registry-'));
    registry = new StateStoreTeamRegistry(new FileStateStore({ dir }, { logger: silentLogger }), new FixedClock('2022-12-01T09:00:00Z'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('stores teams with any id characters, survives a new registry on the same store, lists and removes', async () => {
    await registry.put(team('19:abc@thread.tacv2'));
    await registry.put(team('19:d/e?f@thread.skype', { installedAt: '2022-11-02T08:00:00.000Z' }));
    const again = new StateStoreTeamRegistry(new FileStateStore({ dir }, { logger: silentLogger }), new FixedClock('2022-12-01T09:00:00Z'));
    expect((await again.list()).map((t) => t.teamId)).toEqual(['19:abc@thread.tacv2', '19:d/e?f@thread.skype']);
    await again.remove('19:abc@thread.tacv2');
    expect(await registry.get('19:abc@thread.tacv2')).toBeNull();
  });

  test('markInactive keeps the record and its channel', async () => {
    await registry.put(team('t1', { channelId: '19:c' }));
    await registry.markInactive('t1', 'removed');
    expect(await registry.get('t1')).toMatchObject({ active: false, channelId: '19:c', updatedAt: '2022-12-01T09:00:00.000Z' });
    await registry.markInactive('unknown', 'removed');
    expect(await registry.get('unknown')).toBeNull();
  });

  test('concurrent updates of one team do not overwrite each other', async () => {
    await registry.put(team('t1'));
    await Promise.all([
      registry.update('t1', (current) => (current ? { ...current, serviceUrl: 'https://smba.trafficmanager.net/amer/' } : null)),
      registry.update('t1', (current) => (current ? { ...current, channelId: '19:svom' } : null)),
      registry.update('t1', (current) => (current ? { ...current, language: 'en' } : null)),
    ]);
    expect(await registry.get('t1')).toMatchObject({ serviceUrl: 'https://smba.trafficmanager.net/amer/', channelId: '19:svom', language: 'en' });
  });

  test('update creates only once when two turns race to create', async () => {
    const created: boolean[] = [];
    await Promise.all(
      [1, 2].map(() =>
        registry.update('t2', (current) => {
          if (current) return null;
          created.push(true);
          return team('t2');
        }),
      ),
    );
    expect(await registry.list()).toHaveLength(1);
  });

  test('an update that keeps losing the race fails with a typed error naming the team', async () => {
    /** A store where another writer always got there first: every conditional write is refused. */
    class AlwaysRaced extends FileStateStore {
      override async put<T>(key: string, value: T, condition?: { ifMatch: string } | { ifNoneMatch: true }): Promise<string | null> {
        return condition ? null : super.put(key, value);
      }
    }
    const raced = new StateStoreTeamRegistry(new AlwaysRaced({ dir }, { logger: silentLogger }), new FixedClock('2022-12-01T09:00:00Z'));
    await raced.put(team('t3'));
    const error = await raced.update('t3', (current) => (current ? { ...current, language: 'en' } : null)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'state-store-busy', message: expect.stringContaining('t3') });
    expect(await raced.get('t3')).toMatchObject({ language: 'sv' });
  });
});
