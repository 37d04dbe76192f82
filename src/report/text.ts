/**
 * Text from the lists made safe to print in any format (the report's Word, HTML and Markdown, and
 * the bot's cards): line breaks become "\n"; control characters are dropped (C0 but tab and line
 * breaks, DEL, and C1, whose U+009B starts a terminal escape sequence as ESC [ does), so are the
 * non-characters U+FFFE and U+FFFF and unpaired surrogates, which XML 1.0 forbids and which would
 * make Word refuse the file. Nothing else changes, spaces around the text included: trimming is
 * the caller's choice (a card trims, a run of report text must keep its spaces).
 */
export function cleanText(text: string): string {
  return (
    text
      .replace(/\r\n?/gu, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the purpose here
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/gu, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu, '')
  );
}
