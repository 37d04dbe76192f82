/** The annual report ("Uppföljning") of the forum's year, as Markdown, HTML and Word. */
export { buildReportOutline, formatPartialDate } from './outline';
export type { Block, ReportOutline, Run } from './outline';
export { escapeMarkdown, renderFollowUpMarkdown } from './markdown';
export { escapeHtml, renderFollowUpHtml } from './html';
export { renderFollowUpDocx } from './docx';
export { reportStrings } from './strings';
export type { ReportStrings } from './strings';
