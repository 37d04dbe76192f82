/**
 * Hand-written fakes for notifier tests: a Messenger that records posts and answers as told,
 * an in-memory TeamRegistry, a CardRenderer that makes small real-shaped cards, and the seed list
 * behind the real snapshot service.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  DueAction,
  AdaptiveCard,
  CardContext,
  CardRenderer,
  DeliveryResult,
  FollowUpReady,
  MeetingOutcome,
  Messenger,
  TeamRegistry,
  TeamTarget,
} from '../../../../bot/contracts';
import type { BotOptions } from '../../../../src/config';
import { stockholmInstant } from '../../../../src/domain/dates';
import type { Due, DueExpiry, DueMeeting } from '../../../../src/domain/types';
import { silentLogger } from '../../../../src/logger';
import { FixedClock } from '../../../../src/ports/clock';
import type { ListData, ListItem } from '../../../../src/ports/list-source';
import { SnapshotService } from '../../../../src/snapshot';
import type { NotifierDeps } from '../../../../bot/notifier';
import { FileStateStore } from '../../../../bot/state';
import { MemoryListSource } from '../../../fakes/memory-list-source';

export const TEAM_ID = '19:svom-team@thread.tacv2';

export function botOptions(overrides: Partial<BotOptions> = {}): BotOptions {
  return {
    appId: null,
    appPassword: null,
    appTenantId: null,
    appType: 'SingleTenant',
    credential: null,
    meetingReminderDays: [14, 2],
    expiryThresholds: [180, 90, 30, 0],
    actionReminderDays: [7, 0],
    expiredWithinDays: 365,
    notifySchedule: '0 8-16 * * *',
    digestSchedule: '0 8 * * 1',
    quietHours: { start: '18:00', end: '07:00' },
    quietWeekends: true,
    followUpReadyDate: null,
    notifySecret: null,
    defaultLanguage: 'sv',
    ...overrides,
  };
}

export function team(overrides: Partial<TeamTarget> = {}): TeamTarget {
  return {
    teamId: TEAM_ID,
    tenantId: '00000000-0000-0000-0000-0000000000aa',
    serviceUrl: 'http://127.0.0.1:1/',
    channelId: '19:svom-channel@thread.tacv2',
    channelName: 'SVOM',
    conversationReference: {},
    language: 'sv',
    active: true,
    installedAt: '2022-01-01T00:00:00.000Z',
    updatedAt: '2022-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export class MemoryRegistry implements TeamRegistry {
  readonly teams = new Map<string, TeamTarget>();
  constructor(teams: TeamTarget[] = []) {
    for (const target of teams) this.teams.set(target.teamId, { ...target });
  }
  async list(): Promise<TeamTarget[]> {
    return [...this.teams.values()].map((target) => ({ ...target }));
  }
  async get(teamId: string): Promise<TeamTarget | null> {
    const target = this.teams.get(teamId);
    return target ? { ...target } : null;
  }
  async put(target: TeamTarget): Promise<void> {
    this.teams.set(target.teamId, { ...target });
  }
  async markInactive(teamId: string): Promise<void> {
    const target = this.teams.get(teamId);
    if (target) target.active = false;
  }
  async remove(teamId: string): Promise<void> {
    this.teams.delete(teamId);
  }
}

export interface Post {
  teamId: string;
  channelId: string | null;
  card: AdaptiveCard;
  summary: string;
}

/** Records every post; answers with the scripted results first, then success. */
export class RecordingMessenger implements Messenger {
  readonly posts: Post[] = [];
  readonly attempts: Post[] = [];
  readonly script: DeliveryResult[] = [];
  /** When set, each post waits for it (to hold runs open and make them overlap). */
  gate: Promise<void> | null = null;
  /** Posts waiting at the gate now. */
  held = 0;
  private next = 1;
  private readonly listeners = new Set<() => void>();

  async postCard(target: TeamTarget, card: AdaptiveCard, summary: string): Promise<DeliveryResult> {
    const post = { teamId: target.teamId, channelId: target.channelId, card, summary };
    this.attempts.push(post);
    if (this.gate) {
      this.held += 1;
      this.listeners.forEach((listener) => listener());
      await this.gate;
      this.held -= 1;
    }
    const scripted = this.script.shift();
    if (scripted && !scripted.ok) return scripted;
    this.posts.push(post);
    return { ok: true, activityId: `activity-${this.next++}` };
  }

  /** Event keys of the posted cards, in order. */
  keys(): string[] {
    return this.posts.map((post) => String(post.card.eventKey));
  }

