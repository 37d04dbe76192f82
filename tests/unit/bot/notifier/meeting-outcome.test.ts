/**
 * @jest-environment jsdom
 */
/**
 * When "Beslut och uppdrag från mötet …" is due (the day after a meeting with a decision or action
 * written, within two weeks of it) and what the card shows: valid Adaptive Card, decisions and
 * actions per ärende, "Inget beslut antecknat ännu", links for local and SharePoint mode, cut lists.
 */
import { TemplateCardRenderer } from '../../../../bot/cards';
import type { CardContext, MeetingOutcome } from '../../../../bot/contracts';
import { OUTCOME_WITHIN_DAYS, meetingOutcome, minutesUrl, outcomeEvents } from '../../../../bot/notifier/meeting-outcome';
import { action, errand, forumMeeting } from '../../domain/forum-builders';
import { cardProblems } from '../cards/validate-card';

const LOCAL = { appUrl: 'http://127.0.0.1:3978', tabUrl: 'http://127.0.0.1:3978/', needsSignIn: false };
const TEAMS_TAB = 'https://teams.microsoft.com/l/entity/app-id/balanslista';

const nov = forumMeeting('svom-nov', { id: '8', title: 'SVOM november', date: { year: 2022, month: 11, day: 17 } });
const forum = {
  meetings: [
    nov,
    forumMeeting('svom-month', { id: '9', date: { year: 2022, month: 11, day: null } }),
    forumMeeting('svom-dec', { id: '10', date: { year: 2022, month: 12, day: 15 } }),
  ],
  errands: [
    errand('nov-1', { title: 'Handlingsplan', meeting: { key: 'svom-nov', id: null }, order: 1, decision: 'SVOM ställer sig bakom inriktningen.' }),
    errand('nov-2', { title: 'Lägesrapport', meeting: { key: 'svom-nov', id: null }, order: 2 }),
    errand('month-1', { meeting: { key: 'svom-month', id: null }, decision: 'Beslutat.' }),
    errand('dec-1', { meeting: { key: 'svom-dec', id: null }, decision: 'Beslutat i förväg.' }),
  ],
  actions: [
    action('a', {
      id: '1',
      title: 'Återkom med förslag',
      errandKey: 'nov-1',
      group: 'Fredagsgruppen',
      person: { name: 'Anna Berg', lookupId: '14' },
      due: '2022-12-08',
    }),
    action('b', { id: '2', title: 'Skicka ut', errandKey: 'nov-1', status: 'done', due: '2022-11-20', doneOn: '2022-11-19' }),
  ],
};

const context = (overrides: Partial<CardContext> = {}): CardContext => ({
  language: 'sv',
  tabUrl: LOCAL.tabUrl,
  today: '2022-11-18',
  eventKey: null,
  ...overrides,
});

describe('when the outcome of a meeting is posted', () => {
  it('from the day after the meeting to two weeks after it, for meetings with a day and something written', () => {
    expect(outcomeEvents(forum, '2022-11-17', LOCAL)).toEqual([]);
    expect(outcomeEvents(forum, '2022-11-18', LOCAL).map((event) => [event.key, event.kind])).toEqual([['outcome/8/2022-11-17', 'meeting-outcome']]);
    expect(OUTCOME_WITHIN_DAYS).toBe(14);
    expect(outcomeEvents(forum, '2022-12-01', LOCAL).map((event) => event.key)).toEqual(['outcome/8/2022-11-17']);
    expect(outcomeEvents(forum, '2022-12-02', LOCAL)).toEqual([]);
  });

  it('not for a meeting with nothing written: no decision and no action', () => {
    const silent = { ...forum, errands: forum.errands.map((item) => ({ ...item, decision: '  ' })), actions: [] };
    expect(outcomeEvents(silent, '2022-11-18', LOCAL)).toEqual([]);
    expect(meetingOutcome(silent, nov, '2022-11-17', LOCAL)).toBeNull();
    // One action written is enough: the card then says which ärenden have no decision yet.
    expect(meetingOutcome({ ...silent, actions: forum.actions.slice(0, 1) }, nov, '2022-11-17', LOCAL)?.errands).toHaveLength(2);
  });

  it('says in its one line which meeting, without control characters', () => {
    const hostile = { ...forum, meetings: [{ ...nov, title: 'SVOM\u0007\nnovember' }] };
    expect(outcomeEvents(hostile, '2022-11-18', LOCAL)[0]?.summary('sv')).toBe('Beslut och uppdrag från mötet SVOM november, 2022-11-17');
    expect(outcomeEvents(hostile, '2022-11-18', LOCAL)[0]?.summary('en')).toBe('Decisions and actions from the meeting SVOM november, 2022-11-17');
  });

  it('links the minutes directly only where a browser needs no sign-in and the meeting has a key', () => {
    expect(minutesUrl('svom nov', LOCAL)).toBe('http://127.0.0.1:3978/api/meetings/svom%20nov/minnesanteckningar.docx');
    expect(minutesUrl('svom-nov', { ...LOCAL, needsSignIn: true })).toBeNull();
    expect(minutesUrl('svom-nov', { ...LOCAL, appUrl: null })).toBeNull();
    expect(minutesUrl('', LOCAL)).toBeNull();
  });
});

