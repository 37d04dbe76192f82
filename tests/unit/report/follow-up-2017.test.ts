/**
 * The golden case: the 2017 follow-up ("Uppföljning Sociala vård- och omsorgsgruppen") rebuilt
 * from data/svom-2017.json. Every heading and item of the source document must come out under
 * the same area, in the same order, in the Markdown and in the Word file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildForumYear, type FollowUpYear } from '../../../src/domain/forum-year';
import { mapForumData } from '../../../src/lists/forum-year-mapping';
import { renderFollowUpDocx, renderFollowUpHtml, renderFollowUpMarkdown } from '../../../src/report';
import { SECTIONS_2017 as SECTIONS } from '../../fixtures/follow-up-2017';
import { docxParagraphs, docxParts, markdownParagraphs, parseXml, type Paragraph } from './report-paragraphs';

const root = path.resolve(__dirname, '../../..');
const source = readFileSync(path.join(root, 'data/source/uppfoljning-svom-2017.txt'), 'utf8');

/** Spacing and dash style differ between the extracted text and the report; the words may not. */
const norm = (text: string) => text.replace(/[–—]/gu, '-').replace(/\s+/gu, ' ').trim();
/** The source as running text: line breaks joined, bullet glyphs ("o", "•") dropped. */
const sourceText = norm(
  source
    .split('\n')
    .map((line) => line.replace(/^\s*(o|•)\s+/u, ''))
    .join(' '),
);

/** The parts before the balance list: heading, then the source's text under it. */
const PARTS: Array<{ heading: string; texts: string[] }> = [
  {
    heading: 'Sociala vård- och omsorgsgruppen (SVOM)',
    texts: [
      'SVOM är ett forum för samverkan med kommunerna i Jämtlands län för gemensamma frågor inom vård- och omsorgsområdet.',
      'Representation kommunerna: ordförande i socialnämnd/ motsvarande facknämnd och socialchefer/motsvarande samt samordnare social välfärd.',
      'Representation Region Jämtland Härjedalen: regionstyrelsens ordförande, 1;e vice ordförande samt 2:e vice ordförande. Hälso- och sjukvårdsdirektör, chef för regiondrivna primärvården samt vårdsstrateg.',
      'Verksamhetschef för psykiatri i deltar ofta mötena eftersom frågorna i hög utsträckning har koppling till psykiatriska verksamheten.',
    ],
  },
  {
    heading: 'SVOM - ärenden',
    texts: [
      'Både tjänstemannagrupperna Fredagsgruppen och L-IFO bereder ärenden till SVOM. Fredagsgruppen bereder i första hand frågor inom vård- och omsorgsfrågor och L-IFO med frågor tillhörande individ- och familjeomsorg samt skola.',
    ],
  },
  {
    heading: 'Mötesfrekvens',
    texts: [
      'SVOM sammanträder fyra gånger per år, enligt ordinarie planering. Ett av mötena äger rum gemensam med Västernorrland där både kommuner och region deltar.',
    ],
  },
  {
    heading: 'Uppföljning av mål',
    texts: [
      'Målen förbättrad psykisk hälsa och Hälsofrämjande – och trygga levnadsvillkor och samordnad hälso- och sjukvård återfinns i regionplanen. Tillika återfinns dessa mål i det med kommunerna gemensamma dokumentet Gemensam hälso- och sjukvårdspolitik.',
    ],
  },
  { heading: 'Balanslista', texts: ['Balanslistan för SVOM är utgångspunkt för de målområden som SVOM arbetar inom.', 'Uppföljning baserat på balanslistan'] },
];

function loadModel(): FollowUpYear {
  const data = mapForumData(JSON.parse(readFileSync(path.join(root, 'data/svom-2017.json'), 'utf8')) as Parameters<typeof mapForumData>[0]);
  return buildForumYear(data, 2017);
}

