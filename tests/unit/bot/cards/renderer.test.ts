/**
 * @jest-environment jsdom
 */
import { TemplateCardRenderer, VERBS, parseActionData, strings } from '../../../../bot/cards';
import type { CardContext, FollowUpReady, Language } from '../../../../bot/contracts';
import {
  ERRANDS_LIST_URL,
  HOSTILE_TITLE,
  agreementView,
  dueExpiry,
  dueMeeting,
  entry,
  errand,
  followUp,
  meeting,
  threeErrands,
} from '../../../fixtures/bot/sample-due';
import { cardProblems } from './validate-card';

const renderer = new TemplateCardRenderer();

function context(language: Language, eventKey: string | null = 'team-1|expiry|12|30|2022-12-31'): CardContext {
  return { language, tabUrl: 'https://teams.microsoft.com/l/entity/app-id/balanslista', today: '2022-12-01', eventKey };
}

const NEW_ERRAND_URL = `${ERRANDS_LIST_URL}/NewForm.aspx`;

function followUpReady(overrides: Partial<FollowUpReady> = {}): FollowUpReady {
  return {
    year: 2022,
    reason: { kind: 'last-meeting', title: 'SVOM ordinarie möte', date: { year: 2022, month: 12, day: 13 } },
    meetings: 5,
    events: 1,
    errands: 15,
    areasWithoutErrand: 3,
    areas: 7,
    problems: 2,
    docxUrl: 'https://balanslistan.example.org/api/follow-up/2022.docx',
    ...overrides,
  };
}

function cardsFor(language: Language) {
  const ctx = context(language);
  return {
    'meeting reminder, 14 days': renderer.meetingReminder(dueMeeting(14), ctx, { agenda: { errands: threeErrands(), addUrl: NEW_ERRAND_URL } }),
    'meeting reminder, 2 days': renderer.meetingReminder(dueMeeting(2), ctx, { agenda: { errands: [], addUrl: null } }),
    'follow-up ready, after the last meeting': renderer.followUpReady(followUpReady(), ctx),
    'follow-up ready, on the configured day': renderer.followUpReady(
      followUpReady({ year: 2017, reason: { kind: 'configured-date', date: '2018-01-15' }, events: 0, problems: 0, docxUrl: null }),
      ctx,
    ),
    'expiry notice, 30 days': renderer.expiryNotice(dueExpiry(30), ctx),
    'expiry notice, expired': renderer.expiryNotice(dueExpiry(-3, { threshold: 0 }), ctx),
    'weekly digest': renderer.weeklyDigest({ today: '2022-12-05', meetings: [dueMeeting(10)], expiries: [dueExpiry(26)] }, ctx),
    'welcome, no channel yet': renderer.welcome(
      {
        channels: [
          { id: '19:a', name: 'Allmänt' },
          { id: '19:b', name: 'SVOM' },
        ],
        chosen: null,
        chosenBy: null,
      },
      ctx,
    ),
    'welcome, channel chosen': renderer.welcome(
      {
        channels: [
          { id: '19:a', name: 'Allmänt' },
          { id: '19:b', name: 'SVOM' },
        ],
        chosen: { id: '19:b', name: 'SVOM' },
        chosenBy: 'Anna Andersson',
        notice: { style: 'good', text: strings(language).channelChosen('SVOM') },
      },
      ctx,
    ),
    help: renderer.help({ inTeam: true, channelName: 'SVOM', unknownText: null }, ctx),
    'help after unknown text': renderer.help({ inTeam: true, channelName: null, unknownText: 'vad gör du' }, ctx),
    'help in a personal chat': renderer.help({ inTeam: false, channelName: null, unknownText: null }, ctx),
    'meetings list': renderer.meetingsList(
      { meetings: [meeting(), meeting({ id: '4', date: '2023-02-26', time: null, link: null })], stale: false, errands: threeErrands() },
      ctx,
    ),
    'agreements list': renderer.agreementsList(
      {
        agreements: [
          agreementView(),
          agreementView({
            id: '13',
            title: 'Tandvårdsavtal',
            status: 'unknown',
            daysLeft: null,
            agreement: {
              validity: { text: '', from: null, to: null },
              recommendingForums: [],
              revisionStatus: null,
              revisionUpdatedBy: null,
              revisionUpdatedAt: null,
            },
          }),
        ],
        stale: true,
      },
      ctx,
    ),
    'action result message': renderer.message({ title: 'Balanslistan', text: 'Påminner igen 2022-12-08.', style: 'good' }, ctx),
  };
}

