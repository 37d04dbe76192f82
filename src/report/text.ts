/**
 * Text from the lists made safe to print in any format: characters XML 1.0 forbids (which would
 * make Word refuse the file) and unpaired surrogates are dropped; line breaks are kept as "\n".
 */
export function cleanText(text: string): string {
  return (
    text
      .replace(/\r\n?/gu, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the purpose here
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/gu, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu, '')
  );
}
