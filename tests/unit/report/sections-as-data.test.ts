/** Next year's balance list without code: sections, their order and periods come from the list of sections. */
import { buildForumYear } from '../../../src/domain/forum-year';
import { mapForumData } from '../../../src/lists/forum-year-mapping';
import { renderFollowUpMarkdown } from '../../../src/report';
import { markdownParagraphs } from './report-paragraphs';

const item = (id: string, fields: Record<string, unknown>) => ({ id, eTag: '"1"', webUrl: '', lastModifiedDateTime: null, fields });

const data = mapForumData({
  sections: [
    item('1', { Title: 'Avtal', SectionKey: 'avtal', SortOrder: 9, SectionKind: 'Avtal' }),
    item('2', { Title: 'SVOM:s prioriterade områden', SectionKey: 'prio', SortOrder: 1, Period: '2023-2026' }),
    item('3', { Title: 'Nytt avsnitt', SectionKey: 'nytt', SortOrder: 2 }),
  ],
  balance: [
    item('1', { Title: 'Psykisk hälsa', EntryKey: 'p', Section: 'prio', EntryKind: 'Prioriterat område', SortOrder: 1 }),
    item('2', { Title: 'Digital vård', EntryKey: 'd', Section: 'Nytt avsnitt', EntryKind: 'Rubrik', SortOrder: 1 }),
    item('3', { Title: 'Överenskommelse A', EntryKey: 'a', Section: 'avtal', EntryKind: 'Avtal', ValidityText: '2022-2024', SortOrder: 1 }),
    item('4', { Title: 'Överenskommelse B', EntryKey: 'b', Section: 'avtal', EntryKind: 'Avtal', ValidityText: 't.o.m. 2024-03-31', SortOrder: 2 }),
  ],
  meetings: [item('1', { Title: 'SVOM mars', MeetingKey: 'm', MeetingDate: '2024-03-14', MeetingKind: 'Ordinarie' })],
  errands: [
    item('1', {
      Title: 'Antistigma',
      ErrandKey: 'e',
      MeetingKey: 'm',
      EntryKeys: 'p',
      ErrandKind: 'Beslut',
      ErrandStatus: 'Bordlagt',
      PreparingGroup: 'L-IFO',
      Decision: 'Tas upp igen i juni.',
      SortOrder: 1,
    }),
  ],
  forum: [item('1', { Title: 'Sociala vård- och omsorgsgruppen', ShortName: 'SVOM' })],
});

const headings = (year: number) =>
  markdownParagraphs(renderFollowUpMarkdown(buildForumYear(data, year)))
    .filter((p) => p.heading === 3)
    .map((p) => p.text);

describe('sections as data in the report', () => {
  it('prints the sections in their order with the period, only in the years the period covers', () => {
    expect(headings(2024)).toEqual(['SVOM:s prioriterade områden 2023-2026', 'Nytt avsnitt', 'Avtal']);
    expect(headings(2022)).toEqual(['Nytt avsnitt', 'Avtal']);
  });

  it("prints each ärende with its meeting, kind, status, group and decision, and each agreement's state at year end", () => {
    const texts = markdownParagraphs(renderFollowUpMarkdown(buildForumYear(data, 2024))).map((p) => p.text);
    expect(texts).toContain('Antistigma (SVOM mars, 14 mars 2024; beslut; bordlagt; berett av L-IFO)');
    expect(texts).toContain('Tas upp igen i juni.');
    expect(texts).toContain('Giltighetstid: 2022-2024. Vid årets slut (31 december 2024): löper snart ut.');
    expect(texts).toContain('Giltighetstid: t.o.m. 2024-03-31. Vid årets slut (31 december 2024): har upphört.');
  });
});
