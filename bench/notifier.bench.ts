/**
 * A year of notifier runs (2022), against the loopback fake Graph, over the seed list and over a
 * 1,000-entry list, compared in the same run with the common scheduled-flow approach.
 *
 * - ledger (ours): GraphListSource + SnapshotService (one incremental delta read per run) +
 *   computeDue + the ledger in a file state store: each reminder posted once; missed ones caught
 *   up; weekends deferred to Monday.
 * - scheduled flow: each run reads every item of both lists (`items?$expand=fields`, all pages),
 *   and posts whatever matches the day exactly (an agreement with exactly 180/90/30/0 days left, a
 *   meeting exactly 14/2 days ahead), with no memory of what it posted.
 *
 * The year: one run every day at 08:00 Stockholm time; a second run at 13:00 on the first weekday
 * of each month (a redeploy, a manual re-run); a three-week outage (2022-09-19 – 2022-10-09) with
 * no runs; one list edit on the 15th of each month. Both approaches see the same runs. Ours keeps
 * its default quiet weekends (posts wait for Monday); the flow posts every day.
 *
 * Counted first: Graph requests and SharePoint resource units (as in bench/graph.bench.ts: 1 per
 * delta request with a token, 2 per other multi-item read, 1 per single-item read, a request
 * inside `$batch` counting as its own operation), bytes, cards posted, duplicates, and reminders
 * missed, against the reminders an always-up service would owe. Ours links each meeting reminder to
 * the agenda saved in the site's library (every other meeting has one): the library is read only
 * for a reminder about to be posted, at most once each ("library reads").
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import type { AdaptiveCard, CardRenderer, DeliveryResult, Messenger, TeamTarget } from '../bot/contracts';
import { createNotifier } from '../bot/notifier';
import { FileStateStore } from '../bot/state';
import { addDays, stockholmClockOf, stockholmInstant } from '../src/domain/dates';
import { DEFAULT_DUE_RULES, computeDue } from '../src/domain/due';
import type { BalanceList, CalendarDate } from '../src/domain/types';
import { silentLogger } from '../src/logger';
import { FixedClock } from '../src/ports/clock';
import type { ListItem } from '../src/ports/list-source';
import { createGraphClient, type GraphRequestInfo } from '../src/sharepoint/graph-client';
import { GraphDocumentStore } from '../src/sharepoint/graph-document-store';
import { GraphListSource } from '../src/sharepoint/graph-list-source';
import { mapListData } from '../src/lists/mapping';
import { SnapshotService } from '../src/snapshot';
import { startFakeGraph, type FakeGraph, type SeedItem } from '../tests/fakes/fake-graph';
import { graphOptions, sharePointOptions } from '../tests/fakes/fake-graph-options';
import { resourceUnits, syntheticBalanceItem } from './support/synthetic';
import { printTable } from './support/table';

const YEAR_START = '2022-01-01';
const YEAR_END = '2022-12-31';
/** Runs go on to the first Monday after the year, so a weekend-deferred reminder of 31 December is posted. */
const RUNS_END = '2023-01-02';
const OUTAGE = { from: '2022-09-19', to: '2022-10-09' };
const TEAM_ID = '19:svom@thread.tacv2';
const REMINDER_DAYS = [14, 2];
const THRESHOLDS = [180, 90, 30, 0];

interface Run {
  date: CalendarDate;
  time: string;
}

interface Tally {
  runs: number;
  graphRequests: number;
  resourceUnits: number;
  requestBytes: number;
  responseBytes: number;
  /** Graph requests of each run in which the list had not changed. */
  quietRunRequests: number[];
  quietRunUnits: number[];
  /** Reads of a saved file in the site's library (`GET …/drive/root:/…`), for the cards' Word links. */
  libraryReads: number;
  posted: string[];
  ms: number;
}

function emptyTally(): Tally {
  return {
    runs: 0,
    graphRequests: 0,
    resourceUnits: 0,
    requestBytes: 0,
    responseBytes: 0,
    quietRunRequests: [],
    quietRunUnits: [],
    libraryReads: 0,
    posted: [],
    ms: 0,
  };
}

function schedule(): Run[] {
  const runs: Run[] = [];
  let lastMonth = '';
  for (let date = YEAR_START; date <= RUNS_END; date = addDays(date, 1)) {
    if (date >= OUTAGE.from && date <= OUTAGE.to) continue;
    runs.push({ date, time: '08:00' });
    const weekday = stockholmClockOf(stockholmInstant(date, '12:00')).weekday;
    if (date.slice(0, 7) !== lastMonth && weekday <= 5) {
      lastMonth = date.slice(0, 7);
      runs.push({ date, time: '13:00' });
    }
  }
  return runs;
}

