/**
 * Fills `${{NAME}}` placeholders, the Agents Toolkit's syntax, so the same template works with
 * `npm run package` and with the toolkit's `teamsApp/zipAppPackage`.
 */

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names used in `text`, each once, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string))];
}

/**
 * Replaces each placeholder with its value, escaped for a JSON string (the templates are JSON).
 * Names without a value are left in place and listed in `missing`.
 */
export function fillTemplate(text: string, values: Record<string, string | undefined>): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      missing.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text: filled, missing: [...missing] };
}
