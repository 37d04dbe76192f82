/**
 * Which teams a run posts to, and the one shape a team's part of the report takes.
 */
import type { TeamTarget } from '../contracts';
import type { BotOptions } from '../../src/config';
import type { NotifierCore } from './deps';
import type { EventReport, TeamReport, TeamStatus } from './types';

/** A team for dry runs when no team has installed the bot yet. */
function previewTeam(options: BotOptions): TeamTarget {
  const now = new Date(0).toISOString();
  return {
    teamId: 'preview',
    tenantId: '',
    serviceUrl: '',
    channelId: 'preview',
    channelName: null,
    conversationReference: {},
    language: options.defaultLanguage,
    active: true,
    installedAt: now,
    updatedAt: now,
  };
}

/** A team's part of the report. A preview team has no id and the status `preview`. */
export function teamReport(core: NotifierCore, team: TeamTarget, events: EventReport[], status: TeamStatus = 'ready'): TeamReport {
  const preview = core.previews.has(team);
  return {
    teamId: preview ? null : team.teamId,
    channelName: team.channelName,
    language: team.language,
    status: preview ? 'preview' : status,
    events,
  };
}

/**
 * The teams to post to, with the ones that cannot receive posts already reported as such.
 * A dry run with no team ready previews for a stand-in team that has chosen a channel.
 */
export async function teamsFor(core: NotifierCore, teamId: string | undefined, dryRun: boolean): Promise<{ ready: TeamTarget[]; reports: TeamReport[] }> {
  const all = (await core.deps.registry.list()).filter((team) => teamId === undefined || team.teamId === teamId);
  const ready: TeamTarget[] = [];
  const reports: TeamReport[] = [];
  for (const team of all) {
    const status = !team.active ? 'inactive' : team.channelId === null ? 'no-channel' : 'ready';
    if (status === 'ready') ready.push(team);
    else reports.push(teamReport(core, team, [], status));
  }
  if (dryRun && ready.length === 0 && teamId === undefined) {
    const team = previewTeam(core.deps.options);
    core.previews.add(team);
    ready.push(team);
  }
  return { ready, reports };
}
