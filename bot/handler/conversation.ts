/**
 * Answers to what members write: the commands in Swedish and English, and help (never silence)
 * for anything else.
 */
import type { Language } from '../contracts';
import { daysBetween, parseCalendarDate } from '../../src/domain/dates';
import type { CalendarDate, Meeting } from '../../src/domain/types';
import { escapeMarkdown, strings } from '../cards';
import { parseCommand } from './commands';
import type { HandlerDeps } from './deps';
import { postDueSoon } from './card-actions';
import { cardContext, ensureTeam, welcomeOnFirstMessage } from './installation';
import { channelIdOf, isPersonal, reply, teamChannels, teamIdOf, textOf, type Turn } from './teams-context';

/** The meetings from `today` up to `days` ahead (`MEETING_WITHIN_DAYS`), the same horizon as the tab and the notifier. */
function meetingsWithin(meetings: Meeting[], today: CalendarDate, days: number): Meeting[] {
  return meetings.filter((meeting) => {
    if (parseCalendarDate(meeting.date) === null) return false;
    const until = daysBetween(today, meeting.date);
    return until >= 0 && until <= days;
  });
}

/**
 * Answers one message. `welcomed` holds the teams this process has shown the welcome card to:
 * in a team with no reminder channel yet, the first message brings the card again ("posta här"
 * chooses the channel itself, so it needs none).
 */
export async function handleMessage(context: Turn, deps: HandlerDeps, welcomed: Set<string>): Promise<void> {
  const log = deps.logger.child({ module: 'bot-commands' });
  const teamId = teamIdOf(context);
  const { command, spokenLanguage } = parseCommand(textOf(context));
  if (teamId && command.kind !== 'post-here') await welcomeOnFirstMessage(context, deps, welcomed);
  const team = teamId ? await deps.registry.get(teamId) : null;
  // In a team the team's setting rules; in personal chat, the language the member wrote in.
  let language: Language = team?.language ?? (isPersonal(context) && spokenLanguage ? spokenLanguage : deps.options.defaultLanguage);
  const t = () => strings(language);
  log.debug({ command: command.kind, teamId }, 'command');

  switch (command.kind) {
    case 'meetings': {
      const snapshot = await deps.snapshots.get();
      const meetings = meetingsWithin(snapshot.list.meetings, snapshot.view.today, snapshot.view.meetingWithinDays);
      await reply(
        context,
        deps.cards.meetingsList({ meetings, stale: snapshot.view.stale, errands: snapshot.view.errands }, cardContext(deps, language)),
        t().meetingsTitle,
      );
      return;
    }
    case 'agreements': {
      const snapshot = await deps.snapshots.get();
      await reply(
        context,
        deps.cards.agreementsList({ agreements: snapshot.view.agreements, stale: snapshot.view.stale }, cardContext(deps, language)),
        t().agreementsTitle,
      );
      return;
    }
    case 'post-here': {
      const channelId = channelIdOf(context);
      // A team installed before its record existed (or with the record lost) is registered now.
      const known = team ?? (await ensureTeam(context, deps)).team;
      if (!teamId || !known || !channelId) {
        await reply(
          context,
          deps.cards.message({ title: t().actionResult, text: t().channelOnlyInTeam, style: 'warning' }, cardContext(deps, language)),
          t().channelOnlyInTeam,
        );
        return;
      }
      const channels = await teamChannels(context, teamId, t().generalChannel);
      const name = channels.find((channel) => channel.id === channelId)?.name ?? t().generalChannel;
      await deps.registry.update(teamId, (current) => (current ? { ...current, channelId, channelName: name, active: true } : null));
      log.info({ teamId, channelId }, 'reminder channel set with "post here"');
      postDueSoon(deps, teamId);
      await reply(
        context,
        deps.cards.message({ title: t().actionResult, text: t().channelChosen(escapeMarkdown(name)), style: 'good' }, cardContext(deps, language)),
        t().channelChosen(name),
      );
      return;
    }
    case 'language': {
      language = command.language;
      if (teamId && team) await deps.registry.update(teamId, (current) => (current ? { ...current, language } : null));
      await reply(context, deps.cards.message({ title: t().actionResult, text: t().languageSet, style: 'good' }, cardContext(deps, language)), t().languageSet);
      return;
    }
    case 'help':
    case 'unknown': {
      const card = deps.cards.help(
        { inTeam: teamId !== null, channelName: team?.channelId ? team.channelName : null, unknownText: command.kind === 'unknown' ? command.text : null },
        cardContext(deps, language),
      );
      await reply(context, card, t().helpTitle);
      return;
    }
  }
}
