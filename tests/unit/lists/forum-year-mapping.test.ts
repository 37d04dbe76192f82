import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FollowUpProblem } from '../../../src/domain/errands';
import { mapForumData } from '../../../src/lists/forum-year-mapping';
import { mapListData } from '../../../src/lists/mapping';
import { ERRANDS_LIST, FORUM_YEAR_LISTS, FORUM_LIST, SECTIONS_LIST } from '../../../src/lists/forum-year-schema';

const root = path.resolve(__dirname, '../../..');
let nextId = 0;
const item = (fields: Record<string, unknown>, id = String((nextId += 1))) => ({
  id,
  eTag: `"${id},1"`,
  webUrl: `https://contoso.sharepoint.com/sites/SVOM/Lists/x/DispForm.aspx?ID=${id}`,
  lastModifiedDateTime: null,
  fields,
});
const brief = (problems: FollowUpProblem[]) => problems.map(({ list, itemId, field, code, value }) => ({ list, itemId, field, code, value }));

describe('errands schema', () => {
  it('defines every column once, with Swedish display names and a description', () => {
    for (const list of Object.values(FORUM_YEAR_LISTS)) {
      const names = list.columns.map((column) => column.name);
      expect(new Set(names).size).toBe(names.length);
      for (const column of list.columns) {
        expect(column.displayName).not.toBe('');
        expect(column.description).not.toBe('');
      }
    }
    expect([ERRANDS_LIST.displayName, FORUM_LIST.displayName, SECTIONS_LIST.displayName]).toEqual(['Ärenden SVOM', 'Forum SVOM', 'Avsnitt SVOM']);
  });
});

describe('mapForumData: ärenden', () => {
  const data = mapForumData({
    balance: [item({ Title: 'Psykisk hälsa', EntryKey: 'p', Section: 'Flera områden', EntryKind: 'Rubrik', SortOrder: 1 }, '1')],
    meetings: [item({ Title: 'Mars', MeetingKey: 'm', MeetingDate: '2017-03-09', MeetingKind: 'Ordinarie' }, '5')],
    errands: [
      item(
        {
          Title: 'Handlingsplan',
          ErrandKey: 'e-1',
          MeetingKey: 'm',
          EntryKeys: 'p\nq; p',
          PreparingGroup: 'fredagsgruppen',
          ErrandKind: 'Beslut',
          ErrandStatus: 'behandlat',
          Decision: 'Beslut att rekommendera.\nÅterrapport i höst.',
          DocumentLink: { Url: 'https://contoso.sharepoint.com/handling.pdf', Description: 'x' },
          SortOrder: 2,
        },
        '10',
      ),
      item({ Title: 'Via uppslag', ErrandKey: 'e-2', MeetingLookupId: 5, EntryKeys: ['p'], PreparingGroup: 'Arbetsgrupp X', SortOrder: 1 }, '11'),
      item(
        {
          Title: 'Trasig',
          ErrandKey: 'e-1',
          ErrandKind: 'Omröstning',
          ErrandStatus: 42,
          ErrandYear: 17,
          DocumentLink: 'javascript:alert(1)',
          EntryKeys: { p: 1 },
        },
        '12',
      ),
      item({ ErrandKey: '' }, '13'),
    ],
  });

  it('reads every column to the domain, canonical choice texts included', () => {
    expect(data.errands[0]).toMatchObject({
      id: '10',
      key: 'e-1',
      title: 'Handlingsplan',
      meeting: { key: 'm', id: null },
      entryKeys: ['p', 'q'],
      preparingGroup: 'Fredagsgruppen',
      kind: 'decision',
      status: 'handled',
      decision: 'Beslut att rekommendera.\nÅterrapport i höst.',
      documentLink: 'https://contoso.sharepoint.com/handling.pdf',
      order: 2,
    });
    expect(data.errands[1]).toMatchObject({ meeting: { key: null, id: '5' }, entryKeys: ['p'], preparingGroup: 'Arbetsgrupp X', kind: null, status: null });
  });

  it('reports bad values on the ärende and keeps it', () => {
    expect(data.errands.map((errand) => errand.key)).toEqual(['e-1', 'e-2', 'e-1~12', 'errand-13']);
    expect(data.errands[2]).toMatchObject({ kind: null, status: null, year: null, documentLink: null, entryKeys: [] });
    expect(brief(data.problems.filter((problem) => problem.list === 'errands'))).toEqual([
      { list: 'errands', itemId: '12', field: 'ErrandKey', code: 'duplicate-key', value: 'e-1' },
      { list: 'errands', itemId: '12', field: 'ErrandYear', code: 'invalid-number', value: '17' },
      { list: 'errands', itemId: '12', field: 'EntryKeys', code: 'invalid-field-type', value: '{"p":1}' },
      { list: 'errands', itemId: '12', field: 'ErrandKind', code: 'unknown-choice', value: 'Omröstning' },
      { list: 'errands', itemId: '12', field: 'ErrandStatus', code: 'invalid-field-type', value: '42' },
      { list: 'errands', itemId: '12', field: 'DocumentLink', code: 'invalid-field-type', value: 'javascript:alert(1)' },
      { list: 'errands', itemId: '12', field: 'SortOrder', code: 'invalid-number', value: '' },
      { list: 'errands', itemId: '13', field: 'Title', code: 'missing-title', value: '' },
      { list: 'errands', itemId: '13', field: 'ErrandKey', code: 'missing-key', value: '' },
      { list: 'errands', itemId: '13', field: 'SortOrder', code: 'invalid-number', value: '' },
    ]);
  });
});