/** The seed list, plus example meetings through 2022 (marked as examples, as in local mode). */
function seedLists(): { balance: SeedItem[]; meetings: SeedItem[] } {
  const seed = JSON.parse(readFileSync(join(__dirname, '../data/balanslista-2022.json'), 'utf8')) as { balance: SeedItem[]; meetings: SeedItem[] };
  const examples = ['2022-05-19', '2022-09-15', '2022-11-17', '2022-12-08'].map((date, index) => ({
    id: String(100 + index),
    fields: {
      Title: 'Exempel: SVOM ordinarie möte',
      MeetingKey: `exempel-${index + 1}`,
      MeetingDate: date,
      StartTime: '09:00',
      MeetingKind: 'Ordinarie',
      Location: 'Östersund',
    },
  }));
  return { balance: seed.balance, meetings: [...seed.meetings, ...examples] };
}

/** 1,000 entries, every tenth an agreement whose last day falls somewhere in 2022–2023; 40 meetings. */
function largeLists(): { balance: SeedItem[]; meetings: SeedItem[] } {
  const balance = Array.from({ length: 1000 }, (_, index) =>
    syntheticBalanceItem(index + 1, (n) => ({ ValidityText: 'enligt avtal', ValidTo: addDays('2022-01-01', (n * 7) % 700) })),
  );
  const meetings = Array.from({ length: 40 }, (_, index) => ({
    id: String(index + 1),
    fields: { Title: `Exempel: SVOM-möte ${index + 1}`, MeetingKey: `mote-${index + 1}`, MeetingDate: addDays('2022-01-10', index * 9), StartTime: '09:00' },
  }));
  return { balance, meetings };
}

const card = (key: string | null): AdaptiveCard => ({ type: 'AdaptiveCard', version: '1.5', body: [], eventKey: key });
const cards: CardRenderer = {
  meetingReminder: (_due, context) => card(context.eventKey),
  expiryNotice: (_due, context) => card(context.eventKey),
  weeklyDigest: (_due, context) => card(context.eventKey),
  followUpReady: (_ready, context) => card(context.eventKey),
  actionReminder: (_due, context) => card(context.eventKey),
  meetingOutcome: (_outcome, context) => card(context.eventKey),
};

function recorder(posted: string[]): Messenger {
  let next = 0;
  return {
    postCard: async (_target: TeamTarget, posting: AdaptiveCard): Promise<DeliveryResult> => {
      posted.push(String(posting.eventKey));
      next += 1;
      return { ok: true, activityId: `a${next}` };
    },
  };
}

const team: TeamTarget = {
  teamId: TEAM_ID,
  tenantId: 't',
  serviceUrl: 'http://127.0.0.1:1/',
  channelId: '19:svom-channel@thread.tacv2',
  channelName: 'SVOM',
  conversationReference: {},
  language: 'sv',
  active: true,
  installedAt: '2021-12-01T00:00:00.000Z',
  updatedAt: '2021-12-01T00:00:00.000Z',
};

/** What the scheduled flow posts on one run: exact matches of the day, keyed like ours. */
function flowMatches(list: BalanceList, today: CalendarDate): string[] {
  const due = computeDue(list, today, { ...DEFAULT_DUE_RULES, meetingReminderDays: REMINDER_DAYS, expiryThresholds: THRESHOLDS });
  const keys: string[] = [];
  for (const meeting of due.meetings) {
    if (REMINDER_DAYS.includes(meeting.daysUntil)) keys.push(`meeting/${meeting.meeting.id}/${meeting.meeting.date}/${meeting.daysUntil}`);
  }
  for (const expiry of due.expiries) {
    if (THRESHOLDS.includes(expiry.daysLeft)) keys.push(`expiry/${expiry.entry.id}/${expiry.validTo}/${expiry.daysLeft}`);
  }
  return keys;
}

/**
 * The reminders owed over the year: each key the rules make due on some day of 2022 when the
 * service was up (a meeting held during the outage is owed nothing; nothing can remind of it in time).
 */
