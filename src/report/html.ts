/**
 * The annual report as one self-contained HTML page: no script, no external resource. Every text
 * is escaped, so markup in the lists prints as text; only link columns become links.
 */
import type { FollowUpYear } from '../domain/forum-year';
import { buildReportOutline, type Block, type ListItem, type ReportOutline, type Run } from './outline';
import type { Language } from '../vocabulary/language';
import { cleanText } from './text';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/gu, (char) => ENTITIES[char] as string);
}

function runs(list: readonly Run[]): string {
  return list
    .map((run) => {
      let html = escapeHtml(run.text).replace(/\n/gu, '<br>');
      if (run.link !== undefined) html = `<a href="${escapeHtml(run.link)}" rel="noopener noreferrer">${html}</a>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.italic) html = `<em>${html}</em>`;
      return html;
    })
    .join('');
}

/** Nested lists from items with levels (a deeper item belongs to the item before it). */
function list(items: readonly ListItem[]): string {
  let html = '';
  let depth = -1;
  for (const item of items) {
    const level = Math.min(item.level, depth + 1);
    if (level > depth) html += '<ul>';
    else {
      html += '</li>';
      for (; depth > level; depth -= 1) html += '</ul></li>';
    }
    depth = level;
    html += `<li>${runs(item.runs)}`;
  }
  for (; depth >= 0; depth -= 1) html += '</li></ul>';
  return html;
}

function block(value: Block): string {
  switch (value.type) {
    case 'heading':
      return `<h${value.level}>${escapeHtml(value.text)}</h${value.level}>`;
    case 'paragraph':
      return `<p>${runs(value.runs)}</p>`;
    case 'list':
      return list(value.items);
  }
}

const STYLE =
  'body{font-family:Calibri,Arial,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#1b1b1b}' +
  'h1{font-size:1.8rem}h2{margin-top:2rem}em{color:#444}';

/** The year's follow-up as an HTML document. */
export function renderFollowUpHtml(model: FollowUpYear, language: Language = 'sv'): string {
  return outlineToHtml(buildReportOutline(model, language));
}

/** Any outline as one self-contained HTML page. */
export function outlineToHtml(outline: ReportOutline): string {
  return [
    '<!doctype html>',
    `<html lang="${outline.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(outline.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...outline.blocks.map(block),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