describe.each(['sv', 'en'] as const)('cards in %s', (language) => {
  const cards = cardsFor(language);
  test.each(Object.keys(cards))('%s parses as Adaptive Card 1.5 without warnings and fits a Teams message', (name) => {
    expect(cardProblems(cards[name as keyof typeof cards])).toEqual([]);
  });
  test.each(Object.keys(cards))('%s opens with its heading, in the language', (name) => {
    expect(collectTexts(cards[name as keyof typeof cards])[0]).toBe(HEADINGS[language][name as keyof typeof cards]);
  });
  test.each(Object.keys(cards))('%s offers exactly its buttons: kind, title, verb and data sent back, or address opened', (name) => {
    expect(cards[name as keyof typeof cards].actions).toEqual(expectedActions(language)[name as keyof typeof cards]);
  });
  test.each(Object.keys(cards))("%s has none of the other language's words", (name) => {
    const card = cards[name as keyof typeof cards];
    const shown = [...collectTexts(card), ...fieldsNamed(card, ['title', 'label', 'placeholder', 'errorMessage'])].join('\n');
    expect(wordsOnlyIn(language === 'sv' ? 'en' : 'sv').filter((word) => shown.includes(word))).toEqual([]);
  });
});

const TAB = 'https://teams.microsoft.com/l/entity/app-id/balanslista';
const EVENT_KEY = 'team-1|expiry|12|30|2022-12-31';

/** The first line of each card, as the member sees it. */
const HEADINGS: Record<Language, Record<keyof ReturnType<typeof cardsFor>, string>> = {
  sv: {
    'meeting reminder, 14 days': 'SVOM-möte om 14 dagar',
    'meeting reminder, 2 days': 'SVOM-möte om 2 dagar',
    'follow-up ready, after the last meeting': 'Uppföljning 2022 är klar att granska',
    'follow-up ready, on the configured day': 'Uppföljning 2017 är klar att granska',
    'expiry notice, 30 days': 'Avtalet löper ut om 30 dagar',
    'expiry notice, expired': 'Avtalet gick ut för 3 dagar sedan',
    'weekly digest': 'Veckoöversikt, vecka 48',
    'welcome, no channel yet': 'Hej från Balanslistan!',
    'welcome, channel chosen': 'Hej från Balanslistan!',
    help: 'Det här kan jag',
    'help after unknown text': 'Jag förstod inte "vad gör du".',
    'help in a personal chat': 'Det här kan jag',
    'meetings list': 'Kommande SVOM-möten',
    'agreements list': 'Avtal och överenskommelser',
    'action result message': 'Balanslistan',
  },
  en: {
    'meeting reminder, 14 days': 'SVOM meeting in 14 days',
    'meeting reminder, 2 days': 'SVOM meeting in 2 days',
    'follow-up ready, after the last meeting': 'Follow-up 2022 is ready for review',
    'follow-up ready, on the configured day': 'Follow-up 2017 is ready for review',
    'expiry notice, 30 days': 'The agreement expires in 30 days',
    'expiry notice, expired': 'The agreement expired 3 days ago',
    'weekly digest': 'Weekly overview, week 48',
    'welcome, no channel yet': 'Hello from the balance list!',
    'welcome, channel chosen': 'Hello from the balance list!',
    help: 'What I can do',
    'help after unknown text': 'I did not understand "vad gör du".',
    'help in a personal chat': 'What I can do',
    'meetings list': 'Upcoming SVOM meetings',
    'agreements list': 'Agreements',
    // The title is the caller's, as given.
    'action result message': 'Balanslistan',
  },
};

/** The buttons' words, written out (not read from the strings under test). */
const BUTTONS = {
  sv: {
    openTab: 'Öppna i balanslistan',
    snooze: 'Påminn igen om 7 dagar',
    revisionStarted: 'Revision påbörjad',
    addErrand: 'Anmäl ärende',
    openMeetingLink: 'Öppna möteslänken',
    openSharePoint: 'Öppna i SharePoint',
    openFollowUp: 'Öppna uppföljningen',
    downloadWord: 'Ladda ner Word-filen',
    chooseChannel: 'Välj kanal',
  },
  en: {
    openTab: 'Open in the balance list',
    snooze: 'Remind me again in 7 days',
    revisionStarted: 'Revision started',
    addErrand: 'Submit an item',
    openMeetingLink: 'Open the meeting link',
    openSharePoint: 'Open in SharePoint',
    openFollowUp: 'Open the follow-up',
    downloadWord: 'Download the Word file',
    chooseChannel: 'Choose channel',
  },
};