describe('the outcome card', () => {
  const renderer = new TemplateCardRenderer();
  const outcome = meetingOutcome(forum, nov, '2022-11-17', LOCAL) as MeetingOutcome;

  it('is a valid card with each decision, each action with who and by when, and an ärende without a decision said so', () => {
    const card = renderer.meetingOutcome(outcome, context());
    expect(cardProblems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain('Beslut och uppdrag från mötet torsdag 2022-11-17');
    expect(text).toContain('2 ärenden · 1 utan antecknat beslut · 2 uppdrag');
    expect(text).toContain('• Uppdrag: Skicka ut – Ingen ansvarig angiven, klart senast söndag 2022-11-20 (redan klart)');
    expect(text).toContain('• Uppdrag: Återkom med förslag – Fredagsgruppen · Anna Berg, klart senast torsdag 2022-12-08');
    expect(text).toContain('Inget beslut antecknat ännu');
  });

  it('in English', () => {
    const text = JSON.stringify(renderer.meetingOutcome(outcome, context({ language: 'en' })));
    expect(text).toContain('Decisions and actions from the meeting on Thursday 2022-11-17');
    expect(text).toContain('No decision recorded yet');
    expect(text).toContain('• Action: Återkom med förslag – Fredagsgruppen · Anna Berg, due Thursday 2022-12-08');
  });

  it('opens the meeting and the Uppdrag view through the Teams deep link in SharePoint mode, with no direct Word link', () => {
    const signedIn = meetingOutcome(forum, nov, '2022-11-17', { appUrl: 'https://svom.example.org', tabUrl: TEAMS_TAB, needsSignIn: true }) as MeetingOutcome;
    const card = renderer.meetingOutcome(signedIn, context({ tabUrl: TEAMS_TAB }));
    const actions = card.actions as Array<{ title: string; url: string }>;
    expect(actions.map((button) => button.title)).toEqual(['Visa mötet', 'Visa alla uppdrag']);
    expect(JSON.parse(new URL(actions[0]!.url).searchParams.get('context') ?? '')).toEqual({ subEntityId: 'view=moten&meeting=8' });
    expect(JSON.parse(new URL(actions[1]!.url).searchParams.get('context') ?? '')).toEqual({ subEntityId: 'view=uppdrag' });
  });

  it('stays below the message limit with 40 long ärenden of 10 actions each: 10 ärenden, 5 actions each and 16 in all, then "… och N till"', () => {
    const errands = Array.from({ length: 40 }, (_, n) => ({
      errand: errand(`e${n}`, { title: `Ärende ${n} ${'lång_text '.repeat(30)}`, decision: '**Beslut** '.repeat(100) }),
      actions: Array.from({ length: 10 }, (_, m) =>
        action(`a${n}-${m}`, {
          title: `Uppdrag ${m} ${'[x] '.repeat(80)}`,
          group: 'Fredagsgruppen_'.repeat(10),
          person: { name: 'Anna_Berg '.repeat(20), lookupId: '1' },
          due: '2022-12-08',
        }),
      ),
    }));
    const card = renderer.meetingOutcome({ ...outcome, errands }, context());
    expect(cardProblems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain('… och 5 uppdrag till');
    expect(text).toContain('… och 9 uppdrag till');
    expect(text).toContain('… och 10 uppdrag till');
    expect(text.match(/• Uppdrag/g)).toHaveLength(16);
    expect(text).toContain('… och 30 ärenden till, se minnesanteckningarna');
    expect(text).toContain('40 ärenden · 400 uppdrag');
  });
});
