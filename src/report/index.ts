/** The annual report ("Uppföljning") of the forum's year, as Markdown, HTML and Word. */
export { buildReportOutline, formatPartialDate } from './outline';
export type { Block, ReportOutline, Run } from './outline';
export { escapeMarkdown, outlineToMarkdown, renderFollowUpMarkdown } from './markdown';
export { escapeHtml, outlineToHtml, renderFollowUpHtml } from './html';
export { outlineToDocx, renderFollowUpDocx } from './docx';
export { reportStrings } from './strings';
export type { ReportStrings } from './strings';
export { buildMeetingOutline, meetingDocumentData, MEETING_DOCUMENT_KINDS } from './meeting-outline';
export type { MeetingDocumentData, MeetingDocumentKind } from './meeting-outline';
export { renderMeetingDocument, meetingDocumentFileName, type MeetingDocumentFormat } from './meeting-document';