/** Every card's buttons, in order: what an Action.Execute sends back, where an Action.OpenUrl goes. */
function expectedActions(language: Language): Record<keyof ReturnType<typeof cardsFor>, unknown[]> {
  const t = BUTTONS[language];
  const open = (title: string, url: string) => ({ type: 'Action.OpenUrl', title, url });
  const execute = (title: string, verb: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...extra,
  });
  const tab = open(t.openTab, TAB);
  const meetingData = (reminder: number) => ({ v: 1, card: 'meeting', meetingId: '3', reminder, eventKey: EVENT_KEY });
  const expiryData = (threshold: number) => ({
    v: 1,
    card: 'expiry',
    entryId: '12',
    eTag: '"0f1e2d3c-aaaa-bbbb-cccc-000000000012,4"',
    threshold,
    eventKey: EVENT_KEY,
  });
  const meetingLinks = [
    open(t.openMeetingLink, 'https://teams.microsoft.com/l/meetup-join/example'),
    open(t.openSharePoint, 'https://contoso.sharepoint.com/sites/svom/Lists/Moten/DispForm.aspx?ID=3'),
  ];
  const expiry = (threshold: number) => [
    execute(t.revisionStarted, 'revision-started', expiryData(threshold)),
    execute(t.snooze, 'snooze', expiryData(threshold)),
    tab,
    open(t.openSharePoint, 'https://contoso.sharepoint.com/sites/svom/Lists/Balanslista/DispForm.aspx?ID=12'),
  ];
  const chooseChannel = execute(t.chooseChannel, 'choose-channel', { v: 1, card: 'welcome' }, { style: 'positive' });
  return {
    'meeting reminder, 14 days': [execute(t.snooze, 'snooze', meetingData(14)), tab, open(t.addErrand, NEW_ERRAND_URL), ...meetingLinks],
    'meeting reminder, 2 days': [execute(t.snooze, 'snooze', meetingData(2)), tab, ...meetingLinks],
    'follow-up ready, after the last meeting': [
      open(t.openFollowUp, `${TAB}?context=%7B%22subEntityId%22%3A%22view%3Duppfoljning%26year%3D2022%22%7D`),
      open(t.downloadWord, 'https://balanslistan.example.org/api/follow-up/2022.docx'),
    ],
    'follow-up ready, on the configured day': [open(t.openFollowUp, `${TAB}?context=%7B%22subEntityId%22%3A%22view%3Duppfoljning%26year%3D2017%22%7D`)],
    'expiry notice, 30 days': expiry(30),
    'expiry notice, expired': expiry(0),
    'weekly digest': [tab],
    'welcome, no channel yet': [chooseChannel, tab],
    'welcome, channel chosen': [chooseChannel, tab],
    help: [tab],
    'help after unknown text': [tab],
    'help in a personal chat': [tab],
    'meetings list': [tab],
    'agreements list': [tab],
    'action result message': [tab],
  };
}

/** The fixed words of one language that the other says differently (four letters or more, so no "Tid" inside a name). */
function wordsOnlyIn(language: Language): string[] {
  const own = strings(language) as unknown as Record<string, unknown>;
  const other = strings(language === 'sv' ? 'en' : 'sv') as unknown as Record<string, unknown>;
  return (
    Object.entries(own)
      .filter(([key, word]) => typeof word === 'string' && word !== other[key] && word.length >= 4)
      .map(([, word]) => (word as string).replace(/\u00ad/g, ''))
      // Names, not words: the app's, the forum's, and a channel's own name as Teams gives it in the fixture.
      .filter((word) => !['Balanslistan', 'SVOM', 'Allmänt'].includes(word))
  );
}

/** Every string value under one of `names`, anywhere in the card. */
function fieldsNamed(value: unknown, names: string[], into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => fieldsNamed(item, names, into));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (names.includes(key) && typeof child === 'string') into.push(child);
      else fieldsNamed(child, names, into);
    }
  }
  return into;
}

describe('the welcome card asks for the channel in one required choice', () => {
  test.each(['sv', 'en'] as const)('its input is "channelId", offers every channel and preselects the chosen one (%s)', (language) => {
    const t = strings(language);
    const inputs = (card: Record<string, unknown>) =>
      (card.body as Array<Record<string, unknown>>).filter((element) => String(element.type).startsWith('Input.'));
    const cards = cardsFor(language);
    const choices = [
      { title: 'Allmänt', value: '19:a' },
      { title: 'SVOM', value: '19:b' },
    ];
    expect(inputs(cards['welcome, no channel yet'])).toEqual([
      {
        type: 'Input.ChoiceSet',
        id: 'channelId',
        label: t.channelLabel,
        placeholder: t.channelPlaceholder,
        isRequired: true,
        errorMessage: t.channelRequired,
        choices,
      },
    ]);
    expect(inputs(cards['welcome, channel chosen'])).toEqual([
      { type: 'Input.ChoiceSet', id: 'channelId', label: t.channelLabel, isRequired: true, errorMessage: t.channelRequired, value: '19:b', choices },
    ]);
  });
});

describe('the help card', () => {
  test.each(['sv', 'en'] as const)('lists every command, and names the reminder channel in a team only (%s)', (language) => {
    const t = strings(language);
    const cards = cardsFor(language);
    const team = collectTexts(cards.help);
    const facts = (cards.help.body as Array<Record<string, unknown>>).find((element) => element.type === 'FactSet')?.facts as Array<{
      title: string;
      value: string;
    }>;
    expect(facts.map((fact) => [fact.title, fact.value])).toEqual(t.helpCommands.map(([command, description]) => [command, description]));
    expect(team).toContain(t.helpChannel('SVOM'));
    expect(collectTexts(cards['help after unknown text'])).toContain(t.helpChannel(null));
    const personal = collectTexts(cards['help in a personal chat']);
    expect(personal.some((text) => text === t.helpChannel('SVOM') || text === t.helpChannel(null))).toBe(false);
  });
});

