import { readFileSync } from 'node:fs';
import path from 'node:path';
import { agreementState } from '../../../src/domain/agreements';
import type { BalanceList, Problem } from '../../../src/domain/types';
import type { ListData, ListItem } from '../../../src/ports/list-source';
import { mapListData } from '../../../src/lists/mapping';
import { problemSeverity } from '../../../src/domain/problems';

interface GraphPage {
  value: Array<Record<string, unknown>>;
}

const fixtures = path.resolve(__dirname, '../../fixtures/items');

/** A page of Graph list items reduced to the port's ListItem, as the Graph source does it. */
function page(name: string): ListItem[] {
  const json = JSON.parse(readFileSync(path.join(fixtures, name), 'utf8')) as GraphPage;
  return json.value.map((item) => ({
    id: item.id as string,
    eTag: item.eTag as string,
    webUrl: item.webUrl as string,
    lastModifiedDateTime: (item.lastModifiedDateTime as string | undefined) ?? null,
    fields: item.fields as Record<string, unknown>,
  }));
}

const problemsOf = (list: BalanceList, itemId: string): Array<Pick<Problem, 'field' | 'code' | 'value'>> =>
  list.problems.filter((problem) => problem.itemId === itemId).map(({ field, code, value }) => ({ field, code, value }));