/** Index of the first paragraph at or after `from` that matches; fails with what was looked for. */
function find(paragraphs: Paragraph[], from: number, until: number, match: (p: Paragraph) => boolean, what: string): number {
  for (let index = from; index < until; index += 1) if (match(paragraphs[index] as Paragraph)) return index;
  throw new Error(`Not found in order: ${what}`);
}

/** The end of a heading's part: the next heading of the same or a higher level. */
function endOf(paragraphs: Paragraph[], index: number): number {
  const level = (paragraphs[index] as Paragraph).heading as number;
  for (let next = index + 1; next < paragraphs.length; next += 1) {
    const heading = (paragraphs[next] as Paragraph).heading;
    if (heading !== null && heading <= level) return next;
  }
  return paragraphs.length;
}

const isHeading = (level: number, text: string) => (p: Paragraph) => p.heading === level && norm(p.text) === norm(text);
const isText = (text: string) => (p: Paragraph) => p.heading === null && norm(p.text) === norm(text);
const isItem = (text: string) => (p: Paragraph) => p.bullet && norm(p.text) === norm(text);

function expectSeedStructure(paragraphs: Paragraph[]): void {
  expect(paragraphs[0]).toEqual({ heading: 1, bullet: false, text: 'Uppföljning Sociala vård- och omsorgsgruppen 2017' });
  expect(norm(paragraphs[1]?.text ?? '')).toContain('det innehåll som varit på agendorna för Sociala vård- och omsorgsgruppens möten under 2017');

  let at = 0;
  for (const part of PARTS) {
    const start = find(paragraphs, at, paragraphs.length, isHeading(2, part.heading), part.heading);
    const end = endOf(paragraphs, start);
    let inside = start;
    for (const text of part.texts) inside = find(paragraphs, inside + 1, end, isText(text), `${part.heading} / ${text}`);
    at = start + 1;
  }

  const balance = find(paragraphs, 0, paragraphs.length, isHeading(2, 'Balanslista'), 'Balanslista');
  const balanceEnd = endOf(paragraphs, balance);
  let sectionAt = balance;
  for (const { section, description, areas } of SECTIONS) {
    sectionAt = find(paragraphs, sectionAt + 1, balanceEnd, isHeading(3, section), section);
    const sectionEnd = endOf(paragraphs, sectionAt);
    if (description !== undefined) find(paragraphs, sectionAt + 1, sectionEnd, isText(description), description);
    let areaAt = sectionAt;
    for (const { area, note, items } of areas) {
      areaAt = find(paragraphs, areaAt + 1, sectionEnd, isHeading(4, area), `${section} / ${area}`);
      const areaEnd = endOf(paragraphs, areaAt);
      if (note !== undefined) find(paragraphs, areaAt + 1, areaEnd, isText(note), `${area} / ${note}`);
      let itemAt = areaAt;
      for (const item of items) itemAt = find(paragraphs, itemAt + 1, areaEnd, isItem(item), `${area} / ${item}`);
      // Exactly the source's items, nothing more under the area.
      expect(
        paragraphs
          .slice(areaAt + 1, areaEnd)
          .filter((p) => p.bullet)
          .map((p) => norm(p.text)),
      ).toEqual(items.map(norm));
      if (items.length === 0) find(paragraphs, areaAt + 1, areaEnd, isText('Inget ärende registrerat under 2017.'), `${area} flagged`);
    }
  }
}