describe('the list cards say when the list could not be read just now', () => {
  test.each(['sv', 'en'] as const)('%s', (language) => {
    const t = strings(language);
    const cards = cardsFor(language);
    expect(collectTexts(cards['agreements list'])).toContain(t.staleNotice);
    expect(collectTexts(cards['meetings list'])).not.toContain(t.staleNotice);
  });
});

describe('card content', () => {
  test('the 14-day reminder gives date, item deadline and preparing groups, without follow-ups', () => {
    const text = JSON.stringify(renderer.meetingReminder(dueMeeting(14), context('sv')));
    expect(text).toContain('SVOM-möte om 14 dagar');
    expect(text).toContain('torsdag 2022-12-15');
    expect(text).toContain('Sista dag att anmäla ärenden: måndag 2022-12-05 (om 4 dagar)');
    expect(text).toContain('Fredagsgruppen, L\\\\-IFO');
    expect(text).not.toContain('Välfärdsteknologi');
  });

  test('the 2-day reminder gives time, place, link and the entries followed up', () => {
    const text = JSON.stringify(renderer.meetingReminder(dueMeeting(2), context('sv')));
    expect(text).toContain('09:00');
    expect(text).toContain('Östersund');
    expect(text).toContain('Öppna möteslänken');
    expect(text).toContain('Välfärdsteknologi: gemensam plan');
    expect(text).toContain('1\\\\. Psykisk hälsa \\\\*barn och unga\\\\*');
  });

  test('the expiry notice shows validity as written and as dates, days left, forums, notes and revision status', () => {
    const card = renderer.expiryNotice(dueExpiry(30), context('sv'));
    const text = JSON.stringify(card);
    for (const part of [
      'Avtalet löper ut om 30 dagar',
      't.o.m. 2022\\\\-12\\\\-31',
      'lördag 2022-12-31',
      '30 dagar',
      'SVOM',
      'Fredagsgruppen',
      'Revision kan behövas',
      'ses över',
    ]) {
      expect(text).toContain(part);
    }
    const actions = card.actions as Array<Record<string, unknown>>;
    expect(actions.map((a) => a.title)).toEqual(['Revision påbörjad', 'Påminn igen om 7 dagar', 'Öppna i balanslistan', 'Öppna i SharePoint']);
    const revision = actions.find((a) => a.verb === VERBS.revisionStarted);
    expect(parseActionData(revision?.verb, revision?.data)).toEqual({
      verb: 'revision-started',
      data: { v: 1, card: 'expiry', entryId: '12', eTag: entry().eTag, threshold: 30, eventKey: 'team-1|expiry|12|30|2022-12-31' },
    });
  });

  test('a started revision shows who and when, and offers no "Revision påbörjad" button', () => {
    const started = entry({
      agreement: { ...entry().agreement!, revisionStatus: 'started', revisionUpdatedBy: 'Bengt Berg', revisionUpdatedAt: '2022-12-01T09:15:00Z' },
    });
    const card = renderer.expiryNotice(dueExpiry(30, { entry: started }), context('sv'));
    expect(JSON.stringify(card)).toContain('Revision påbörjad av Bengt Berg, 2022-12-01');
    expect((card.actions as Array<Record<string, unknown>>).some((a) => a.verb === VERBS.revisionStarted)).toBe(false);
  });

  test('previews (no event key) have no snooze button', () => {
    const card = renderer.expiryNotice(dueExpiry(30), context('sv', null));
    expect((card.actions as Array<Record<string, unknown>>).some((a) => a.verb === VERBS.snooze)).toBe(false);
  });

  test('English cards speak English', () => {
    const text = JSON.stringify(renderer.expiryNotice(dueExpiry(90), context('en')));
    expect(text).toContain('The agreement expires in 90 days');
    expect(text).toContain('Saturday 2022-12-31');
    expect(text).toContain('Revision may be needed');
  });

  test('SharePoint text cannot inject markdown, links or template expressions', () => {
    const hostile = entry({ title: HOSTILE_TITLE, notes: '# Rubrik\n- punkt\n> citat', preparingGroups: ['[L-IFO](https://evil.example)'] });
    const cards = [
      renderer.expiryNotice(dueExpiry(30, { entry: hostile }), context('sv')),
      renderer.meetingReminder(
        dueMeeting(2, { meeting: meeting({ title: HOSTILE_TITLE, location: '*Plats*' }), followUps: [followUp('9', HOSTILE_TITLE)] }),
        context('sv'),
      ),
      renderer.agreementsList({ agreements: [agreementView({ title: HOSTILE_TITLE })], stale: false }, context('sv')),
    ];
    for (const card of cards) {
      expect(cardProblems(card)).toEqual([]);
      const texts = collectTexts(card);
      const hostileText = texts.find((t) => t.includes('Fet'));
      expect(hostileText).toContain(
        '1\\. \\*\\*Fet\\*\\* \\[klicka\\]\\(https://evil.example\\) \\_x\\_ \\# rubrik \\> citat \\`kod\\` \\~\\~s\\~\\~ \\${t.openTab} \\\\ \\- slut',
      );
      // No unescaped markdown link anywhere.
      expect(texts.join('\n')).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
    }
    const notes = collectTexts(cards[0]!).find((t) => t.includes('Rubrik'));
    expect(notes).toBe('\\# Rubrik\n\n\\- punkt\n\n\\> citat');
  });

  test('control characters from SharePoint (terminal escapes, C0 and C1) never reach a card', () => {
    const title = 'Hemsjuk\u001b[2Jvård\u009b31m avtal\u0007';
    const card = renderer.expiryNotice(dueExpiry(30, { entry: entry({ title, notes: 'rad 1\u001b]8;;https://evil.example\u0007\nrad 2' }) }), context('sv'));
    const texts = collectTexts(card).join('\n');
    expect(texts).toContain('Hemsjuk\\[2Jvård31m avtal');
    // eslint-disable-next-line no-control-regex
    expect(texts).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(cardProblems(card)).toEqual([]);
  });

  test('long lists are cut with "… och N till" and stay under the Teams size limit', () => {
    const many = Array.from({ length: 60 }, (_, i) => followUp(String(100 + i), `Punkt ${i} ${'lång text '.repeat(30)}`));
    const card = renderer.meetingReminder(dueMeeting(2, { followUps: many }), context('sv'));
    expect(JSON.stringify(card)).toContain('… och 45 till');
    expect(cardProblems(card)).toEqual([]);
    const agreements = Array.from({ length: 40 }, (_, i) => agreementView({ id: String(i), title: `Avtal ${i} ${'x'.repeat(300)}`, notes: 'y'.repeat(3000) }));
    const list = renderer.agreementsList({ agreements, stale: false }, context('sv'));
    expect(cardProblems(list)).toEqual([]);
    const digest = renderer.weeklyDigest(
      { today: '2022-12-05', meetings: Array.from({ length: 30 }, () => dueMeeting(10)), expiries: Array.from({ length: 30 }, () => dueExpiry(20)) },
      context('sv'),
    );
    expect(cardProblems(digest)).toEqual([]);
  });

  test('only https links become buttons (a javascript: or http link from the list does not)', () => {
    const card = renderer.meetingReminder(dueMeeting(2, { meeting: meeting({ link: 'javascript:alert(1)', editUrl: 'http://intranet/item' }) }), context('sv'));
    const urls = (card.actions as Array<Record<string, unknown>>).filter((a) => a.type === 'Action.OpenUrl').map((a) => a.url);
    expect(urls).toEqual(['https://teams.microsoft.com/l/entity/app-id/balanslista']);
  });

  test('the welcome card preselects the chosen channel and says so', () => {
    const card = renderer.welcome(
      {
        channels: [
          { id: '19:a', name: 'Allmänt' },
          { id: '19:b', name: 'SVOM' },
        ],
        chosen: { id: '19:b', name: 'SVOM' },
        chosenBy: null,
      },
      context('sv'),
    );
    const input = (card.body as Array<Record<string, unknown>>).find((e) => e.type === 'Input.ChoiceSet');
    expect(input?.value).toBe('19:b');
    expect(JSON.stringify(card)).toContain('Påminnelser postas i kanalen **SVOM**');
  });
});

