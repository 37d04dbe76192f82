/** A meeting's agenda or minutes rendered as Word, HTML or Markdown, and the file's name. */
import { outlineToDocx } from './docx';
import { outlineToHtml } from './html';
import { outlineToMarkdown } from './markdown';
import { buildMeetingOutline, type MeetingDocumentData, type MeetingDocumentKind } from './meeting-outline';
import type { Language } from '../vocabulary/language';

export type MeetingDocumentFormat = 'docx' | 'html' | 'md';

/** The document's bytes (Word) or text (HTML, Markdown). */
export async function renderMeetingDocument(
  data: MeetingDocumentData,
  kind: MeetingDocumentKind,
  format: MeetingDocumentFormat,
  language: Language = 'sv',
): Promise<Buffer | string> {
  const outline = buildMeetingOutline(data, kind, language);
  if (format === 'docx') return outlineToDocx(outline, data.forum?.shortName || data.forum?.name || 'Balanslistan');
  return format === 'html' ? outlineToHtml(outline) : outlineToMarkdown(outline);
}

/** `dagordning-2017-extra-april.docx`: the kind and the meeting's key, safe as a file name anywhere. */
export function meetingDocumentFileName(kind: MeetingDocumentKind, key: string, format: MeetingDocumentFormat): string {
  const safe = key
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[^A-Za-z0-9-]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 80);
  return `${kind}-${safe || 'mote'}.${format}`;
}
