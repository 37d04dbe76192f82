/**
 * The notifier's report as the secretariat reads it in a terminal: Swedish, with the English
 * in parentheses, one block per team and per card.
 */
import type { EventReport, NotifyReport, Outcome, TeamReport } from '../notifier';
import { cardToText } from './card-text';

const OUTCOME_TEXT: Record<Outcome, string> = {
  posted: 'postat (posted)',
  'would-post': 'skulle postas (would be posted)',
  'skipped-already-posted': 'redan postat (already posted)',
  'skipped-in-progress': 'postas just nu av en annan körning (being posted by another run)',
  'skipped-snoozed': 'påminn igen senare (snoozed)',
  'skipped-failed': 'misslyckades tidigare (failed before)',
  'skipped-nothing-due': 'inget att ta upp (nothing to tell)',
  'deferred-quiet-hours': 'väntar till efter tyst tid (deferred: quiet hours)',
  'failed-retryable': 'kunde inte postas nu, försöker igen (not delivered, will retry)',
  'team-gone': 'boten finns inte längre i teamet (the bot is no longer in the team)',
  failed: 'misslyckades (failed)',
};

const KIND_TEXT: Record<EventReport['kind'], string> = {
  'meeting-reminder': 'Mötespåminnelse (meeting reminder)',
  'expiry-notice': 'Avtal som löper ut (agreement expiry)',
  'weekly-digest': 'Veckoöversikt (weekly digest)',
  'follow-up-ready': 'Uppföljningen klar att granska (follow-up ready for review)',
  'action-reminder': 'Påminnelse om uppdrag (action reminder)',
  'meeting-outcome': 'Beslut och uppdrag från mötet (meeting outcome)',
};

function teamHeading(team: TeamReport): string {
  if (team.status === 'preview') {
    return 'För ett team som har valt en kanal (for a team that has chosen a channel) – inget team har installerat boten än (no team has installed the bot yet)';
  }
  const channel = team.channelName ? `kanal "${team.channelName}"` : 'ingen kanal vald (no channel chosen)';
  const status =
    team.status === 'no-channel'
      ? ' – hoppas över tills någon väljer kanal (skipped until a member chooses a channel)'
      : team.status === 'inactive'
        ? ' – boten är borttagen ur teamet (skipped: the bot was removed)'
        : '';
  return `Team ${team.teamId} (${channel}, ${team.language === 'en' ? 'engelska/English' : 'svenska/Swedish'})${status}`;
}

function countsLine(report: NotifyReport): string {
  const entries = Object.entries(report.counts) as Array<[Outcome, number]>;
  if (entries.length === 0) return 'Inget att posta (nothing due).';
  return `Summa (total): ${entries.map(([outcome, count]) => `${count} ${OUTCOME_TEXT[outcome]}`).join(', ')}.`;
}

const QUIET_TEXT: Record<NonNullable<NotifyReport['quiet']>, string> = {
  weekend: 'helg, nästa körning på en vardag postar (weekend: posted by the next weekday run)',
  'quiet-hours': 'tyst tid, nästa körning efter den postar (quiet hours: posted by the next run after them)',
};

/**
 * Why this run posted nothing (or, in a dry run, why a real run would post nothing), in one line;
 * null when something was or would be posted. The first reason that explains every team wins.
 */
