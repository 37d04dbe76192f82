/**
 * One team's events, in order. Stops posting to the team when the connector says it is gone or
 * unavailable; the rest are reported with the reason.
 */
import type { TeamTarget } from '../contracts';
import type { CalendarDate } from '../../src/domain/types';
import { markTeamGone, teamIsGone } from '../teams/team-gone';
import { postEvent, previewEvent } from './deliver-event';
import { errorText, type Mode, type NotifierCore } from './deps';
import type { NotifyEvent } from './events';
import { teamReport } from './team-reports';
import type { EventReport, Outcome, TeamReport } from './types';

export async function processTeam(core: NotifierCore, team: TeamTarget, events: NotifyEvent[], today: CalendarDate, mode: Mode): Promise<TeamReport> {
  const reports: EventReport[] = [];
  let halt: { outcome: Outcome; detail: string } | null = null;
  for (const event of events) {
    if (halt) {
      reports.push({ key: event.key, kind: event.kind, outcome: halt.outcome, summary: event.summary(team.language), detail: halt.detail });
      continue;
    }
    try {
      if (mode !== 'post') {
        reports.push(await previewEvent(core, team, event, today, mode));
        continue;
      }
      const { report, result } = await postEvent(core, team, event, today);
      reports.push(report);
      if (teamIsGone(result)) {
        await markTeamGone(core.deps.registry, team.teamId, result, core.log);
        halt = { outcome: 'team-gone', detail: 'not attempted: the bot is no longer in the team' };
      } else if (result && !result.ok && result.kind === 'retryable') {
        halt = { outcome: 'failed-retryable', detail: 'not attempted this run: the connector was unavailable' };
      }
    } catch (error) {
      // A card that cannot be made, or a ledger that cannot be written: report, and go on with the next event.
      core.log.error({ teamId: team.teamId, key: event.key, err: errorText(error) }, 'could not process event');
      reports.push({ key: event.key, kind: event.kind, outcome: 'failed', summary: event.summary(team.language), detail: errorText(error) });
    }
  }
  return teamReport(core, team, reports);
}
