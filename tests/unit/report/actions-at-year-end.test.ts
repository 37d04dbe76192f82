/**
 * Actions in the year's follow-up and report: under each ärende with their state on 31 December,
 * and those still open then listed together, in Markdown and Word alike.
 */
import { buildForumYear } from '../../../src/domain/forum-year';
import { mapForumData } from '../../../src/lists/forum-year-mapping';
import { renderFollowUpDocx, renderFollowUpMarkdown } from '../../../src/report';
import { docxParagraphs, docxParts, markdownParagraphs } from './report-paragraphs';

const item = (id: string, fields: Record<string, unknown>) => ({ id, eTag: '"1"', webUrl: '', lastModifiedDateTime: null, fields });

const data = mapForumData({
  balance: [item('1', { Title: 'Psykisk hälsa', EntryKey: 'psyk', Section: 'Flera områden', EntryKind: 'Rubrik', SortOrder: 1 })],
  meetings: [
    item('1', { Title: 'SVOM oktober', MeetingKey: 'm-okt', MeetingDate: '2022-10-20', MeetingKind: 'Ordinarie' }),
    item('2', { Title: 'SVOM februari', MeetingKey: 'm-feb', MeetingDate: '2021-02-11', MeetingKind: 'Ordinarie' }),
  ],
  errands: [
    item('1', { Title: 'Handlingsplan', ErrandKey: 'e1', MeetingKey: 'm-okt', EntryKeys: 'psyk', SortOrder: 1, Decision: 'SVOM ställer sig bakom planen.' }),
    item('2', { Title: 'Äldre ärende', ErrandKey: 'e0', MeetingKey: 'm-feb', EntryKeys: 'psyk', SortOrder: 1 }),
  ],
  actions: [
    item('1', {
      Title: 'Återkom med förslag',
      ActionKey: 'a1',
      ErrandKey: 'e1',
      ResponsibleGroup: 'Fredagsgruppen',
      Responsible: 'Anna Berg',
      DueDate: '2022-11-30',
    }),
    item('2', { Title: 'Skicka ut planen', ActionKey: 'a2', ErrandKey: 'e1', ActionStatus: 'Klart', DoneDate: '2022-10-25', DueDate: '2022-10-31' }),
    // Done, but only in the next year: still open at the end of 2022.
    item('3', { Title: 'Revidera avtalet', ActionKey: 'a3', ErrandKey: 'e0', ActionStatus: 'Klart', DoneDate: '2023-01-10', DueDate: '2022-06-30' }),
    item('4', { Title: 'Struket uppdrag', ActionKey: 'a4', ErrandKey: 'e1', ActionStatus: 'Struket' }),
  ],
});

describe('actions at the year end', () => {
  const year = buildForumYear(data, 2022);

  it("puts each action under its ärende with its state on 31 December, and lists the open ones (earlier years' too)", () => {
    expect(year.errands.map(({ errand, actions }) => [errand.key, actions.map((one) => [one.action.key, one.statusAtYearEnd])])).toEqual([
      [
        'e1',
        [
          ['a2', 'done'],
          ['a1', 'open'],
          ['a4', 'struck'],
        ],
      ],
    ]);
    expect(year.openAtYearEnd.map((one) => one.action.key)).toEqual(['a3', 'a1']);
    expect(buildForumYear(data, 2021).openAtYearEnd.map((one) => one.action.key)).toEqual(['a3']);
  });

  it('says so in the report, in Markdown and Word', async () => {
    const texts = markdownParagraphs(renderFollowUpMarkdown(year)).map((paragraph) => paragraph.text);
    expect(texts).toContain('SVOM ställer sig bakom planen.');
    expect(texts).toContain('Uppdrag: Återkom med förslag (Fredagsgruppen · Anna Berg, senast 2022-11-30; pågår vid årets slut 2022)');
    expect(texts).toContain('Uppdrag som pågick vid årets slut 2022');
    expect(texts).toContain('2 uppdrag var inte klara den 31 december:');
    expect(texts).toContain('Uppdrag: Revidera avtalet (ingen ansvarig angiven, senast 2022-06-30; pågår) – från ärendet Äldre ärende');
    const parts = await docxParts(await renderFollowUpDocx(year));
    const word = docxParagraphs(parts.get('word/document.xml') as string).map((paragraph) => paragraph.text);
    expect(word).toContain('Uppdrag som pågick vid årets slut 2022');
    expect(word).toContain('Uppdrag: Återkom med förslag (Fredagsgruppen · Anna Berg, senast 2022-11-30; pågår vid årets slut 2022)');
  });
});
