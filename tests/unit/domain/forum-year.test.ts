import { dataQualityProblems } from '../../../src/domain/errands';
import { buildForumYear } from '../../../src/domain/forum-year';
import { area, agreementEntry, errand, forumData, forumMeeting, section } from './forum-builders';

const sections = [section('areas', { order: 1 }), section('agreements', { order: 2, agreements: true })];

describe('buildForumYear: meetings', () => {
  it("groups the year's meetings by kind in the order they were held: a month-only one in its month, a year-only one last", () => {
    const data = forumData({
      meetings: [
        forumMeeting('undated', { kind: 'ordinary', date: { year: 2017, month: null, day: null } }),
        forumMeeting('autumn', { kind: 'ordinary', date: { year: 2017, month: 10, day: 5 } }),
        forumMeeting('may', { kind: 'ordinary', date: { year: 2017, month: 5, day: null } }),
        forumMeeting('may-day', { kind: 'ordinary', date: { year: 2017, month: 5, day: 30 } }),
        forumMeeting('march', { kind: 'ordinary', date: { year: 2017, month: 3, day: 9 } }),
        forumMeeting('april', { kind: 'extra', date: { year: 2017, month: 4, day: null }, subject: 'TNE-avtalet' }),
        forumMeeting('june', { kind: 'event', date: { year: 2017, month: 6, day: 2 } }),
        forumMeeting('joint', { kind: 'joint' }),
        forumMeeting('unknown-kind', { kind: null, date: { year: 2017, month: 3, day: null } }),
        forumMeeting('other-year', { date: { year: 2018, month: 1, day: 10 } }),
        forumMeeting('no-date', { date: null }),
      ],
    });
    const model = buildForumYear(data, 2017);
    expect(model.hasMeetings).toBe(true);
    expect(model.meetings.ordinary.map((meeting) => meeting.key)).toEqual(['march', 'may-day', 'may', 'autumn', 'undated']);
    expect(model.meetings.extra.map((meeting) => meeting.subject)).toEqual(['TNE-avtalet']);
    expect(model.meetings.joint.map((meeting) => meeting.key)).toEqual(['joint']);
    expect(model.meetings.event.map((meeting) => meeting.key)).toEqual(['june']);
    expect(model.meetings.unspecified.map((meeting) => meeting.key)).toEqual(['unknown-kind']);
  });

  it('says a year has no meetings, and still lists every area as not followed up', () => {
    const data = forumData({ sections, entries: [area('a', 'areas')], meetings: [forumMeeting('m', { date: { year: 2017, month: 2, day: 1 } })] });
    const model = buildForumYear(data, 2019);
    expect(model.hasMeetings).toBe(false);
    expect(Object.values(model.meetings).flat()).toEqual([]);
    expect(model.sections[0]?.rows.map((row) => [row.entry.key, row.withoutErrand])).toEqual([['a', true]]);
  });
});

