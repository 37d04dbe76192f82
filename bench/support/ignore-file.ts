/**
 * The rules of an ignore file such as infra/.webappignore, with gitignore's meaning (what the
 * Agents Toolkit's zip deploy uses): `#` comments, `!` re-includes, a trailing `/` matches folders
 * only, a pattern with a `/` before its end is anchored at the root, any other matches at every
 * depth; `*` stays within one path segment. The last matching rule wins, and nothing inside an
 * ignored folder can be re-included.
 */
interface Rule {
  negate: boolean;
  folderOnly: boolean;
  pattern: RegExp;
}

function toRule(line: string): Rule {
  const negate = line.startsWith('!');
  let body = negate ? line.slice(1) : line;
  const folderOnly = body.endsWith('/');
  if (folderOnly) body = body.slice(0, -1);
  const anchored = body.includes('/');
  if (body.startsWith('/')) body = body.slice(1);
  const source = body
    .split('')
    .map((char) => (char === '*' ? '[^/]*' : char === '?' ? '[^/]' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return { negate, folderOnly, pattern: new RegExp(anchored ? `^${source}$` : `(^|/)${source}$`) };
}

/** Parses an ignore file's text into a predicate over root-relative, `/`-separated paths. */
export function parseIgnoreFile(text: string): (path: string, isFolder: boolean) => boolean {
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map(toRule);
  return (path, isFolder) => {
    let ignored = false;
    for (const rule of rules) {
      if (rule.folderOnly && !isFolder) continue;
      if (rule.pattern.test(path)) ignored = !rule.negate;
    }
    return ignored;
  };
}
