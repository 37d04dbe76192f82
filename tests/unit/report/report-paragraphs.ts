/**
 * Reads a rendered report back into paragraphs (heading level, bullet or not, plain text), from
 * Markdown or from a Word file's document.xml, so the same checks run on both formats.
 */
import { createRequire } from 'node:module';
import JSZip from 'jszip';

/**
 * The few DOM shapes used here. jsdom (installed with the jsdom test environment) is loaded
 * untyped on purpose: its type package pulls the browser's global types into every file of the
 * server build, where they clash with Node's fetch types.
 */
interface XmlNode {
  localName: string;
  textContent: string | null;
  getAttributeNS(namespace: string, name: string): string | null;
  getElementsByTagNameNS(namespace: string, name: string): ArrayLike<XmlNode>;
}
interface XmlDocument extends XmlNode {
  getElementsByTagName(name: string): ArrayLike<XmlNode>;
}
interface Jsdom {
  JSDOM: new (html: string) => { window: { DOMParser: new () => { parseFromString(text: string, type: string): XmlDocument } } };
}
const { JSDOM } = createRequire(__filename)('jsdom') as Jsdom;

export interface Paragraph {
  /** 1-6 for a heading, null otherwise. */
  heading: number | null;
  bullet: boolean;
  text: string;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Plain text of Markdown inline content: emphasis markers dropped, backslash escapes undone. */
export function markdownText(text: string): string {
  return text.replace(/(?<!\\)\*+/gu, '').replace(/\\([!-/:-@[-`{-~])/gu, '$1');
}

export function markdownParagraphs(markdown: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let continues = false;
  for (const line of markdown.split('\n')) {
    if (line.trim() === '') {
      continues = false;
      continue;
    }
    const previous = paragraphs[paragraphs.length - 1];
    if (continues && previous !== undefined) {
      previous.text += `\n${markdownText(line.trim())}`;
    } else {
      const heading = /^(#{1,6}) (.*)$/u.exec(line);
      const bullet = /^\s*- (.*)$/u.exec(line);
      if (heading) paragraphs.push({ heading: (heading[1] as string).length, bullet: false, text: markdownText(heading[2] as string) });
      else if (bullet) paragraphs.push({ heading: null, bullet: true, text: markdownText((bullet[1] as string).replace(/ {2}$/u, '')) });
      else paragraphs.push({ heading: null, bullet: false, text: markdownText(line.replace(/ {2}$/u, '')) });
    }
    continues = line.endsWith('  ');
  }
  return paragraphs;
}

export async function docxParts(docx: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(docx);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    const file = zip.file(name);
    if (file !== null) parts.set(name, await file.async('string'));
  }
  return parts;
}

/** Parses XML, failing on anything that is not well-formed. */
export function parseXml(xml: string): XmlDocument {
  const { DOMParser } = new JSDOM('').window;
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error !== undefined) throw new Error(`Not well-formed XML: ${error.textContent ?? ''}`);
  return document;
}

export function docxParagraphs(documentXml: string): Paragraph[] {
  const document = parseXml(documentXml);
  return Array.from(document.getElementsByTagNameNS(W, 'p')).map((p) => {
    const style = p.getElementsByTagNameNS(W, 'pStyle')[0]?.getAttributeNS(W, 'val') ?? '';
    const level = /^Heading([1-6])$/u.exec(style);
    let text = '';
    for (const node of Array.from(p.getElementsByTagNameNS(W, '*'))) {
      if (node.localName === 't') text += node.textContent ?? '';
      else if (node.localName === 'br') text += '\n';
    }
    return { heading: level ? Number(level[1]) : null, bullet: p.getElementsByTagNameNS(W, 'numPr').length > 0, text };
  });
}