describe('mapForumData: meetings with partial dates', () => {
  const data = mapForumData({
    balance: [],
    meetings: [
      item({ Title: 'Extra', MeetingYear: 2017, MeetingMonth: 4, MeetingKind: 'Extra', Subject: 'TNE-avtalet' }, '1'),
      item({ Title: 'Gemensamt', MeetingYear: '2017', MeetingKind: 'Gemensamt med Västernorrland' }, '2'),
      item({ Title: 'Strategi för hälsa', MeetingDate: '2017-06-02', MeetingKind: 'Annat evenemang' }, '3'),
      item({ Title: 'Utan datum' }, '4'),
      item({ Title: 'Månad 13', MeetingYear: 2017, MeetingMonth: 13 }, '5'),
      item({ Title: 'Motsägelse', MeetingDate: '2017-06-02', MeetingMonth: 7 }, '6'),
      item({ Title: 'Dubblett', MeetingKey: 'k', MeetingYear: 2017 }, '7'),
      item({ Title: 'Dubblett', MeetingKey: 'k', MeetingYear: 2017 }, '8'),
    ],
  });

  it('keeps the date as precisely as written, never a day that was not given', () => {
    expect(data.meetings.map((meeting) => [meeting.title, meeting.date, meeting.kind])).toEqual([
      ['Extra', { year: 2017, month: 4, day: null }, 'extra'],
      ['Gemensamt', { year: 2017, month: null, day: null }, 'joint'],
      ['Strategi för hälsa', { year: 2017, month: 6, day: 2 }, 'event'],
      ['Utan datum', null, null],
      ['Månad 13', null, null],
      ['Motsägelse', { year: 2017, month: 6, day: 2 }, null],
      ['Dubblett', { year: 2017, month: null, day: null }, null],
      ['Dubblett', { year: 2017, month: null, day: null }, null],
    ]);
    expect(data.meetings[0]?.subject).toBe('TNE-avtalet');
    expect(data.meetings.map((meeting) => meeting.key).slice(6)).toEqual(['k', 'k~8']);
  });

  it('reports a meeting with no date, an impossible month, contradicting parts and a repeated key', () => {
    expect(brief(data.problems)).toEqual([
      { list: 'meetings', itemId: '4', field: 'MeetingDate', code: 'missing-date', value: '' },
      { list: 'meetings', itemId: '5', field: 'MeetingMonth', code: 'invalid-date', value: '2017-13' },
      { list: 'meetings', itemId: '6', field: 'MeetingYear', code: 'invalid-date', value: '-7' },
      { list: 'meetings', itemId: '8', field: 'MeetingKey', code: 'duplicate-key', value: 'k' },
    ]);
  });
});

