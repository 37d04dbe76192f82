/** A year with nothing registered still gives a whole report that says so, in every format. */
import { buildForumYear } from '../../../src/domain/forum-year';
import { mapForumData } from '../../../src/lists/forum-year-mapping';
import { renderFollowUpDocx, renderFollowUpMarkdown } from '../../../src/report';
import { docxParagraphs, docxParts, markdownParagraphs } from './report-paragraphs';

const item = (id: string, fields: Record<string, unknown>) => ({ id, eTag: '"1"', webUrl: '', lastModifiedDateTime: null, fields });

describe('a year with no meetings', () => {
  const data = mapForumData({
    balance: [
      item('1', { Title: 'Välfärdsteknologi', EntryKey: 'v', Section: 'SVOM:s prioriterade områden 2019-2022', EntryKind: 'Prioriterat område', SortOrder: 1 }),
    ],
    meetings: [item('1', { Title: 'SVOM', MeetingDate: '2022-02-26', MeetingKind: 'Ordinarie' })],
    forum: [item('1', { Title: 'Sociala vård- och omsorgsgruppen', ShortName: 'SVOM', PlannedMeetingsPerYear: 4 })],
  });

  it('says there were no meetings and that no area was followed up', () => {
    const paragraphs = markdownParagraphs(renderFollowUpMarkdown(buildForumYear(data, 2021)));
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toContain('Inga möten är registrerade för 2021.');
    expect(texts).toContain('Inga ärenden är registrerade för 2021.');
    expect(texts).toContain('Välfärdsteknologi');
    expect(texts).toContain('Inget ärende registrerat under 2021.');
    expect(texts.some((text) => text.startsWith('Enligt ordinarie planering'))).toBe(false);
  });

  it('leaves out the sections whose period does not cover the year', () => {
    const texts = markdownParagraphs(renderFollowUpMarkdown(buildForumYear(data, 2017))).map((p) => p.text);
    expect(texts).not.toContain('SVOM:s prioriterade områden 2019-2022');
    expect(texts).toContain('Mål för gemensam hälso- och sjukvårdspolitik 2014-2025');
    expect(texts).toContain('Inga punkter är registrerade under det här avsnittet.');
  });

  it('writes the same in Word', async () => {
    const parts = await docxParts(await renderFollowUpDocx(buildForumYear(data, 2021)));
    expect(docxParagraphs(parts.get('word/document.xml') as string).map((p) => p.text)).toContain('Inga möten är registrerade för 2021.');
  });

  it('prints the headings without text when the forum profile list has no row, and lists that as a problem', () => {
    const bare = mapForumData({ balance: [], meetings: [], forum: [] });
    const texts = markdownParagraphs(renderFollowUpMarkdown(buildForumYear(bare, 2021))).map((p) => p.text);
    expect(texts[0]).toBe('Uppföljning forumet 2021');
    expect(texts).toContain('Forumets beskrivning och representation är inte ifyllda (listan Forum SVOM).');
    expect(texts).toContain('Forum – forumets beskrivning saknas');
  });

  it('says the profile is not filled in for a store from before the forum lists, without a problem Datakvalitet could not show', () => {
    const older = mapForumData({ balance: [], meetings: [] });
    const texts = markdownParagraphs(renderFollowUpMarkdown(buildForumYear(older, 2021))).map((p) => p.text);
    expect(texts).toContain('Forumets beskrivning och representation är inte ifyllda (listan Forum SVOM).');
    expect(texts).not.toContain('Datakvalitet');
  });
});
