/** Safe pieces of the tab's page that the server writes itself. */

/** JSON for a `<script type="application/json">` block: `<` never appears, so `</script>` cannot end it. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