describe('the agenda in meeting reminders', () => {
  const texts = (card: Record<string, unknown>): string[] => collectTexts(card);
  const urls = (card: Record<string, unknown>) =>
    (card.actions as Array<Record<string, unknown>>).filter((a) => a.type === 'Action.OpenUrl').map((a) => [a.title, a.url]);

  test('with no ärende yet it says so, gives the deadline with the days left and the link to add one', () => {
    const card = renderer.meetingReminder(dueMeeting(14), context('sv'), { agenda: { errands: [], addUrl: NEW_ERRAND_URL } });
    expect(cardProblems(card)).toEqual([]);
    const lines = texts(card);
    expect(lines).toContain('Ärenden till mötet (0)');
    expect(lines).toContain('Inga ärenden är anmälda till mötet ännu.');
    expect(lines).toContain('Sista dag att anmäla ärenden: måndag 2022-12-05 (om 4 dagar)');
    expect(urls(card)).toContainEqual(['Anmäl ärende', NEW_ERRAND_URL]);
  });

  test.each(['sv', 'en'] as const)('with three ärenden it lists each with title, kind, status and preparing group, in order (%s)', (language) => {
    const card = renderer.meetingReminder(dueMeeting(14), context(language), { agenda: { errands: threeErrands(), addUrl: NEW_ERRAND_URL } });
    expect(cardProblems(card)).toEqual([]);
    const lines = texts(card);
    const agenda = lines.filter((line) => line.startsWith('• '));
    expect(agenda).toEqual(
      language === 'sv'
        ? [
            '• Länsgemensam plan för välfärdsteknologi (Beslut, Berett) – Fredagsgruppen',
            '• Psykisk hälsa barn och unga: lägesrapport (Information, Anmält) – L\\-IFO',
            '• Hemsjukvårdsavtalet',
          ]
        : [
            '• Länsgemensam plan för välfärdsteknologi (Decision, Prepared) – Fredagsgruppen',
            '• Psykisk hälsa barn och unga: lägesrapport (Information, Submitted) – L\\-IFO',
            '• Hemsjukvårdsavtalet',
          ],
    );
    expect(lines).toContain(language === 'sv' ? 'Ärenden till mötet (3)' : 'Items for the meeting (3)');
    expect(lines).toContain(
      language === 'sv' ? 'Sista dag att anmäla ärenden: måndag 2022-12-05 (om 4 dagar)' : 'Last day to submit items: Monday 2022-12-05 (in 4 days)',
    );
    expect(lines.join('\n')).not.toMatch(/Inga ärenden|No items have/);
  });

  test('with 40 ärenden it shows the first 12 and "… och 28 till", and stays under the Teams size limit', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      errand({
        id: String(100 + i),
        key: `a-${i}`,
        order: i,
        title: `Ärende ${i} ${'med en lång titel '.repeat(20)}`,
        preparingGroup: 'Fredagsgruppen och L-IFO gemensamt'.repeat(3),
      }),
    );
    const card = renderer.meetingReminder(dueMeeting(2), context('sv'), { agenda: { errands: many, addUrl: NEW_ERRAND_URL } });
    expect(cardProblems(card)).toEqual([]);
    const agenda = texts(card).filter((line) => line.startsWith('• Ärende'));
    expect(agenda).toHaveLength(12);
    expect(agenda[0]).toMatch(/^• Ärende 0 /);
    expect(agenda[11]).toMatch(/^• Ärende 11 /);
    expect(texts(card)).toContain('Ärenden till mötet (40)');
    expect(texts(card)).toContain('… och 28 till. Hela listan finns i balanslistan.');
  });

  test('the deadline that has passed reads as passed, and a meeting without one has no deadline line', () => {
    const late = renderer.meetingReminder(dueMeeting(2), { ...context('sv'), today: '2022-12-13' }, { agenda: { errands: [], addUrl: null } });
    expect(texts(late)).toContain('Sista dag att anmäla ärenden: måndag 2022-12-05 (för 8 dagar sedan)');
    const yesterday = renderer.meetingReminder(dueMeeting(2), { ...context('en'), today: '2022-12-06' }, { agenda: { errands: [], addUrl: null } });
    expect(texts(yesterday)).toContain('Last day to submit items: Monday 2022-12-05 (yesterday)');
    const none = renderer.meetingReminder(dueMeeting(14, { meeting: meeting({ itemDeadline: null }) }), context('sv'), {
      agenda: { errands: [], addUrl: null },
    });
    expect(texts(none).some((line) => line.startsWith('Sista dag'))).toBe(false);
  });

  test('hostile ärende text stays inert, and only an https list address becomes the "Anmäl ärende" button', () => {
    const hostile = errand({ title: HOSTILE_TITLE, preparingGroup: '[L-IFO](https://evil.example)' });
    const card = renderer.meetingReminder(dueMeeting(14), context('sv'), { agenda: { errands: [hostile], addUrl: 'javascript:alert(1)' } });
    expect(cardProblems(card)).toEqual([]);
    const line = texts(card).find((text) => text.includes('Fet'));
    expect(line).toBe(
      '• 1\\. \\*\\*Fet\\*\\* \\[klicka\\]\\(https://evil.example\\) \\_x\\_ \\# rubrik \\> citat \\`kod\\` \\~\\~s\\~\\~ \\${t.openTab} \\\\ \\- slut (Beslut, Berett) – \\[L\\-IFO\\]\\(https://evil.example\\)',
    );
    expect(urls(card).map(([title]) => title)).not.toContain('Anmäl ärende');
  });
});

