/**
 * The annual report as a Word document (.docx), built with the `docx` package from text runs only:
 * text from the lists is never parsed, so it can carry no field code, no hyperlink and no markup.
 * The only hyperlinks are those of link columns (already checked to be http or https).
 */
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { FollowUpYear } from '../domain/forum-year';
import { buildReportOutline, type Block, type ReportOutline, type Run } from './outline';
import type { Language } from '../vocabulary/language';
import { cleanText } from './text';

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
  5: HeadingLevel.HEADING_5,
  6: HeadingLevel.HEADING_6,
} as const;

/** One run per line of the text; line breaks become Word line breaks. */
function textRuns(run: Run, style?: string): TextRun[] {
  return cleanText(run.text)
    .split('\n')
    .map(
      (line, index) =>
        new TextRun({ text: line, bold: run.bold ?? false, italics: run.italic ?? false, break: index === 0 ? 0 : 1, ...(style ? { style } : {}) }),
    );
}

function children(runs: readonly Run[]): ParagraphChild[] {
  return runs.flatMap((run): ParagraphChild[] =>
    run.link === undefined ? textRuns(run) : [new ExternalHyperlink({ link: run.link, children: textRuns(run, 'Hyperlink') })],
  );
}

function paragraphs(block: Block): Paragraph[] {
  switch (block.type) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], children: textRuns({ text: block.text }) })];
    case 'paragraph':
      return [new Paragraph({ children: children(block.runs) })];
    case 'list':
      return block.items.map((item) => new Paragraph({ bullet: { level: item.level }, children: children(item.runs) }));
  }
}

/** Any outline (the annual report, a meeting's agenda or minutes) as a Word document. */
export async function outlineToDocx(outline: ReportOutline, creator: string): Promise<Buffer> {
  const document = new Document({
    title: cleanText(outline.title),
    creator: cleanText(creator),
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: outline.language === 'en' ? 'en-GB' : 'sv-SE' } } } } },
    sections: [{ children: outline.blocks.flatMap(paragraphs) }],
  });
  return Packer.toBuffer(document);
}

/** The year's follow-up as a Word document (the bytes of a .docx file). */
export async function renderFollowUpDocx(model: FollowUpYear, language: Language = 'sv'): Promise<Buffer> {
  return outlineToDocx(buildReportOutline(model, language), model.forum?.shortName || model.forum?.name || 'Balanslistan');
}
