/**
 * The one rule for a team the bot can no longer reach. The Bot Connector says so with 404, or
 * 403 BotNotInConversationRoster (classified `gone` in bot/adapter/delivery-errors.ts), on a
 * proactive post or while answering a turn. The team's record stays, with its channel (a
 * reinstall keeps the choice), but is marked inactive, so nothing more is posted there.
 */
import type { DeliveryResult, TeamRegistry } from '../contracts';
import type { Logger } from '../../src/logger';

export type GoneFailure = Extract<DeliveryResult, { kind: 'gone' }>;

/** True when a delivery's result says the bot is no longer in the team. */
export function teamIsGone(result: DeliveryResult | null): result is GoneFailure {
  return result !== null && !result.ok && result.kind === 'gone';
}

/** Marks the team inactive, with the connector's words as the reason. */
export async function markTeamGone(registry: TeamRegistry, teamId: string, failure: GoneFailure, log: Logger): Promise<void> {
  log.warn({ teamId, status: failure.status, reason: failure.message }, 'the bot is no longer in the team; marking it inactive');
  await registry.markInactive(teamId, failure.message);
}