describe('the follow-up ready card', () => {
  const texts = (card: Record<string, unknown>): string[] => collectTexts(card);
  const urls = (card: Record<string, unknown>) => (card.actions as Array<Record<string, unknown>>).map((a) => [a.title, a.url]);

  test("tells why now and what the year holds, and links to the tab's Uppföljning view and the Word file", () => {
    const card = renderer.followUpReady(followUpReady(), context('sv'));
    expect(cardProblems(card)).toEqual([]);
    const lines = texts(card);
    expect(lines[0]).toBe('Uppföljning 2022 är klar att granska');
    expect(lines).toContain('Årets sista möte (SVOM ordinarie möte, tisdag 2022-12-13) är hållet, så uppföljningen av 2022 kan granskas.');
    expect(lines).toEqual(expect.arrayContaining(['5', '1', '15', '3 av 7', '2 att rätta']));
    const [view, word] = urls(card);
    expect(view?.[0]).toBe('Öppna uppföljningen');
    const deepLink = new URL(String(view?.[1]));
    expect(deepLink.origin + deepLink.pathname).toBe('https://teams.microsoft.com/l/entity/app-id/balanslista');
    expect(JSON.parse(deepLink.searchParams.get('context') ?? '')).toEqual({ subEntityId: 'view=uppfoljning&year=2022' });
    expect(word).toEqual(['Ladda ner Word-filen', 'https://balanslistan.example.org/api/follow-up/2022.docx']);
  });

  test("in the web app the view is the address's query; a meeting known to the month or year is dated no more precisely", () => {
    const ctx: CardContext = { language: 'en', tabUrl: 'http://127.0.0.1:3978/', today: '2023-01-02', eventKey: 'follow-up/2022' };
    const month = renderer.followUpReady(
      followUpReady({
        reason: { kind: 'last-meeting', title: 'SVOM', date: { year: 2022, month: 12, day: null } },
        docxUrl: 'http://127.0.0.1:3978/api/follow-up/2022.docx',
      }),
      ctx,
    );
    expect(texts(month)).toContain("The year's last meeting (SVOM, December 2022) has been held, so the follow-up of 2022 can be reviewed.");
    expect(urls(month)).toEqual([
      ['Open the follow-up', 'http://127.0.0.1:3978/?view=uppfoljning&year=2022'],
      ['Download the Word file', 'http://127.0.0.1:3978/api/follow-up/2022.docx'],
    ]);
    const year = renderer.followUpReady(
      followUpReady({ year: 2017, reason: { kind: 'last-meeting', title: '', date: { year: 2017, month: null, day: null } } }),
      context('sv'),
    );
    expect(texts(year)).toContain('Årets sista möte (2017, datum anges inte) är hållet, så uppföljningen av 2017 kan granskas.');
  });

  test('on the configured day, with nothing to correct and no Word address', () => {
    const card = renderer.followUpReady(followUpReady({ reason: { kind: 'configured-date', date: '2023-01-16' }, problems: 0, docxUrl: null }), context('sv'));
    expect(texts(card)).toContain('I dag, måndag 2023-01-16, är dagen då uppföljningen av 2022 ska granskas.');
    expect(texts(card)).toContain('Inget att rätta');
    expect(urls(card).map(([title]) => title)).toEqual(['Öppna uppföljningen']);
  });
});