describe('the 2017 golden case', () => {
  it('expects only what the source document says', () => {
    for (const part of PARTS) {
      expect(sourceText).toContain(norm(part.heading));
      for (const text of part.texts) expect(sourceText).toContain(norm(text));
    }
    for (const { section, description, areas } of SECTIONS) {
      expect(sourceText).toContain(norm(section));
      if (description !== undefined) expect(sourceText).toContain(`${norm(section)} (${description})`);
      for (const { area, note, items } of areas) {
        expect(sourceText).toContain(norm(note === undefined ? area : `${area}, ${note}`));
        for (const item of items) expect(sourceText).toContain(norm(item));
      }
    }
  });

  it('holds no text the source does not have: areas, notes, ärenden and the forum profile', () => {
    const data = mapForumData(JSON.parse(readFileSync(path.join(root, 'data/svom-2017.json'), 'utf8')) as Parameters<typeof mapForumData>[0]);
    const texts = [
      ...data.sections.flatMap((section) => [section.name, section.description]),
      ...data.entries.flatMap((entry) => [entry.title, entry.notes]),
      ...data.errands.map((errand) => errand.title),
      ...data.meetings.map((meeting) => meeting.subject),
      ...Object.values(data.forum ?? {}).filter((value): value is string => typeof value === 'string'),
    ].filter((text) => text !== '');
    for (const text of texts) expect(sourceText).toContain(norm(text));
  });

  it('maps the dataset without a data-quality problem, and invents no date', () => {
    const model = loadModel();
    expect(model.problems).toEqual([]);
    const dates = Object.values(model.meetings)
      .flat()
      .map((meeting) => [meeting.kind, meeting.date]);
    expect(dates).toEqual([
      ['ordinary', { year: 2017, month: null, day: null }],
      ['ordinary', { year: 2017, month: null, day: null }],
      ['ordinary', { year: 2017, month: null, day: null }],
      ['extra', { year: 2017, month: 4, day: null }],
      ['joint', { year: 2017, month: null, day: null }],
      ['event', { year: 2017, month: 6, day: 2 }],
    ]);
    expect(model.errands.every(({ errand }) => errand.kind === null && errand.status === null && errand.decision === '')).toBe(true);
  });

  it('writes every heading and item of the source under its area, in order, in Markdown', () => {
    expectSeedStructure(markdownParagraphs(renderFollowUpMarkdown(loadModel())));
  });

  it('writes the meeting frequency from the meetings: ordinary, joint without a date, the extra one and why, the event', () => {
    const paragraphs = markdownParagraphs(renderFollowUpMarkdown(loadModel()));
    const start = paragraphs.findIndex(isHeading(2, 'Mötesfrekvens'));
    const part = paragraphs.slice(start, endOf(paragraphs, start)).map((p) => norm(p.text));
    expect(part).toEqual(
      expect.arrayContaining([
        'Ordinarie möten: 3',
        'Gemensamma möten med Västernorrland: 1',
        'SVOM gemensamt med Västernorrland - 2017, datum anges inte',
        'Extra möten: 1',
        'Extra SVOM-möte - april 2017: Ärende gällande TNE-avtalet',
        'Andra evenemang: 1',
        'Strategi för hälsa - 2 juni 2017: Strategi för hälsa under ledning av Sveriges Kommuner och Landsting',
      ]),
    );
  });

  it('writes a Word file that is valid OOXML and holds the same structure', async () => {
    const parts = await docxParts(await renderFollowUpDocx(loadModel()));
    for (const name of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml']) expect(parts.has(name)).toBe(true);
    for (const [name, xml] of parts) if (name.endsWith('.xml') || name.endsWith('.rels')) parseXml(xml);
    expectSeedStructure(docxParagraphs(parts.get('word/document.xml') as string));
  });

  it('writes the same text as HTML', () => {
    const html = renderFollowUpHtml(loadModel());
    expect(html).toContain('<h1>Uppföljning Sociala vård- och omsorgsgruppen 2017</h1>');
    expect(html).toContain('<h4>Förbättrad psykisk hälsa</h4>\n<ul><li>Överenskommelse om samarbete');
    expect(html).toContain('<html lang="sv">');
  });

  it('speaks English when asked', () => {
    const paragraphs = markdownParagraphs(renderFollowUpMarkdown(loadModel(), 'en'));
    expect(paragraphs[0]?.text).toBe('Follow-up Sociala vård- och omsorgsgruppen 2017');
    expect(paragraphs.some(isText('No item registered during 2017.'))).toBe(true);
  });
});
