/**
 * An Adaptive Card as plain text, for the secretariat's preview in a terminal: headings and text
 * blocks as lines, facts as "title: value", actions as [buttons]. Markdown escapes are undone,
 * since the terminal shows text literally.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const array = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Removes the backslashes card markdown escaping adds, the blank lines between paragraphs, and
 * the soft hyphens that help a phone break long labels (a terminal may print them).
 */
function unescapeMarkdown(value: string): string {
  return value
    .replace(/\\([\\`*_[\]()#\-+>~.!|{}])/g, '$1')
    .replace(/\n\n/g, '\n')
    .replace(/\u00ad/g, '');
}

function elementLines(element: unknown, lines: string[], indent: string): void {
  if (!isObject(element) || element.isVisible === false) return;
  switch (element.type) {
    case 'TextBlock': {
      const body = unescapeMarkdown(text(element.text)).trim();
      if (!body) return;
      for (const line of body.split('\n')) lines.push(`${indent}${line}`);
      return;
    }
    case 'RichTextBlock': {
      const body = array(element.inlines)
        .map((inline) => (typeof inline === 'string' ? inline : isObject(inline) ? text(inline.text) : ''))
        .join('');
      if (body.trim()) lines.push(`${indent}${body.trim()}`);
      return;
    }
    case 'FactSet':
      for (const fact of array(element.facts)) {
        if (isObject(fact)) lines.push(`${indent}${unescapeMarkdown(text(fact.title))}: ${unescapeMarkdown(text(fact.value))}`);
      }
      return;
    case 'Container':
      for (const item of array(element.items)) elementLines(item, lines, indent);
      return;
    case 'ColumnSet':
      for (const column of array(element.columns)) if (isObject(column)) for (const item of array(column.items)) elementLines(item, lines, indent);
      return;
    case 'ActionSet':
      actionLines(array(element.actions), lines, indent);
      return;
    case 'Image':
      if (text(element.altText)) lines.push(`${indent}[${text(element.altText)}]`);
      return;
    default:
      return;
  }
}

function actionLines(actions: unknown[], lines: string[], indent: string): void {
  const buttons = actions.filter(isObject).map((action) => {
    const title = text(action.title) || text(action.type);
    return action.type === 'Action.OpenUrl' ? `[${title} → ${text(action.url)}]` : `[${title}]`;
  });
  if (buttons.length > 0) lines.push(`${indent}${buttons.join('  ')}`);
}

/** The card's text content, one line per block, each line prefixed with `indent`. */
export function cardToText(card: unknown, indent = ''): string {
  const lines: string[] = [];
  if (!isObject(card)) return '';
  for (const element of array(card.body)) elementLines(element, lines, indent);
  actionLines(array(card.actions), lines, indent);
  return lines.join('\n');
}