  /**
   * Resolves once every one of `runs` has either finished or is held at the gate: the moment all
   * concurrent runs have made their claims, so opening the gate then tests real overlap (a wait
   * on that condition instead of a guessed number of milliseconds).
   */
  async allHeldOrDone(runs: Array<Promise<unknown>>): Promise<void> {
    let done = 0;
    await new Promise<void>((resolve) => {
      const check = () => {
        if (done + this.held < runs.length) return;
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
      for (const run of runs) {
        void run.then(
          () => ((done += 1), check()),
          () => ((done += 1), check()),
        );
      }
      check();
    });
  }
}

function card(kind: string, context: CardContext, text: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    kind,
    eventKey: context.eventKey,
    body: [{ type: 'TextBlock', text, wrap: true }],
  };
}

export const fakeCards: CardRenderer = {
  meetingReminder: (due: DueMeeting, context) => card('meeting', context, `${due.meeting.title} ${due.meeting.date}`),
  expiryNotice: (due: DueExpiry, context) => card('expiry', context, `${due.entry.title} ${due.validTo} (${due.daysLeft})`),
  weeklyDigest: (due: Due, context, actions = []) =>
    card('digest', context, `${due.meetings.length} meetings, ${due.expiries.length} agreements, ${actions.length} open actions`),
  followUpReady: (ready: FollowUpReady, context) => card('follow-up', context, `${ready.year}: ${ready.errands} ärenden`),
  actionReminder: (due: DueAction, context) => card('action', context, `${due.action.title} ${due.action.due ?? ''} (${due.stage})`),
  meetingOutcome: (outcome: MeetingOutcome, context) =>
    card('outcome', context, `${outcome.meeting.title} ${outcome.meeting.date}: ${outcome.errands.map(({ errand }) => errand.decision || '-').join(' | ')}`),
};

/** The 2022 seed list as SharePoint list items (no example meetings: only the one real date). */
export function seedListData(): ListData {
  const seed = JSON.parse(readFileSync(join(__dirname, '../../../../data/balanslista-2022.json'), 'utf8')) as {
    balance: Array<{ id: string; fields: Record<string, unknown> }>;
    meetings: Array<{ id: string; fields: Record<string, unknown> }>;
  };
  const item =
    (list: string) =>
    (raw: { id: string; fields: Record<string, unknown> }): ListItem => ({
      id: raw.id,
      eTag: `"${raw.id},1"`,
      webUrl: `https://contoso.sharepoint.com/sites/svom/Lists/${list}/DispForm.aspx?ID=${raw.id}`,
      lastModifiedDateTime: '2022-01-10T08:00:00Z',
      fields: raw.fields,
    });
  return { balance: seed.balance.map(item('balance')), meetings: seed.meetings.map(item('meetings')) };
}

/** SharePoint returns date-only columns as the UTC instant of Stockholm midnight. */
export function graphDate(date: string): string {
  return stockholmInstant(date).toISOString().replace('.000Z', 'Z');
}

export function meetingItem(id: string, date: string, title = 'SVOM-möte'): ListItem {
  return {
    id,
    eTag: `"${id},1"`,
    webUrl: `https://contoso.sharepoint.com/sites/svom/Lists/Moten/DispForm.aspx?ID=${id}`,
    lastModifiedDateTime: '2022-01-10T08:00:00Z',
    fields: { Title: title, MeetingDate: graphDate(date), StartTime: '09:00', MeetingKind: 'Ordinarie', Location: 'Östersund' },
  };
}

/** A clock at `time` Stockholm time on `date`. */
export function clockAt(date: string, time = '08:30'): FixedClock {
  return new FixedClock(stockholmInstant(date, time));
}

export function setClock(clock: FixedClock, date: string, time = '08:30'): void {
  clock.set(stockholmInstant(date, time));
}

export function snapshotsOf(source: MemoryListSource, clock: FixedClock): SnapshotService {
  return new SnapshotService({ source, clock, logger: silentLogger, expiringWithinDays: 180 });
}

/**
 * A notifier's dependencies as most tests want them: one team, the small fake cards, a file
 * state store in `dir`, the seed snapshot of `source` on `clock`, and no logs. Anything else
 * goes in `overrides`.
 */
export function notifierDeps(
  world: { source: MemoryListSource; clock: FixedClock; dir: string; messenger: Messenger },
  overrides: Partial<NotifierDeps> = {},
): NotifierDeps {
  return {
    snapshots: snapshotsOf(world.source, world.clock),
    registry: new MemoryRegistry([team()]),
    messenger: world.messenger,
    cards: fakeCards,
    store: new FileStateStore({ dir: world.dir }, { logger: silentLogger }),
    clock: world.clock,
    logger: silentLogger,
    options: botOptions(),
    tabUrl: 'http://127.0.0.1:3978/',
    ...overrides,
  };
}