describe('the meetings list', () => {
  test('tells how many ärenden each meeting has so far', () => {
    const card = renderer.meetingsList(
      {
        meetings: [meeting(), meeting({ id: '4', key: 'm-4', date: '2023-02-26' })],
        stale: false,
        errands: [...threeErrands(), errand({ id: '80', meeting: { key: 'm-4', id: null } })],
      },
      context('sv'),
    );
    const facts = (card.body as Array<Record<string, unknown>>)
      .filter((element) => element.type === 'Container')
      .map(
        (container) =>
          ((container.items as Array<Record<string, unknown>>)[1]?.facts as Array<{ title: string; value: string }>).find(
            (fact) => fact.title === 'Anmälda ärenden',
          )?.value,
      );
    expect(facts).toEqual(['3', '1']);
  });
});

describe('card words: plurals, thousands and days that have passed', () => {
  const factsOf = (card: Record<string, unknown>): Record<string, string> => {
    const facts = (card.body as Array<Record<string, unknown>>).find((element) => element.type === 'FactSet')?.facts as Array<{ title: string; value: string }>;
    return Object.fromEntries(facts.map((fact) => [fact.title, fact.value]));
  };
  const headingOf = (card: Record<string, unknown>): string =>
    (((card.body as Array<Record<string, unknown>>)[0]?.items as Array<{ text: string }>)[0] as { text: string }).text;
  const sv1704 = new Intl.NumberFormat('sv-SE').format(1704);

  test.each([
    ['sv', 1, 'Avtalet löper ut i morgon', 'Dagar kvar', '1 dag'],
    ['sv', 2, 'Avtalet löper ut om 2 dagar', 'Dagar kvar', '2 dagar'],
    ['sv', 1704, `Avtalet löper ut om ${sv1704} dagar`, 'Dagar kvar', `${sv1704} dagar`],
    ['sv', 0, 'Avtalet löper ut i dag', 'Dagar kvar', 'Sista giltighetsdag i dag'],
    ['sv', -1, 'Avtalet gick ut i går', 'Gick ut', 'i går'],
    ['sv', -2, 'Avtalet gick ut för 2 dagar sedan', 'Gick ut', 'för 2 dagar sedan'],
    ['sv', -1704, `Avtalet gick ut för ${sv1704} dagar sedan`, 'Gick ut', `för ${sv1704} dagar sedan`],
    ['en', 1, 'The agreement expires tomorrow', 'Days left', '1 day'],
    ['en', 2, 'The agreement expires in 2 days', 'Days left', '2 days'],
    ['en', -1, 'The agreement expired yesterday', 'Expired', 'yesterday'],
    ['en', -1704, 'The agreement expired 1,704 days ago', 'Expired', '1,704 days ago'],
  ] as const)('%s, %i days left: "%s", "%s: %s"', (language, daysLeft, heading, label, value) => {
    const card = renderer.expiryNotice(dueExpiry(daysLeft), context(language));
    expect(headingOf(card)).toBe(heading);
    expect(factsOf(card)[label]).toBe(value);
    expect(JSON.stringify(card)).not.toMatch(/\b1 dagar\b|\b1 days\b|sedan slutdatum|past the end date/);
  });

  test('groups thousands as the locale does (Swedish with a no-break space, never a plain one)', () => {
    const text = JSON.stringify(renderer.expiryNotice(dueExpiry(-1704), context('sv')));
    expect(sv1704).toMatch(/^1[\u00a0\u202f]704$/u);
    expect(text).not.toContain('1704');
    expect(text).not.toContain('1 704');
  });

  test('the digest and the agreements list say the days the same way', () => {
    const digest = JSON.stringify(renderer.weeklyDigest({ today: '2022-12-05', meetings: [], expiries: [dueExpiry(1), dueExpiry(-1704)] }, context('sv')));
    expect(digest).toContain('Dagar kvar: 1 dag');
    expect(digest).toContain(`Gick ut: för ${sv1704} dagar sedan`);
    const list = renderer.agreementsList({ agreements: [agreementView({ status: 'expired', daysLeft: -1 })], stale: false }, context('en'));
    expect(JSON.stringify(list)).toContain('"title":"Expired","value":"yesterday"');
  });

  test('a meeting reminder many days ahead groups the number too', () => {
    expect(JSON.stringify(renderer.meetingReminder(dueMeeting(1200), context('en')))).toContain('SVOM meeting in 1,200 days');
  });
});