describe('buildForumYear: ärenden', () => {
  const entries = [
    area('goal', 'areas', { order: 1 }),
    area('sub-1', 'areas', { parentKey: 'goal', kind: 'sub-goal', order: 1 }),
    area('sub-2', 'areas', { parentKey: 'goal', kind: 'sub-goal', order: 2 }),
    area('idle', 'areas', { order: 2 }),
  ];

  it('puts each ärende under every entry it names, in agenda order, and marks what nothing followed up', () => {
    const meetings = [forumMeeting('feb', { date: { year: 2017, month: 2, day: 10 } }), forumMeeting('may', { date: { year: 2017, month: 5, day: 4 } })];
    const errands = [
      errand('late', { meeting: { key: 'may', id: null }, entryKeys: ['sub-1'], order: 1 }),
      errand('early-2', { meeting: { key: 'feb', id: null }, entryKeys: ['sub-1', 'idle-not'], order: 2 }),
      errand('early-1', { meeting: { key: 'feb', id: null }, entryKeys: ['sub-1'], order: 1 }),
      errand('both', { entryKeys: ['goal', 'sub-1'], year: 2017, order: 9 }),
    ];
    const model = buildForumYear(forumData({ sections, entries, meetings, errands }), 2017);
    const rows = model.sections[0]?.rows ?? [];
    expect(rows.map((row) => [row.entry.key, row.depth, row.errands.map((e) => e.errand.key), row.withoutErrand])).toEqual([
      ['goal', 0, ['both'], false],
      ['sub-1', 1, ['early-1', 'early-2', 'late', 'both'], false],
      ['sub-2', 1, [], true],
      ['idle', 0, [], true],
    ]);
    expect(model.problems.map((problem) => [problem.code, problem.value])).toEqual([['unknown-entry', 'idle-not']]);
  });

  it('counts a parent as followed up when only an entry under it had an ärende', () => {
    const model = buildForumYear(forumData({ sections, entries, errands: [errand('e', { entryKeys: ['sub-2'] })] }), 2017);
    const flags = Object.fromEntries((model.sections[0]?.rows ?? []).map((row) => [row.entry.key, row.withoutErrand]));
    expect(flags).toEqual({ goal: false, 'sub-1': true, 'sub-2': false, idle: true });
  });

  it('keeps an ärende naming an unknown meeting or entry, and reports each', () => {
    const errands = [errand('lost', { meeting: { key: 'nowhere', id: null }, entryKeys: ['missing'], year: 2017 })];
    const model = buildForumYear(forumData({ sections, entries, errands }), 2017);
    expect(model.errands.map((e) => e.errand.key)).toEqual(['lost']);
    expect(model.unplaced.map((e) => e.errand.key)).toEqual(['lost']);
    expect(model.problems.map((problem) => [problem.list, problem.code, problem.value])).toEqual([
      ['errands', 'unknown-meeting', 'nowhere'],
      ['errands', 'unknown-entry', 'missing'],
    ]);
  });

  it('finds a meeting by its item id (a lookup column) when the ärende gives no key', () => {
    const meetings = [forumMeeting('m', { id: '7', date: { year: 2016, month: 11, day: 3 } })];
    const model = buildForumYear(
      forumData({ sections, entries, meetings, errands: [errand('e', { meeting: { key: null, id: '7' }, year: null, entryKeys: ['idle'] })] }),
      2016,
    );
    expect(model.errands.map((e) => e.meeting?.key)).toEqual(['m']);
  });

  it('takes the year from the meeting, reports a contradicting year, and reports an ärende with no year at all', () => {
    const meetings = [forumMeeting('m2018', { date: { year: 2018, month: 3, day: null } })];
    const errands = [
      errand('conflict', { meeting: { key: 'm2018', id: null }, year: 2017, entryKeys: ['idle'] }),
      errand('yearless', { year: null, entryKeys: ['idle'] }),
    ];
    const model2017 = buildForumYear(forumData({ sections, entries, meetings, errands }), 2017);
    expect(model2017.errands).toEqual([]);
    expect(model2017.problems.map((problem) => [problem.itemId, problem.code])).toEqual([['yearless', 'no-year']]);
    const model2018 = buildForumYear(forumData({ sections, entries, meetings, errands }), 2018);
    expect(model2018.errands.map((e) => e.errand.key)).toEqual(['conflict']);
    expect(model2018.problems.map((problem) => [problem.itemId, problem.code])).toEqual([
      ['conflict', 'year-conflict'],
      ['yearless', 'no-year'],
    ]);
    // Datakvalitet lists what every year counts, with the item to fix.
    expect(dataQualityProblems(forumData({ sections, entries, meetings, errands })).map((problem) => [problem.itemId, problem.code, problem.editUrl])).toEqual([
      ['conflict', 'year-conflict', errand('conflict').editUrl],
      ['yearless', 'no-year', errand('yearless').editUrl],
    ]);
  });

  it("keeps the mapping's problems in the model", () => {
    const problem = {
      list: 'meetings' as const,
      itemId: '3',
      title: 'x',
      field: 'MeetingDate',
      code: 'missing-date' as const,
      value: '',
      message: 'm',
      editUrl: '',
    };
    expect(buildForumYear(forumData({ problems: [problem] }), 2017).problems).toEqual([problem]);
  });
});

describe('buildForumYear: sections and agreements', () => {
  it('shows only the sections whose period covers the year, in order', () => {
    const data = forumData({
      sections: [
        section('later', { order: 1, fromYear: 2019, toYear: 2022 }),
        section('always', { order: 3 }),
        section('then', { order: 2, fromYear: 2014, toYear: 2025 }),
      ],
    });
    expect(buildForumYear(data, 2017).sections.map((s) => s.section.key)).toEqual(['then', 'always']);
    expect(buildForumYear(data, 2020).sections.map((s) => s.section.key)).toEqual(['later', 'then', 'always']);
  });

  it('gives each agreement its state on 31 December', () => {
    const entries = [
      agreementEntry('ended', 'agreements', { to: '2017-06-30' }),
      agreementEntry('ends-soon', 'agreements', { to: '2018-03-31' }),
      agreementEntry('runs', 'agreements', { to: '2019-12-31' }),
      agreementEntry('open', 'agreements', {}),
    ].map((entry, index) => ({ ...entry, order: index }));
    const rows = buildForumYear(forumData({ sections, entries }), 2017).sections[1]?.rows ?? [];
    expect(rows.map((row) => [row.entry.key, row.agreementAtYearEnd?.status])).toEqual([
      ['ended', 'expired'],
      ['ends-soon', 'expiring'],
      ['runs', 'active'],
      ['open', 'unknown'],
    ]);
  });

  it('shows entries of an unknown section in a last, nameless section rather than dropping them', () => {
    const model = buildForumYear(forumData({ sections, entries: [area('stray', 'gone')] }), 2017);
    expect(model.sections.map((s) => [s.section.key, s.rows.map((row) => row.entry.key)])).toEqual([
      ['areas', []],
      ['agreements', []],
      ['', ['stray']],
    ]);
  });
});
