/**
 * What the channel is told when a member has just chosen it and the run right after posts
 * nothing: without a word, a new user (in the Agents Playground, or on a weekend) cannot tell a
 * quiet list from a broken bot.
 */
import type { Language } from '../contracts';
import { daysBetween, stockholmClockOf } from '../../src/domain/dates';
import { weekdayName } from '../cards';
import type { NotifyReport } from './types';

export type NothingPostedReason = 'nothing-due' | 'quiet-hours' | 'weekend' | 'already-posted';

/** Why a run for one team posted nothing, or null when it posted something (or failed: the log says so). */
export function nothingPostedReason(report: NotifyReport): NothingPostedReason | null {
  const events = report.teams.flatMap((team) => team.events);
  if (events.length === 0) return 'nothing-due';
  if (events.some((event) => event.outcome !== 'deferred-quiet-hours' && event.outcome !== 'skipped-already-posted')) return null;
  if (events.some((event) => event.outcome === 'deferred-quiet-hours')) return report.quiet ?? 'quiet-hours';
  return 'already-posted';
}

const COMMANDS = {
  sv: 'Skriv **@Balanslistan möten** eller **@Balanslistan avtal** här för att se läget nu (i en kanal hör boten bara meddelanden som nämner den).',
  en: 'Write **@Balanslistan meetings** or **@Balanslistan agreements** here to see where things stand (in a channel the bot only hears messages that mention it).',
};

/**
 * When the next posting run is, as a member reads it, relative to `now` (both Stockholm time):
 * "kl. 08:00", "i morgon kl. 08:00", "på måndag kl. 08:00", "den 2022-12-19 kl. 08:00".
 */
function whenNextRun(run: Date, now: Date, language: Language): string {
  const at = stockholmClockOf(run);
  const days = daysBetween(stockholmClockOf(now).date, at.date);
  const time = language === 'en' ? `at ${at.time}` : `kl. ${at.time}`;
  if (days <= 0) return language === 'en' ? `today ${time}` : `i dag ${time}`;
  if (days === 1) return language === 'en' ? `tomorrow ${time}` : `i morgon ${time}`;
  if (days < 7) return language === 'en' ? `on ${weekdayName(at.weekday, 'en')} ${time}` : `på ${weekdayName(at.weekday, 'sv')} ${time}`;
  return language === 'en' ? `on ${at.date} ${time}` : `den ${at.date} ${time}`;
}

/**
 * The title and text (card markdown) of the message, in the team's language. `nextRun` is the
 * schedule's next run outside quiet time (null when the schedule has none soon).
 */
export function nothingPostedMessage(
  reason: NothingPostedReason,
  report: NotifyReport,
  nextRun: Date | null,
  language: Language,
): { title: string; text: string } {
  const count = report.teams.flatMap((team) => team.events).filter((event) => event.outcome === 'deferred-quiet-hours').length;
  const when = nextRun ? whenNextRun(nextRun, new Date(report.quietAt), language) : null;
  if (language === 'en') {
    const due = count === 1 ? 'the reminder that is due' : `the ${count} reminders that are due`;
    const later = when ? `will be posted here by the next scheduled run, ${when}` : 'will be posted here by the next scheduled run outside quiet time';
    const texts: Record<NothingPostedReason, string> = {
      'nothing-due': `Nothing to remind about today (${report.date}): no meeting and no agreement has reached a reminder day. Reminders will be posted here by themselves when one does.`,
      'quiet-hours': `It is quiet time now: ${due} ${later}.`,
      weekend: `It is the weekend: ${due} ${later}.`,
      'already-posted':
        'Everything due today has already been posted. New reminders will be posted here when a meeting or an agreement reaches a reminder day.',
    };
    return { title: 'Reminders in this channel', text: `${texts[reason]}\n\n${COMMANDS.en}` };
  }
  const due = count === 1 ? 'påminnelsen som är aktuell postas' : `de ${count} påminnelser som är aktuella postas`;
  const later = when ? `här vid schemats nästa körning, ${when}` : 'här vid schemats nästa körning utanför tyst tid';
  const texts: Record<NothingPostedReason, string> = {
    'nothing-due': `Inget att påminna om i dag (${report.date}): inget möte och inget avtal har nått en påminnelsedag. Påminnelser postas här av sig själva när det blir dags.`,
    'quiet-hours': `Det är tyst tid nu: ${due} ${later}.`,
    weekend: `Det är helg: ${due} ${later}.`,
    'already-posted': 'Allt som är aktuellt i dag är redan postat. Nya påminnelser postas här när ett möte eller ett avtal når en påminnelsedag.',
  };
  return { title: 'Påminnelser i den här kanalen', text: `${texts[reason]}\n\n${COMMANDS.sv}` };
}
