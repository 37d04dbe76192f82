/**
 * The annual report as Markdown (CommonMark with GitHub's extensions in mind). Every character
 * that could start markup is backslash-escaped, so text from the lists prints as written and can
 * make no link, image, HTML tag or heading; only link columns become links.
 */
import { buildReportOutline, type Block, type ReportOutline, type Run } from './outline';
import type { FollowUpYear } from '../domain/forum-year';
import type { Language } from '../vocabulary/language';
import { cleanText } from './text';

/**
 * Escapes what could start markup: emphasis, code, links, images, HTML, tables, strikethrough,
 * entities, and at a line's start headings, lists and quotes; breaks "www.", "scheme://" and
 * "name@host" so GitHub's autolinks do not form either.
 */
export function escapeMarkdown(text: string): string {
  return cleanText(text)
    .replace(/[\\`*_[\]<>!|~&@]/gu, (char) => `\\${char}`)
    .replace(/^(\s*)([#=+-])/gmu, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gmu, '$1\\$2')
    .replace(/(www)\./giu, '$1\\.')
    .replace(/:(?=\/\/)/gu, '\\:');
}

/** Text over several lines: each line escaped, joined by hard breaks. */
function lines(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeMarkdown(line.trim()))
    .filter((line) => line !== '')
    .join('  \n');
}

function destination(url: string): string {
  // The URL is a checked http(s) link; <, >, spaces and parentheses are percent-encoded.
  return url.replace(/[<>\s()]/gu, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function runs(list: readonly Run[]): string {
  return list
    .map((run) => {
      let text = lines(run.text);
      if (text === '') return '';
      // Emphasis may not start or end inside spaces, so a run's edge spaces stay outside it.
      const lead = /^\s/u.test(run.text) ? ' ' : '';
      const trail = /\s$/u.test(run.text) ? ' ' : '';
      if (run.link !== undefined) text = `[${text}](<${destination(run.link)}>)`;
      if (run.bold) text = `**${text}**`;
      if (run.italic) text = `*${text}*`;
      return `${lead}${text}${trail}`;
    })
    .join('');
}

function block(value: Block): string {
  switch (value.type) {
    case 'heading':
      return `${'#'.repeat(value.level)} ${escapeMarkdown(value.text.replace(/\s+/gu, ' ').trim())}`;
    case 'paragraph':
      return runs(value.runs);
    case 'list':
      return value.items.map((item) => `${'  '.repeat(item.level)}- ${runs(item.runs).replace(/ {2}\n/gu, `  \n${'  '.repeat(item.level + 1)}`)}`).join('\n');
  }
}

/** The year's follow-up as a Markdown document. */
export function renderFollowUpMarkdown(model: FollowUpYear, language: Language = 'sv'): string {
  return outlineToMarkdown(buildReportOutline(model, language));
}

/** Any outline as a Markdown document. */
export function outlineToMarkdown(outline: ReportOutline): string {
  return `${outline.blocks
    .map(block)
    .filter((text) => text !== '')
    .join('\n\n')}\n`;
}