describe('the welcome card after a channel is chosen', () => {
  const channels = [
    { id: '19:a', name: 'Allmänt' },
    { id: '19:b', name: 'SVOM' },
  ];
  const containers = (card: Record<string, unknown>) =>
    (card.body as Array<Record<string, unknown>>).filter((element) => element.type === 'Container') as Array<{ style: string; items: Array<{ text: string }> }>;

  test.each(['sv', 'en'] as const)('confirms the choice once, in one green box, with who chose it (%s)', (language) => {
    const confirmation = language === 'sv' ? 'Klart! Påminnelser postas nu i kanalen **SVOM**.' : 'Done! Reminders are now posted in the **SVOM** channel.';
    const card = renderer.welcome(
      { channels, chosen: channels[1]!, chosenBy: 'Anna Andersson', notice: { style: 'good', text: confirmation } },
      context(language),
    );
    const boxes = containers(card);
    expect(boxes.map((box) => box.style)).toEqual(['good']);
    expect(boxes[0]?.items.map((item) => item.text)).toEqual([`${confirmation} ${language === 'sv' ? 'Vald av' : 'Chosen by'} Anna Andersson.`]);
    expect(JSON.stringify(card).split('SVOM**').length - 1).toBe(1);
  });

  test('keeps a warning notice apart from the status: a deleted channel is not a confirmation', () => {
    const card = renderer.welcome(
      { channels, chosen: null, chosenBy: null, notice: { style: 'attention', text: 'Kanalen finns inte längre i teamet. Välj en annan.' } },
      context('sv'),
    );
    expect(containers(card).map((box) => box.style)).toEqual(['attention', 'warning']);
  });

  test('without a notice, shows the chosen channel and who chose it', () => {
    const card = renderer.welcome({ channels, chosen: channels[1]!, chosenBy: 'Anna Andersson' }, context('sv'));
    expect(containers(card).map((box) => box.items[0]?.text)).toEqual(['Påminnelser postas i kanalen **SVOM** (vald av Anna Andersson).']);
  });
});

describe('parseActionData', () => {
  test('rejects unknown verbs, old versions and missing fields', () => {
    expect(parseActionData('delete-everything', {})).toBeNull();
    expect(parseActionData(VERBS.revisionStarted, { v: 0, card: 'expiry', entryId: '1', eTag: 'e', threshold: 30, eventKey: null })).toBeNull();
    expect(parseActionData(VERBS.revisionStarted, { v: 1, card: 'expiry', entryId: '1' })).toBeNull();
    expect(parseActionData(VERBS.snooze, { v: 1, card: 'meeting', meetingId: '3', reminder: 2, eventKey: null })).toBeNull();
    expect(parseActionData(VERBS.chooseChannel, { v: 1, card: 'welcome' })).toBeNull();
    expect(parseActionData(VERBS.chooseChannel, { v: 1, card: 'welcome', channelId: '19:b' })).toEqual({
      verb: 'choose-channel',
      data: { v: 1, card: 'welcome', channelId: '19:b' },
    });
  });
});

function collectTexts(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => collectTexts(item, into));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'text' || key === 'value') && typeof child === 'string') into.push(child);
      else collectTexts(child, into);
    }
  }
  return into;
}