describe('mapListData: a clean page from Graph', () => {
  const list = mapListData({ balance: page('balance.json'), meetings: page('meetings.json') });

  it('finds no problems but the agreement that states no validity at all, a warning that nobody is reminded', () => {
    expect(list.problems.map(({ itemId, title, field, code, value }) => ({ itemId, title, field, code, value }))).toEqual([
      { itemId: '13', title: 'Överenskommelse tandvård – uppsökande tandvård', field: 'ValidityText', code: 'missing-validity', value: '' },
    ]);
    expect(list.problems[0]?.message).toBe(
      'The agreement has no validity (ValidityText, ValidFrom and ValidTo are empty), so nobody is reminded before it ends.',
    );
  });

  it('puts entries in document order: sections as printed, then tree order by SortOrder', () => {
    expect(list.entries.map((entry) => entry.key)).toEqual([
      'mal-1',
      'mal-1-1',
      'mal-1-2',
      'prio-1',
      'prio-1-1',
      'strategi-3',
      'strategi-3-1',
      'strategi-3-1-1',
      'flera-1',
      'avtal-1',
      'avtal-3',
      'avtal-4',
      'avtal-5',
    ]);
  });

  it('maps every column of an entry', () => {
    const subGoal = list.entries.find((entry) => entry.key === 'mal-1-2');
    expect(subGoal).toEqual({
      id: '2',
      key: 'mal-1-2',
      section: 'goals',
      kind: 'sub-goal',
      parentKey: 'mal-1',
      order: 2,
      title: 'Öka kunskapen hos personal för att upptäcka barn som befinner sig i otrygga situationer.',
      status: 'active',
      preparingGroups: ['L-IFO', 'Barnarenan'],
      notes: '',
      nextFollowUp: '2022-09-22',
      agreement: null,
      eTag: expect.stringMatching(/^"[0-9a-f-]{36},3"$/),
      editUrl: 'https://contoso.sharepoint.com/sites/SVOM/Lists/Balanslista%20SVOM/2_.000',
      modifiedAt: '2022-03-01T09:15:02Z',
    });
  });

  it('turns date-only instants into Stockholm dates, winter and summer', () => {
    expect(list.entries.find((entry) => entry.key === 'prio-1-1')?.nextFollowUp).toBe('2022-12-31');
    expect(list.entries.find((entry) => entry.key === 'mal-1-2')?.nextFollowUp).toBe('2022-09-22');
  });

  it('maps agreements with validity, forums, revision fields and notes', () => {
    const byKey = Object.fromEntries(list.entries.filter((entry) => entry.kind === 'agreement').map((entry) => [entry.key, entry]));
    expect(byKey['avtal-1']?.agreement).toEqual({
      validity: { text: '2021-2023', from: '2021-01-01', to: '2023-12-31' },
      recommendingForums: ['SVOM', 'Barnarenan'],
      revisionStatus: 'not-needed',
      revisionUpdatedBy: null,
      revisionUpdatedAt: null,
    });
    expect(byKey['avtal-1']?.preparingGroups).toEqual(['SamReKo', 'HSI', 'Fredagsgruppen']);
    expect(byKey['avtal-3']?.agreement).toEqual({
      validity: { text: 't.o.m. 2022-12-31', from: null, to: '2022-12-31' },
      recommendingForums: ['SVOM'],
      revisionStatus: 'may-be-needed',
      revisionUpdatedBy: 'Anna Svensson',
      revisionUpdatedAt: '2022-03-01T09:15:02.000Z',
    });
    expect(byKey['avtal-3']?.notes).toBe('Process kring avtalet genomförs 2022.\nEv. rev?');
    // ValidTo 2022-03-30T22:00:00Z is 31 March in summer time (the clocks changed on 27 March).
    expect(byKey['avtal-4']?.agreement?.validity).toEqual({ text: 't.o.m. 2022-03-31', from: '2018-01-01', to: '2022-03-31' });
    expect(byKey['avtal-5']?.agreement?.validity).toEqual({ text: '', from: null, to: null });
    expect(agreementState(byKey['avtal-5']!.agreement!.validity, '2022-06-01', 90).status).toBe('unknown');
    expect(list.entries.filter((entry) => entry.kind !== 'agreement').every((entry) => entry.agreement === null)).toBe(true);
  });

  it('maps meetings, sorted by date then time, with hyperlink columns read from { Url, Description }', () => {
    expect(list.meetings.map((meeting) => [meeting.id, meeting.date, meeting.time])).toEqual([
      ['1', '2022-02-26', null],
      ['2', '2022-09-22', '08:00'],
      ['3', '2022-09-22', '09:30'],
    ]);
    expect(list.meetings[2]).toEqual({
      id: '3',
      key: '',
      title: 'Exempel: SVOM gemensamt med Västernorrland',
      date: '2022-09-22',
      time: '09:30',
      kind: 'joint-vasternorrland',
      location: 'Sundsvall',
      link: 'https://contoso.sharepoint.com/sites/SVOM/Delade%20dokument/Dagordning%202022-09-22.docx',
      itemDeadline: '2022-09-08',
      preparingGroups: ['Fredagsgruppen', 'L-IFO'],
      notes: '',
      eTag: expect.stringMatching(/,3"$/),
      editUrl: 'https://contoso.sharepoint.com/sites/SVOM/Lists/Moten%20SVOM/3_.000',
    });
    expect(list.meetings[1]?.link).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(list.meetings[0]?.kind).toBe('ordinary');
  });

  it('gives the same result whatever order the items arrive in', () => {
    const reversed = mapListData({ balance: page('balance.json').reverse(), meetings: page('meetings.json').reverse() });
    expect(reversed).toEqual(list);
  });
});

describe('mapListData: hostile data', () => {
  const list = mapListData({ balance: page('hostile-balance.json'), meetings: page('hostile-meetings.json') });
  const entry = (id: string) => list.entries.find((item) => item.id === id);

  it('never loses an entry that has an id', () => {
    expect(list.entries.map((item) => item.id).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 17 }, (_, index) => String(100 + index)));
  });

  it('gives every problem the item, its title, the column, a value, an English message and the edit link', () => {
    expect(list.problems.length).toBeGreaterThan(20);
    for (const problem of list.problems) {
      expect(problem.list === 'balance' || problem.list === 'meetings').toBe(true);
      expect(problem.itemId).toMatch(/^\d+$/);
      expect(problem.message).toMatch(/^[A-Z"][\x20-\x7E\u00C0-\u017F–…]*[.]$/u);
      expect(problem.editUrl).toBe(
        `https://contoso.sharepoint.com/sites/SVOM/Lists/${problem.list === 'balance' ? 'Balanslista%20SVOM' : 'Moten%20SVOM'}/${problem.itemId}_.000`,
      );
      expect(typeof problem.value).toBe('string');
    }
    expect(list.problems.find((problem) => problem.itemId === '105')?.title).toBe('Föräldralös');
  });

  it('reports a missing title and keeps the entry', () => {
    expect(problemsOf(list, '101')).toEqual([{ field: 'Title', code: 'missing-title', value: '' }]);
    expect(entry('101')).toMatchObject({ key: 'utan-rubrik', title: '' });
  });

  it('gives an entry without a key the key item-<id>', () => {
    expect(problemsOf(list, '102')).toEqual([{ field: 'EntryKey', code: 'missing-key', value: '' }]);
    expect(entry('102')?.key).toBe('item-102');
  });

  it('keeps the first item (by id) on a duplicate key and renames the later one', () => {
    expect(entry('103')?.key).toBe('dubbel');
    expect(entry('104')?.key).toBe('dubbel~104');
    expect(problemsOf(list, '104')).toEqual([{ field: 'EntryKey', code: 'duplicate-key', value: 'dubbel' }]);
    expect(new Set(list.entries.map((item) => item.key)).size).toBe(list.entries.length);
  });

  it('places an entry with an unknown parent at the top of its section and flags it', () => {
    expect(problemsOf(list, '105')).toEqual([{ field: 'ParentKey', code: 'unknown-parent', value: 'finns-inte' }]);
    expect(entry('105')?.parentKey).toBeNull();
    const priorities = list.entries.filter((item) => item.section === 'priorities').map((item) => item.id);
    expect(priorities[0]).toBe('105');
  });

  it('breaks a cycle of parents and flags it', () => {
    expect(problemsOf(list, '106')).toEqual([{ field: 'ParentKey', code: 'unknown-parent', value: 'cirkel-b' }]);
    expect(list.problems.find((problem) => problem.itemId === '106')?.message).toMatch(/loop/);
    const several = list.entries.filter((item) => item.section === 'several').map((item) => item.key);
    expect(several.slice(0, 2)).toEqual(['cirkel-a', 'cirkel-b']);
  });

  it('reports unknown choices with the value as written, and falls back where a value is required', () => {
    expect(problemsOf(list, '108')).toEqual([{ field: 'Section', code: 'unknown-choice', value: 'Okänt avsnitt' }]);
    // The section is taken from the parent, so the entry stays with its family.
    expect(entry('108')).toMatchObject({ section: 'priorities', parentKey: 'prio-x', order: 5 });
    expect(problemsOf(list, '109')).toEqual([
      { field: 'EntryKind', code: 'unknown-choice', value: 'Projekt' },
      { field: 'SortOrder', code: 'invalid-number', value: 'tre' },
      { field: 'EntryStatus', code: 'unknown-choice', value: 'Avslutad' },
    ]);
    expect(entry('109')).toMatchObject({ kind: 'item', status: null });
    expect(list.problems.find((problem) => problem.itemId === '109' && problem.field === 'EntryKind')?.message).toContain('"Punkt"');
  });

  it('matches choices regardless of case and spacing, and keeps fill-in values as written', () => {
    expect(entry('110')).toMatchObject({
      section: 'priorities',
      kind: 'item',
      status: 'active',
      preparingGroups: ['Fredagsgruppen', 'Länsstyrelsen'],
    });
    expect(problemsOf(list, '110')).toEqual([
      { field: 'SortOrder', code: 'invalid-number', value: '' },
      { field: 'PreparingGroups', code: 'invalid-field-type', value: '5' },
    ]);
  });

  it('sorts an entry without a usable SortOrder after its siblings', () => {
    const children = list.entries.filter((item) => item.parentKey === 'prio-x').map((item) => item.id);
    expect(children.slice(-2).sort()).toEqual(['109', '110']);
  });

  it('reports mistyped fields and invalid dates, and keeps untrusted text verbatim for the views to escape', () => {
    expect(problemsOf(list, '111')).toEqual([
      { field: 'Title', code: 'invalid-field-type', value: '42' },
      { field: 'NextFollowUp', code: 'invalid-date', value: '2022-02-30T00:00:00Z' },
    ]);
    expect(entry('111')).toMatchObject({ title: '42', nextFollowUp: null, notes: "<script>alert('x')</script> & **fet**" });
    expect(problemsOf(list, '115')).toEqual([
      { field: 'ParentKey', code: 'invalid-field-type', value: '{"key":"x"}' },
      { field: 'NextFollowUp', code: 'invalid-field-type', value: '20221231' },
    ]);
    expect(entry('115')).toMatchObject({ parentKey: null, preparingGroups: ['SVOM', 'L-IFO'], nextFollowUp: null });
  });

  it('reports an item whose fields are not an object and still lists it', () => {
    const problems = problemsOf(list, '116');
    expect(problems[0]).toEqual({ field: null, code: 'invalid-field-type', value: 'inte ett objekt' });
    expect(problems.map((problem) => problem.code)).toEqual(expect.arrayContaining(['missing-title', 'missing-key', 'unknown-choice', 'invalid-number']));
    expect(entry('116')).toMatchObject({ key: 'item-116', section: 'several', kind: 'item' });
  });

  it('reports unreadable validities and never makes such an agreement active', () => {
    expect(problemsOf(list, '112')).toEqual([
      { field: 'ValidFrom', code: 'invalid-date', value: 'inte ett datum' },
      { field: 'ValidityText', code: 'unparseable-validity', value: '2023-2021' },
    ]);
    expect(entry('112')?.agreement?.validity).toEqual({ text: '2023-2021', from: null, to: null });
    expect(problemsOf(list, '113')).toEqual([
      { field: 'ValidityText', code: 'unparseable-validity', value: 'löpande?' },
      { field: 'RevisionStatus', code: 'unknown-choice', value: 'Kanske' },
      { field: 'RevisionUpdatedAt', code: 'invalid-date', value: 'igår' },
    ]);
    for (const id of ['112', '113']) {
      expect(agreementState(entry(id)!.agreement!.validity, '2022-06-01', 90).status).toBe('unknown');
    }
  });

  it('lets ValidFrom/ValidTo win over a contradicting text and reports the conflict', () => {
    expect(problemsOf(list, '114')).toEqual([{ field: 'ValidityText', code: 'validity-conflict', value: '2021-2023' }]);
    expect(entry('114')?.agreement?.validity).toEqual({ text: '2021-2023', from: '2021-01-01', to: '2023-06-30' });
  });

  it('leaves meetings without a usable date out, but lists their problems', () => {
    expect(list.meetings.map((meeting) => meeting.id)).toEqual(['203', '205', '204']);
    expect(problemsOf(list, '201')).toEqual([{ field: 'MeetingDate', code: 'missing-date', value: '' }]);
    expect(problemsOf(list, '202')).toEqual([{ field: 'MeetingDate', code: 'invalid-date', value: 'nästa tisdag' }]);
  });

  it('accepts only web links, reads "9.30" as 09:30 and reports bad times and kinds', () => {
    const byId = Object.fromEntries(list.meetings.map((meeting) => [meeting.id, meeting]));
    expect(byId['203']).toMatchObject({ link: null, time: '09:30', kind: null, date: '2022-10-13' });
    expect(problemsOf(list, '203')).toEqual([
      { field: 'MeetingKind', code: 'unknown-choice', value: 'Digitalt' },
      { field: 'MeetingLink', code: 'invalid-field-type', value: 'javascript:alert(1)' },
    ]);
    expect(byId['204']).toMatchObject({ time: null, link: 'https://example.org/agenda' });
    expect(problemsOf(list, '204')).toEqual([{ field: 'StartTime', code: 'invalid-date', value: '25:00' }]);
    expect(byId['205']).toMatchObject({ title: '', date: '2022-10-13' });
    expect(problemsOf(list, '205')).toEqual([{ field: 'Title', code: 'missing-title', value: '' }]);
  });

  it('lists problems in document order: entries first, then meetings', () => {
    const lists = list.problems.map((problem) => problem.list);
    expect(lists.indexOf('meetings')).toBeGreaterThan(lists.lastIndexOf('balance'));
    const entryOrder = list.entries.map((item) => item.id);
    const problemOrder = [...new Set(list.problems.filter((problem) => problem.list === 'balance').map((problem) => problem.itemId))];
    expect(problemOrder).toEqual(entryOrder.filter((id) => problemOrder.includes(id)));
  });
});

describe('mapListData: plain data from the local store', () => {
  it('accepts YYYY-MM-DD dates, numbers as strings, plain URLs and a single choice string', () => {
    const data: ListData = {
      balance: [
        {
          id: '1',
          eTag: '"1"',
          webUrl: 'file:///data/lists.json#balance/1',
          lastModifiedDateTime: null,
          fields: {
            Title: 'Hemsjukvård',
            EntryKey: 'strategi-3-1',
            Section: 'Gemensam hälso- och sjukvårdspolitik / Strategi för hälsa',
            EntryKind: 'Ämne',
            SortOrder: '2',
            NextFollowUp: '2022-12-31',
            PreparingGroups: 'Fredagsgruppen',
          },
        },
      ],
      meetings: [
        {
          id: '1',
          eTag: '"1"',
          webUrl: 'file:///data/lists.json#meetings/1',
          lastModifiedDateTime: null,
          fields: { Title: 'SVOM', MeetingDate: '2022-02-26', MeetingLink: 'https://example.org/svom', ItemDeadline: '2022-02-12' },
        },
      ],
    };
    const list = mapListData(data);
    expect(list.problems).toEqual([]);
    expect(list.entries[0]).toMatchObject({ order: 2, nextFollowUp: '2022-12-31', preparingGroups: ['Fredagsgruppen'] });
    expect(list.meetings[0]).toMatchObject({ date: '2022-02-26', link: 'https://example.org/svom', itemDeadline: '2022-02-12' });
  });

  it('copes with an empty or broken payload', () => {
    const builtIn = mapListData({ balance: [], meetings: [] }).sections;
    expect(builtIn.map((section) => section.key)).toEqual(['goals', 'priorities', 'strategy', 'several', 'agreements']);
    expect(mapListData({ balance: [], meetings: [] })).toEqual({ sections: builtIn, entries: [], meetings: [], problems: [] });
    expect(mapListData({} as ListData)).toEqual({ sections: builtIn, entries: [], meetings: [], problems: [] });
    expect(mapListData({ balance: [null, 'x'], meetings: null } as unknown as ListData).entries).toEqual([]);
  });

  it('maps the whole seed list with one problem: the dental agreement states no validity', () => {
    const seed = JSON.parse(readFileSync(path.resolve(__dirname, '../../../data/balanslista-2022.json'), 'utf8')) as {
      balance: Array<{ id: string; fields: Record<string, unknown> }>;
      meetings: Array<{ id: string; fields: Record<string, unknown> }>;
    };
    const asItems = (items: Array<{ id: string; fields: Record<string, unknown> }>): ListItem[] =>
      items.map((item) => ({ id: item.id, eTag: '"1"', webUrl: '', lastModifiedDateTime: null, fields: item.fields }));
    const list = mapListData({ balance: asItems(seed.balance), meetings: asItems(seed.meetings) });
    expect(list.problems.map((problem) => [problem.title, problem.code])).toEqual([['Överenskommelse tandvård – uppsökande tandvård', 'missing-validity']]);
    expect(list.entries).toHaveLength(seed.balance.length);
    const agreements = list.entries.filter((entry) => entry.kind === 'agreement');
    expect(agreements.map((entry) => entry.agreement?.validity.text)).toEqual(['2021-2023', '2021-2023', 't.o.m. 2022-12-31', 't.o.m. 2022-03-31', '']);
    expect(list.meetings.some((meeting) => meeting.date === '2022-02-26')).toBe(true);
  });
});

describe('mapListData: an agreement with no validity at all', () => {
  const AGREEMENTS = 'Överenskommelser och avtal rekommendationsbeslutade av SVOM';
  const item = (id: string, fields: Record<string, unknown>): ListItem => ({
    id,
    eTag: `"${id},1"`,
    webUrl: `https://contoso.sharepoint.com/sites/SVOM/Lists/Balanslista%20SVOM/${id}_.000`,
    lastModifiedDateTime: null,
    fields: { Title: `Avtal ${id}`, EntryKey: `avtal-${id}`, Section: AGREEMENTS, EntryKind: 'Avtal', SortOrder: Number(id), ...fields },
  });
  const list = mapListData({
    balance: [
      item('1', {}),
      item('2', { ValidityText: '   ' }),
      item('3', { ValidityText: 'tills vidare' }),
      item('4', { ValidFrom: '2022-01-01T00:00:00Z' }),
      item('5', { ValidTo: '2023-12-31T00:00:00Z' }),
      item('6', { ValidityText: 'fr.o.m. 2022-01-01' }),
      item('7', { ValidityText: 'sedan 1990-talet' }),
      { ...item('8', {}), fields: { Title: 'Punkt utan giltighet', EntryKey: 'punkt-8', Section: 'Flera områden', EntryKind: 'Punkt', SortOrder: 8 } },
    ],
    meetings: [],
  });

  it('is a missing-validity warning when the text and both date columns are empty', () => {
    expect(list.problems.filter((problem) => problem.code === 'missing-validity').map((problem) => [problem.itemId, problem.field, problem.value])).toEqual([
      ['1', 'ValidityText', ''],
      ['2', 'ValidityText', ''],
    ]);
    expect(problemSeverity('missing-validity')).toBe('warning');
  });

  it('is not reported for an open-ended text, a date column, a start, an unreadable text (its own error) or an entry that is no agreement', () => {
    expect(problemsOf(list, '3')).toEqual([]);
    expect(problemsOf(list, '4')).toEqual([]);
    expect(problemsOf(list, '5')).toEqual([]);
    expect(problemsOf(list, '6')).toEqual([]);
    expect(problemsOf(list, '7')).toEqual([{ field: 'ValidityText', code: 'unparseable-validity', value: 'sedan 1990-talet' }]);
    expect(problemSeverity('unparseable-validity')).toBe('error');
    expect(problemsOf(list, '8')).toEqual([]);
  });
});
