/**
 * "Beslut och uppdrag från mötet …" through the whole bot against the loopback Bot Connector: the
 * day after a meeting (a Friday meeting on Monday: weekends are quiet), once per team across
 * reruns and a restart; not before anything is written for the meeting, and then on the first run
 * after it is; never for a meeting past the window; hostile list text inert.
 */
import { stockholmInstant } from '../../../src/domain/dates';
import { FixedClock } from '../../../src/ports/clock';
import type { ListData, ListItem } from '../../../src/ports/list-source';
import { sampleTeam, type ConnectorActivity } from '../../fakes/fake-bot-connector';
import { MemoryListSource } from '../../fakes/memory-list-source';
import { listItem, sampleListData } from '../../fixtures/bot/list-items';
import { cardAction, installationAdd } from '../../fixtures/bot/teams-activities';
import { startHarness, type Harness } from './harness';

const TEAM = sampleTeam();
const SVOM_CHANNEL = '19:svom-channel@thread.tacv2';
const HEADING = 'Beslut och uppdrag från mötet';

/** The sample list with a meeting held on Friday 2022-11-25 ("svom-nov", as SharePoint sends a date-only column: the UTC instant of Stockholm midnight), its two ärenden and `actions`. */
function heldMeeting(options: { decisions: [string, string]; actions?: ListItem[]; date?: string }): ListData {
  const data = sampleListData();
  return {
    ...data,
    meetings: [
      ...data.meetings,
      listItem('Moten', '8', {
        Title: 'SVOM ordinarie möte',
        MeetingKey: 'svom-nov',
        MeetingDate: options.date ?? '2022-11-24T23:00:00Z',
        MeetingKind: 'Ordinarie',
      }),
    ],
    errands: [
      listItem('Arenden', '21', {
        Title: 'Handlingsplan psykisk hälsa',
        ErrandKey: 'nov-1',
        MeetingKey: 'svom-nov',
        SortOrder: 1,
        Decision: options.decisions[0],
      }),
      listItem('Arenden', '22', { Title: 'Välfärdsteknologi', ErrandKey: 'nov-2', MeetingKey: 'svom-nov', SortOrder: 2, Decision: options.decisions[1] }),
    ],
    actions: options.actions ?? [],
  };
}

const proposal = (fields: Record<string, unknown> = {}): ListItem =>
  listItem('Uppdrag', '31', {
    Title: 'Återkom med förslag till nästa möte',
    ActionKey: 'nov-1-a',
    ErrandKey: 'nov-1',
    ResponsibleGroup: 'Fredagsgruppen',
    DueDate: '2022-12-09',
    ActionStatus: 'Pågår',
    ...fields,
  });

type Card = { body: Array<Record<string, unknown>>; actions?: Array<{ type: string; title: string; url?: string }>; msteams?: unknown };
const cardOf = (posted: ConnectorActivity): Card => (posted.activity.attachments as Array<{ content: Card }>)[0]!.content;

/** Every TextBlock's text, containers included, in order. */
function texts(card: Card): string[] {
  const out: string[] = [];
  const walk = (elements: Array<Record<string, unknown>>) => {
    for (const element of elements) {
      if (element.type === 'TextBlock') out.push(String(element.text));
      if (Array.isArray(element.items)) walk(element.items as Array<Record<string, unknown>>);
    }
  };
  walk(card.body);
  return out;
}

async function installAndChoose(harness: Harness): Promise<void> {
  const options = { serviceUrl: harness.connector.serviceUrl, team: TEAM };
  await harness.send(installationAdd(options));
  const welcome = harness.connector.postsIn(TEAM.id).at(-1)!;
  await harness.send(cardAction({ ...options, messageId: welcome.activityId }, 'choose-channel', { v: 1, card: 'welcome', channelId: SVOM_CHANNEL }));
}

const outcomes = (harness: Harness): ConnectorActivity[] =>
  harness.connector.postsIn(SVOM_CHANNEL).filter((posted) => texts(cardOf(posted)).some((text) => text.startsWith(HEADING)));

const outcomeEvent = (report: Awaited<ReturnType<Harness['bot']['notifier']['run']>>) =>
  report.teams[0]?.events.find((event) => event.kind === 'meeting-outcome') ?? null;

