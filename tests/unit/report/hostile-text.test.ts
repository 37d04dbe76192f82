/**
 * Text from the lists is data, never markup: hostile titles, notes and decisions come out as the
 * same text in Markdown, HTML and Word, with no link, field code, tag or heading of their own.
 * Only the link column (DocumentLink) makes a hyperlink.
 */
import { buildForumYear } from '../../../src/domain/forum-year';
import { mapForumData } from '../../../src/lists/forum-year-mapping';
import { renderFollowUpDocx, renderFollowUpHtml, renderFollowUpMarkdown } from '../../../src/report';
import { docxParagraphs, docxParts, markdownParagraphs, parseXml } from './report-paragraphs';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '" onmouseover="alert(1)',
  '[klicka här](javascript:alert(1))',
  '![bild](https://evil.example/pixel.png)',
  'https://evil.example/phish och www.evil.example och lura@evil.example',
  '{ HYPERLINK "https://evil.example" } { MERGEFIELD x } <w:fldSimple w:instr="HYPERLINK https://evil.example"/>',
  '# Falsk rubrik',
  '- falsk punkt',
  '1. falsk numrering',
  '> citat | tabell | ~~struken~~ &amp; &lt;',
  "=cmd|' /C calc'!A0",
  '**fet** _kursiv_ `kod` \\',
];
const joined = HOSTILE.join('\n');
const controls = 'före\u0000\u0007\u001B\uFFFE\uD800efter';

let id = 0;
const item = (fields: Record<string, unknown>) => ({
  id: String((id += 1)),
  eTag: '"1"',
  webUrl: 'https://contoso.sharepoint.com/x',
  lastModifiedDateTime: null,
  fields,
});

const data = mapForumData({
  forum: [item({ Title: 'SVOM <b>', ShortName: 'SVOM', Description: joined, Preparation: controls, MeetingPlan: HOSTILE[3] })],
  sections: [item({ Title: HOSTILE[0], SectionKey: 's', SortOrder: 1, Description: HOSTILE[5] })],
  balance: [item({ Title: HOSTILE[6], EntryKey: 'a', Section: 's', EntryKind: 'Målområde', SortOrder: 1, Notes: HOSTILE[7] })],
  meetings: [item({ Title: HOSTILE[4], MeetingKey: 'm', MeetingDate: '2017-03-01', MeetingKind: 'Extra', Subject: HOSTILE[1] })],
  errands: [
    item({
      Title: HOSTILE[8],
      ErrandKey: 'e1',
      MeetingKey: 'm',
      EntryKeys: 'a',
      Decision: joined,
      DocumentLink: 'https://docs.example/handling?a=1&b=<2>',
      SortOrder: 1,
    }),
    item({ Title: HOSTILE[9], ErrandKey: 'e2', MeetingKey: 'm', EntryKeys: 'a', DocumentLink: 'javascript:alert(1)', SortOrder: 2 }),
  ],
});
const model = buildForumYear(data, 2017);

describe('hostile text in the report', () => {
  it('keeps an unsafe link column out and reports it', () => {
    expect(model.problems.map((problem) => [problem.field, problem.value])).toEqual([['DocumentLink', 'javascript:alert(1)']]);
  });

  it('HTML: every text escaped, the link column the only link', () => {
    const html = renderFollowUpHtml(model);
    const body = html.slice(html.indexOf('<main>'));
    expect(body).not.toMatch(/<(script|img|b|w:)[\s>]/iu);
    expect(body).not.toContain('onmouseover="');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain('&quot; onmouseover=&quot;alert(1)');
    expect(body.match(/<a /gu)).toEqual(['<a ']);
    expect(body).toContain('<a href="https://docs.example/handling?a=1&amp;b=%3C2%3E" rel="noopener noreferrer">Handlingar</a>');
    expect([...html].some((char) => char.charCodeAt(0) < 9 || char === '\u001B')).toBe(false);
    expect(html).toContain('föreefter');
  });

  it('Markdown: the text reads back unchanged, with no heading, list, link or HTML of its own', () => {
    const markdown = renderFollowUpMarkdown(model);
    const paragraphs = markdownParagraphs(markdown);
    const headings = paragraphs.filter((p) => p.heading !== null).map((p) => p.text);
    expect(headings).toContain(HOSTILE[0]);
    expect(headings).toContain(HOSTILE[6]);
    expect(headings).not.toContain('Falsk rubrik');
    // The hostile notes and descriptions are paragraphs that read back exactly as written.
    expect(paragraphs.find((p) => p.text.startsWith('<script>'))?.text).toBe(joined);
    expect(paragraphs.some((p) => p.heading === null && p.text === HOSTILE[7])).toBe(true);
    // Nothing but the link column forms a link, an image, a tag or an autolink.
    expect(markdown.match(/(?<!\\)\]\(/gu)).toEqual(['](']);
    expect(markdown).toContain('[Handlingar](<https://docs.example/handling?a=1&b=%3C2%3E>)');
    expect(markdown).not.toMatch(/(?<!\\)<(script|img|w:)/u);
    expect(markdown).not.toMatch(/(?<!\\)www\./u);
    expect(markdown).not.toMatch(/(?<!\\):\/\/evil/u);
    expect(markdown).not.toMatch(/(?<!\\)@evil/u);
    expect(
      markdown
        .split('\n')
        .filter((line) => /^\s*(#|[-+] |\d+[.)] |>)/u.test(line))
        .every((line) => /^(#{1,6} |\s*- )/u.test(line)),
    ).toBe(true);
    expect(markdown.split('\n').filter((line) => /^\s*- /u.test(line)).length).toBe(paragraphs.filter((p) => p.bullet).length);
  });

  it('Word: text runs only, no field code, and the link column the only hyperlink', async () => {
    const parts = await docxParts(await renderFollowUpDocx(model));
    const documentXml = parts.get('word/document.xml') as string;
    parseXml(documentXml);
    expect(documentXml).not.toMatch(/<w:(fldChar|instrText|fldSimple|fldData)\b/u);
    expect(documentXml.match(/<w:hyperlink\b/gu)?.length).toBe(1);
    const relationships = parts.get('word/_rels/document.xml.rels') as string;
    const external = [...relationships.matchAll(/Target="([^"]*)"[^>]*TargetMode="External"|TargetMode="External"[^>]*Target="([^"]*)"/gu)].map(
      (match) => match[1] ?? match[2],
    );
    expect(external).toEqual(['https://docs.example/handling?a=1&amp;b=%3C2%3E']);
    const texts = docxParagraphs(documentXml).map((p) => p.text);
    expect(texts).toContain(joined);
    expect(texts).toContain(HOSTILE[0]);
    expect(texts.join('\n')).toContain('föreefter');
  });
});