function whyNothing(report: NotifyReport, team: string | null): string | null {
  const posting = report.dryRun ? ['would-post'] : ['posted'];
  const events = report.teams.flatMap((entry) => entry.events);
  if (events.some((event) => posting.includes(event.outcome))) return null;
  const verb = report.dryRun ? 'Inget skulle postas' : 'Inget postades';
  const verbEn = report.dryRun ? 'nothing would be posted' : 'nothing was posted';
  if (report.teams.length === 0) {
    return team
      ? `${verb}: teamet ${team} är inte installerat (${verbEn}: no such team installed).`
      : `${verb}: boten är inte installerad i något team ännu (${verbEn}: the bot is not installed in any team yet). Förhandsvisa med --dry-run (preview with --dry-run).`;
  }
  if (report.teams.every((entry) => entry.status === 'no-channel' || entry.status === 'inactive')) {
    return `${verb}: inget team har valt en kanal för påminnelserna (${verbEn}: no team has chosen a reminder channel).`;
  }
  if (events.length === 0) {
    return report.kind === 'digest'
      ? `${verb}: inga möten eller avtal att ta upp i veckoöversikten (${verbEn}: nothing for the digest).`
      : `${verb}: inget möte eller avtal är aktuellt för påminnelse ${report.date} (${verbEn}: nothing is due on ${report.date}).`;
  }
  if (events.every((event) => event.outcome === 'skipped-nothing-due')) {
    return `${verb}: inga möten eller avtal att ta upp i veckoöversikten (${verbEn}: nothing for the digest).`;
  }
  if (report.quiet && events.every((event) => event.outcome === 'deferred-quiet-hours')) {
    return `${verb}: ${QUIET_TEXT[report.quiet]}.`;
  }
  if (events.every((event) => event.outcome === 'skipped-already-posted')) {
    return `${verb}: allt som är aktuellt är redan postat (${verbEn}: everything due was posted before).`;
  }
  return `${verb}: se varje kort ovan (${verbEn}: see each card above).`;
}

export interface FormatOptions {
  json: boolean;
  source: string;
  team: string | null;
  /** When quiet hours and weekends were judged, and how to override them (from the CLI). */
  quietTiming?: string;
  /** The demo clock's date (TODAY), when set. */
  demoDate?: string | null;
}

export function formatReport(report: NotifyReport, options: FormatOptions): string {
  const lines: string[] = [];
  const what = report.kind === 'digest' ? 'Veckoöversikt (weekly digest)' : 'Påminnelser (reminders)';
  lines.push(
    report.dryRun
      ? `${what} för ${report.date} – förhandsvisning: inget postas och inget sparas (dry run: nothing is posted or recorded).`
      : `${what} för ${report.date}.`,
  );
  lines.push(`Källa (source): ${options.source === 'local' ? 'lokal lista (local list)' : 'SharePoint'}.`);
  if (options.demoDate) {
    lines.push(`Demoklocka: TODAY=${options.demoDate}, appen körs som om det vore den dagen (demo clock: the app runs as of that date).`);
  }
  if (options.quietTiming) lines.push(options.quietTiming);
  if (report.stale) lines.push('OBS: listan kunde inte läsas nu; senast lästa kopia används (the list could not be read; using the last good copy).');
  if (report.quiet && !report.dryRun) {
    lines.push(
      report.quiet === 'weekend'
        ? 'Helg: inget postas nu; nästa körning på en vardag postar (weekend: posted by the next weekday run).'
        : 'Tyst tid: inget postas nu; nästa körning efter tyst tid postar (quiet hours: posted by the next run after them).',
    );
  }
  if (report.quiet && report.dryRun) {
    lines.push(`En riktig körning då skulle vänta (a real run then would wait): ${QUIET_TEXT[report.quiet]}.`);
  }
  for (const team of report.teams) {
    lines.push('', teamHeading(team));
    team.events.forEach((event, index) => {
      lines.push('', `  ${index + 1}. ${KIND_TEXT[event.kind]} – ${OUTCOME_TEXT[event.outcome]}`, `     ${event.summary}`);
      if (event.detail && event.outcome !== 'would-post') lines.push(`     (${event.detail})`);
      if (event.card) {
        lines.push('', cardToText(event.card, '     │ '));
        if (options.json) lines.push('', JSON.stringify(event.card, null, 2).replace(/^/gm, '     '));
      }
    });
    if (team.status !== 'no-channel' && team.status !== 'inactive' && team.events.length === 0) lines.push('  Inget att posta (nothing due).');
  }
  const why = whyNothing(report, options.team);
  const nothingCounted = Object.keys(report.counts).length === 0;
  lines.push('', ...(why ? [why] : []), ...(why && nothingCounted ? [] : [countsLine(report)]), '');
  return lines.join('\n');
}