describe('mapForumData: sections as data', () => {
  it('reads sections from their list and places entries by section heading or key, children with their parent', () => {
    const data = mapForumData({
      sections: [
        item({ Title: 'Avtal och överenskommelser', SectionKey: 'avtal', SortOrder: 2, SectionKind: 'Avtal', Description: 'www.regionjh.se/samverkan' }, '1'),
        item({ Title: 'SVOM:s prioriterade områden 2023-2026', SectionKey: 'prio', SortOrder: 1, Period: '2023-2026' }, '2'),
        item({ Title: 'Utan nyckel', SortOrder: 3, Period: 'snart' }, '3'),
      ],
      balance: [
        item({ Title: 'Ny teknik', EntryKey: 'a', Section: 'svom:s  PRIORITERADE områden 2023-2026', EntryKind: 'Prioriterat område', SortOrder: 1 }, '10'),
        item({ Title: 'Under', EntryKey: 'a-1', ParentKey: 'a', EntryKind: 'Punkt', SortOrder: 1 }, '11'),
        item({ Title: 'Avtal', EntryKey: 'b', Section: 'avtal', EntryKind: 'Avtal', ValidityText: '2023-2024', SortOrder: 1 }, '12'),
        item({ Title: 'Vilse', EntryKey: 'c', Section: 'Finns inte', EntryKind: 'Punkt', SortOrder: 1 }, '13'),
      ],
      meetings: [],
    });
    expect(data.sections.map((s) => [s.key, s.name, s.fromYear, s.toYear, s.agreements])).toEqual([
      ['prio', 'SVOM:s prioriterade områden 2023-2026', 2023, 2026, false],
      ['avtal', 'Avtal och överenskommelser', null, null, true],
      ['section-3', 'Utan nyckel', null, null, false],
    ]);
    expect(data.entries.map((entry) => [entry.key, entry.sectionKey])).toEqual([
      ['a', 'prio'],
      ['a-1', 'prio'],
      ['b', 'avtal'],
      ['c', 'Finns inte'],
    ]);
    expect(data.entries[2]?.agreement?.validity).toEqual({ text: '2023-2024', from: '2023-01-01', to: '2024-12-31' });
    expect(brief(data.problems)).toEqual([
      { list: 'sections', itemId: '3', field: 'SectionKey', code: 'missing-key', value: '' },
      { list: 'sections', itemId: '3', field: 'Period', code: 'invalid-date', value: 'snart' },
      { list: 'balance', itemId: '11', field: 'Section', code: 'unknown-section', value: '' },
      { list: 'balance', itemId: '13', field: 'Section', code: 'unknown-section', value: 'Finns inte' },
    ]);
  });

  it('reads the 2022 seed with its five built-in sections, entries in the same order as the balance list mapping', () => {
    const seed = JSON.parse(readFileSync(path.join(root, 'data/balanslista-2022.json'), 'utf8')) as { balance: unknown[]; meetings: unknown[] };
    const data = mapForumData(seed);
    const list = mapListData(seed as Parameters<typeof mapListData>[0]);
    expect(data.sections.map((s) => [s.key, s.periodText])).toEqual([
      ['goals', '2014-2025'],
      ['priorities', '2019-2022'],
      ['strategy', ''],
      ['several', ''],
      ['agreements', ''],
    ]);
    expect(data.entries.map((entry) => [entry.key, entry.sectionKey])).toEqual(list.entries.map((entry) => [entry.key, entry.section]));
    // The dental agreement has no validity at all: a warning, as in the balance list mapping.
    expect(data.problems.filter((problem) => problem.list !== 'forum').map((problem) => [problem.code, problem.itemId])).toEqual([['missing-validity', '90']]);
  });
});