describe('the day after a Friday meeting', () => {
  let harness: Harness;
  let clock: FixedClock;

  beforeAll(async () => {
    const source = new MemoryListSource(heldMeeting({ decisions: ['SVOM ställer sig bakom inriktningen.', ''], actions: [proposal()] }));
    clock = new FixedClock(stockholmInstant('2022-11-26', '10:00'));
    harness = await startHarness({ source, clock, env: { PUBLIC_URL: 'https://svom.example.org' } });
    await installAndChoose(harness);
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('is not posted on Saturday: the weekend is quiet', async () => {
    const report = await harness.bot.notifier.run();
    expect(report.quiet).toBe('weekend');
    expect(outcomeEvent(report)).toMatchObject({ key: 'outcome/8/2022-11-25', outcome: 'deferred-quiet-hours' });
    expect(outcomes(harness)).toHaveLength(0);
  });

  test('is posted on Monday with each decision, the action with who and by when, and the links', async () => {
    clock.set(stockholmInstant('2022-11-28', '08:00'));
    const report = await harness.bot.notifier.run();
    expect(outcomeEvent(report)).toMatchObject({ outcome: 'posted', summary: 'Beslut och uppdrag från mötet SVOM ordinarie möte, 2022-11-25' });
    const [posted] = outcomes(harness);
    const card = cardOf(posted!);
    expect(texts(card)).toEqual([
      'Beslut och uppdrag från mötet fredag 2022-11-25',
      'SVOM ordinarie möte',
      '2 ärenden · 1 utan antecknat beslut · 1 uppdrag',
      'Handlingsplan psykisk hälsa',
      'SVOM ställer sig bakom inriktningen.',
      '• Uppdrag: Återkom med förslag till nästa möte – Fredagsgruppen, klart senast fredag 2022-12-09',
      'Välfärdsteknologi',
      'Inget beslut antecknat ännu',
    ]);
    expect(card.actions?.map((action) => [action.title, action.url])).toEqual([
      ['Visa mötet', 'https://svom.example.org/?view=moten&meeting=8'],
      ['Minnesanteckningar (Word)', 'https://svom.example.org/api/meetings/svom-nov/minnesanteckningar.docx'],
      ['Visa alla uppdrag', 'https://svom.example.org/?view=uppdrag'],
    ]);
  });

  test('is posted once: not again on the next run, nor after a restart', async () => {
    clock.set(stockholmInstant('2022-11-28', '09:00'));
    expect(outcomeEvent(await harness.bot.notifier.run())?.outcome).toBe('skipped-already-posted');
    await harness.restart();
    clock.set(stockholmInstant('2022-11-29', '09:00'));
    expect(outcomeEvent(await harness.bot.notifier.run())?.outcome).toBe('skipped-already-posted');
    expect(outcomes(harness)).toHaveLength(1);
  });
});

describe('a meeting with nothing written yet', () => {
  test('gets no post until a decision is written, then one on the next run', async () => {
    const source = new MemoryListSource(heldMeeting({ decisions: ['', ''] }));
    const clock = new FixedClock(stockholmInstant('2022-11-28', '10:00'));
    const harness = await startHarness({ source, clock });
    try {
      await installAndChoose(harness);
      expect(outcomeEvent(await harness.bot.notifier.run())).toBeNull();
      clock.set(stockholmInstant('2022-12-02', '10:00'));
      expect(outcomeEvent(await harness.bot.notifier.run())).toBeNull();
      source.edit('errands', '22', { Decision: 'Informationen noteras.' });
      clock.set(stockholmInstant('2022-12-05', '10:00'));
      expect(outcomeEvent(await harness.bot.notifier.run())?.outcome).toBe('posted');
      expect(texts(cardOf(outcomes(harness)[0]!))).toContain('Informationen noteras.');
    } finally {
      await harness.close();
    }
  });

  test('gets none when the first decision comes after the two weeks', async () => {
    const source = new MemoryListSource(heldMeeting({ decisions: ['', ''] }));
    const clock = new FixedClock(stockholmInstant('2022-12-09', '10:00'));
    const harness = await startHarness({ source, clock });
    try {
      await installAndChoose(harness);
      expect(outcomeEvent(await harness.bot.notifier.run())).toBeNull();
      source.edit('errands', '21', { Decision: 'Beslutat.' });
      // 2022-11-25 + 14 days = Friday 2022-12-09: the last day; Monday 2022-12-12 is past it.
      clock.set(stockholmInstant('2022-12-12', '10:00'));
      expect(outcomeEvent(await harness.bot.notifier.run())).toBeNull();
      expect(outcomes(harness)).toHaveLength(0);
    } finally {
      await harness.close();
    }
  });
});

describe('hostile text in the lists', () => {
  test('stays inert in the card: markdown escaped, no live link, no mention, no template expression', async () => {
    const source = new MemoryListSource(
      heldMeeting({
        decisions: ['**Fet** [klicka](https://evil.example) <at>Alla</at> ${t.heading}', '1. Lista'],
        actions: [proposal({ Title: '# Rubrik _kursiv_', ResponsibleGroup: '[grupp](https://evil.example)' })],
      }),
    );
    const harness = await startHarness({ source, clock: new FixedClock(stockholmInstant('2022-11-28', '10:00')) });
    try {
      await installAndChoose(harness);
      await harness.bot.notifier.run();
      const [posted] = outcomes(harness);
      const all = texts(cardOf(posted!));
      expect(all).toContain('\\*\\*Fet\\*\\* \\[klicka\\]\\(https://evil.example\\) <at\\>Alla</at\\> \\${t.heading}');
      expect(all).toContain('1\\. Lista');
      expect(all).toContain('• Uppdrag: \\# Rubrik \\_kursiv\\_ – \\[grupp\\]\\(https://evil.example\\), klart senast fredag 2022-12-09');
      expect(cardOf(posted!)).not.toHaveProperty('msteams');
    } finally {
      await harness.close();
    }
  });
});