function owed(list: BalanceList): Set<string> {
  const keys = new Set<string>();
  for (let date = YEAR_START; date <= YEAR_END; date = addDays(date, 1)) {
    if (date >= OUTAGE.from && date <= OUTAGE.to) continue;
    const due = computeDue(list, date, { ...DEFAULT_DUE_RULES, meetingReminderDays: REMINDER_DAYS, expiryThresholds: THRESHOLDS });
    for (const meeting of due.meetings) if (meeting.reminder !== null) keys.add(`meeting/${meeting.meeting.id}/${meeting.meeting.date}/${meeting.reminder}`);
    for (const expiry of due.expiries) keys.add(`expiry/${expiry.entry.id}/${expiry.validTo}/${expiry.threshold}`);
  }
  return keys;
}

/** Owed keys never posted. */
function missed(owedKeys: Set<string>, posted: string[]): number {
  const postedSet = new Set(posted);
  return [...owedKeys].filter((key) => !postedSet.has(key)).length;
}

function duplicates(posted: string[]): number {
  return posted.length - new Set(posted).size;
}

async function measured(fake: FakeGraph, exchanges: GraphRequestInfo[], tally: Tally, work: () => Promise<boolean>): Promise<void> {
  fake.resetLog();
  exchanges.length = 0;
  const started = performance.now();
  const changed = await work();
  tally.ms += performance.now() - started;
  const graph = fake.graphRequests();
  const operations = [
    ...graph.filter((entry) => !entry.path.endsWith('/$batch')),
    ...fake.batchedRequests.map((entry) => ({ ...entry, path: `/v1.0${entry.path}` })),
  ];
  const units = operations.reduce((sum, entry) => sum + resourceUnits(entry.method, entry.path), 0);
  tally.runs += 1;
  tally.graphRequests += graph.length;
  tally.libraryReads += graph.filter((entry) => entry.path.includes('/drive/root:')).length;
  tally.resourceUnits += units;
  tally.requestBytes += exchanges.reduce((sum, entry) => sum + entry.requestBytes, 0);
  tally.responseBytes += exchanges.reduce((sum, entry) => sum + entry.responseBytes, 0);
  if (!changed) {
    tally.quietRunRequests.push(graph.length);
    tally.quietRunUnits.push(units);
  }
}

interface Row {
  list: string;
  approach: string;
  tally: Tally;
  owed: number;
  missed: number;
  duplicates: number;
}

