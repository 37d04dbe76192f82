/**
 * A Teams meeting's details for the tab in its side panel, read by the bot: the Bot Connector is
 * asked at the service URL the bot stored for a team of the caller's tenant (the latest one seen,
 * of a team the bot is still in), so the tab never reaches a connector, or a meeting, through
 * another tenant's installation. A meeting whose organizer is of another tenant is not served.
 */
import type { TeamsMeetingLookup, TeamsMeetings } from '../../src/ports/teams-meetings';
import type { MeetingInfoReader, TeamRegistry, TeamTarget } from '../contracts';

function sameTenant(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The team whose service URL to use: of the tenant (any, without one), active, the latest updated. */
function teamFor(teams: readonly TeamTarget[], tenantId: string | null): TeamTarget | null {
  const candidates = teams.filter((team) => team.active && (tenantId === null || sameTenant(team.tenantId, tenantId)));
  return [...candidates].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null;
}

export function createTeamsMeetings(deps: { registry: Pick<TeamRegistry, 'list'>; reader: MeetingInfoReader }): TeamsMeetings {
  return {
    async lookup(meetingId, tenantId): Promise<TeamsMeetingLookup> {
      let teams: TeamTarget[];
      try {
        teams = await deps.registry.list();
      } catch (error) {
        return {
          kind: 'unavailable',
          status: 0,
          message: `the bot's team records could not be read: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      const team = teamFor(teams, tenantId);
      if (team === null) {
        const removed = teams.some((candidate) => tenantId === null || sameTenant(candidate.tenantId, tenantId));
        const where = tenantId === null ? 'any team' : `a team of tenant ${tenantId}`;
        return {
          kind: 'bot-not-installed',
          reason: removed
            ? `the bot has been removed from every team of ${tenantId === null ? 'this server' : `tenant ${tenantId}`}`
            : `the bot is not installed in ${where}`,
        };
      }
      const answer = await deps.reader.read(team.serviceUrl, meetingId);
      if (answer.ok) {
        const organizer = answer.info.organizerTenantId;
        const owner = tenantId ?? team.tenantId;
        if (organizer !== null && !sameTenant(organizer, owner)) {
          return { kind: 'other-tenant', message: `the meeting is organized in tenant ${organizer}, not in tenant ${owner}` };
        }
        const { scheduledStart, joinUrl, title, type } = answer.info;
        return { kind: 'found', meeting: { scheduledStart, joinUrl, title, type } };
      }
      if (answer.code === 'BotNotConfigured') return { kind: 'bot-not-installed', reason: answer.message };
      if (answer.status === 403) return { kind: 'not-allowed', message: answer.message };
      if (answer.status === 404) return { kind: 'not-found', message: answer.message };
      if (answer.retryable) {
        return { kind: 'unavailable', status: answer.status, message: answer.message };
      }
      return { kind: 'failed', status: answer.status, message: answer.message };
    },
  };
}
