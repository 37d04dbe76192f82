/**
 * The teams the bot is installed in, kept in the durable state store (one record per team), so
 * targets survive restarts and are shared by every instance. Writes use the store's etags, so
 * two turns changing the same team at once (a service URL refresh and a channel choice) do not
 * overwrite each other.
 */
import type { TeamRegistry, TeamTarget } from '../contracts';
import { AppError } from '../../src/errors';
import type { StateStore } from '../../src/ports/state-store';
import type { Clock } from '../../src/ports/clock';

const PREFIX = 'teams/';
const MAX_ATTEMPTS = 5;

/** Team ids ("19:…@thread.tacv2") hold characters no file or blob name should; the key is their base64url. */
function keyOf(teamId: string): string {
  return `${PREFIX}${Buffer.from(teamId, 'utf8').toString('base64url')}`;
}

export class StateStoreTeamRegistry implements TeamRegistry {
  constructor(
    private readonly store: StateStore,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<TeamTarget[]> {
    const keys = await this.store.list(PREFIX);
    const records = await Promise.all(keys.map((key) => this.store.get<TeamTarget>(key)));
    return records
      .filter((record): record is NonNullable<typeof record> => record !== null)
      .map((record) => record.value)
      .sort((a, b) => a.installedAt.localeCompare(b.installedAt) || a.teamId.localeCompare(b.teamId));
  }

  async get(teamId: string): Promise<TeamTarget | null> {
    return (await this.store.get<TeamTarget>(keyOf(teamId)))?.value ?? null;
  }

  async put(target: TeamTarget): Promise<void> {
    await this.store.put(keyOf(target.teamId), target);
  }

  /** Marks the team inactive (no more posts there); `reason` is for the caller's log, the record keeps no history. */
  async markInactive(teamId: string, _reason: string): Promise<void> {
    await this.update(teamId, (current) => (current && current.active ? { ...current, active: false } : null));
  }

  async remove(teamId: string): Promise<void> {
    await this.store.delete(keyOf(teamId));
  }

  /**
   * Reads the team's record, applies `change` and writes the result only if nobody wrote in
   * between (retrying on a race). `change` returns null to leave the record as it is.
   * Returns the record as stored afterwards.
   */
  async update(teamId: string, change: (current: TeamTarget | null) => TeamTarget | null): Promise<TeamTarget | null> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const current = await this.store.get<TeamTarget>(keyOf(teamId));
      const next = change(current?.value ?? null);
      if (next === null) return current?.value ?? null;
      const stamped = { ...next, updatedAt: this.clock.now().toISOString() };
      const condition = current ? { ifMatch: current.etag } : ({ ifNoneMatch: true } as const);
      if ((await this.store.put(keyOf(teamId), stamped, condition)) !== null) return stamped;
    }
    throw new AppError('state-store-busy', `Could not update team ${teamId}: its record changed under ${MAX_ATTEMPTS} attempts in a row`);
  }
}