async function benchList(name: string, lists: { balance: SeedItem[]; meetings: SeedItem[] }): Promise<Row[]> {
  const fake = await startFakeGraph();
  const dir = await mkdtemp(join(tmpdir(), 'notifier-bench-'));
  try {
    fake.seedAll(lists);
    const exchanges: GraphRequestInfo[] = [];
    const client = createGraphClient(graphOptions(fake), { logger: silentLogger, onRequest: (info) => exchanges.push(info) });
    const sharePoint = sharePointOptions(fake);
    const clock = new FixedClock(stockholmInstant(YEAR_START, '08:00'));

    const source = new GraphListSource(client, sharePoint, { logger: silentLogger });
    // The agenda of every other meeting is saved in the library, so the reminders' look-ups find some and miss some.
    const documents = new GraphDocumentStore(client, sharePoint, { logger: silentLogger, clientId: fake.clientId, now: () => clock.now() });
    for (const [index, meeting] of lists.meetings.entries()) {
      const key = meeting.fields.MeetingKey;
      if (index % 2 === 0 && typeof key === 'string') await documents.save('2022', `dagordning-${key}.docx`, Buffer.from('dagordning'));
    }
    const snapshots = new SnapshotService({ source, clock, logger: silentLogger, expiringWithinDays: 180 });
    const ours = emptyTally();
    const notifier = createNotifier({
      snapshots,
      registry: {
        list: async () => [team],
        get: async () => team,
        put: async () => undefined,
        markInactive: async () => undefined,
        remove: async () => undefined,
      },
      messenger: recorder(ours.posted),
      cards,
      store: new FileStateStore({ dir }, { logger: silentLogger }),
      clock,
      logger: silentLogger,
      options: {
        appId: null,
        appPassword: null,
        appTenantId: null,
        appType: 'SingleTenant',
        credential: null,
        meetingReminderDays: REMINDER_DAYS,
        expiryThresholds: THRESHOLDS,
        actionReminderDays: [7, 0],
        expiredWithinDays: 365,
        notifySchedule: '0 8 * * *',
        digestSchedule: null,
        quietHours: { start: '18:00', end: '07:00' },
        quietWeekends: true,
        followUpReadyDate: null,
        notifySecret: null,
        defaultLanguage: 'sv',
      },
      tabUrl: 'https://example.org/',
      documents,
    });
    const flow = emptyTally();
    const siteId = fake.siteId;
    const listIds = { balance: fake.listInfo('balance').id, meetings: fake.listInfo('meetings').id };
    let lastEtag = '';
    let flowEtag = '';

    let truth: BalanceList | null = null;
    const owedKeys = new Set<string>();
    for (const run of schedule()) {
      clock.set(stockholmInstant(run.date, run.time));
      if (run.date.endsWith('-15') && run.time === '08:00') {
        const id = String(lists.balance[(Number(run.date.slice(5, 7)) * 7) % lists.balance.length]?.id);
        fake.updateItem('balance', id, { Notes: `Uppdaterad ${run.date}` });
      }
      await measured(fake, exchanges, ours, async () => {
        await notifier.run();
        const snapshot = await snapshots.get();
        const changed = snapshot.etag !== lastEtag;
        lastEtag = snapshot.etag;
        truth = snapshot.list;
        return changed;
      });
      await measured(fake, exchanges, flow, async () => {
        const data: Record<'balance' | 'meetings', ListItem[]> = { balance: [], meetings: [] };
        for (const list of ['balance', 'meetings'] as const) {
          let next: string | undefined = `/sites/${siteId}/lists/${listIds[list]}/items?$expand=fields`;
          while (next) {
            const page = (await client.api(next).get()) as { value: ListItem[]; '@odata.nextLink'?: string };
            data[list].push(...page.value);
            next = page['@odata.nextLink']?.slice(fake.baseUrl.length);
          }
        }
        const list = mapListData(data);
        flow.posted.push(...flowMatches(list, run.date));
        const etag = data.balance.map((item) => item.eTag).join();
        const changed = etag !== flowEtag;
        flowEtag = etag;
        return changed;
      });
    }
    if (truth) for (const key of owed(truth)) owedKeys.add(key);
    const rows: Row[] = [];
    for (const [approach, tally] of [
      ['ledger (ours)', ours],
      ['scheduled flow', flow],
    ] as const) {
      rows.push({ list: name, approach, tally, owed: owedKeys.size, missed: missed(owedKeys, tally.posted), duplicates: duplicates(tally.posted) });
    }
    return rows;
  } finally {
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function printRows(rows: Row[]): void {
  const header = [
    'list',
    'approach',
    'runs',
    'Graph req.',
    'req./run unchanged',
    'RU',
    'RU/run unchanged',
    'library reads',
    'KB received',
    'owed',
    'posted',
    'duplicates',
    'missed',
    'ms',
  ];
  const body = rows.map((row) => [
    row.list,
    row.approach,
    String(row.tally.runs),
    row.tally.graphRequests.toLocaleString('en-US'),
    String(median(row.tally.quietRunRequests)),
    row.tally.resourceUnits.toLocaleString('en-US'),
    String(median(row.tally.quietRunUnits)),
    String(row.tally.libraryReads),
    Math.round(row.tally.responseBytes / 1024).toLocaleString('en-US'),
    String(row.owed),
    String(row.tally.posted.length),
    String(row.duplicates),
    String(row.missed),
    row.tally.ms.toFixed(0),
  ]);
  printTable(header, body);
}

async function main(): Promise<void> {
  const rows = [...(await benchList('seed (90 entries, 5 meetings)', seedLists())), ...(await benchList('1,000 entries, 40 meetings', largeLists()))];
  console.log(`Notifier: a year of runs (${YEAR_START} – ${YEAR_END}, daily 08:00, 12 re-runs, outage ${OUTAGE.from} – ${OUTAGE.to}) against the fake Graph.`);
  console.log('owed: reminders (item, threshold, date) due on some day the service was up; missed: owed and never posted.');
  printRows(rows);
  const ours = rows.filter((row) => row.approach === 'ledger (ours)');
  if (ours.some((row) => row.duplicates > 0)) {
    console.log('TARGET MISSED: the ledger must post no duplicates');
    process.exitCode = 1;
  }
  // At most one read of the library per meeting reminder posted (its saved agenda; none for a meeting without a key), none for anything else.
  if (ours.some((row) => row.tally.libraryReads > row.tally.posted.filter((key) => key.startsWith('meeting/')).length)) {
    console.log('TARGET MISSED: the library must be read at most once per meeting reminder posted, and for nothing else');
    process.exitCode = 1;
  }
  if (ours.some((row) => median(row.tally.quietRunRequests) !== 1)) {
    console.log('TARGET MISSED: a run with nothing changed must cost one Graph request');
    process.exitCode = 1;
  }
}

void main();
