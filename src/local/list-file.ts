/**
 * The local list file (`lists.json`) and the seed it starts from: its shape, and a parser whose
 * errors name the file, the line and the column, so a person who broke the file by hand can fix it.
 *
 * Shape: `{ "balance": [item, ...], "meetings": [item, ...], "errands"?: [...], "forum"?: [...],
 * "sections"?: [...], "actions"?: [...] }` (the forum's year's lists may be left out: older files), each item
 * `{ "id": "12", "eTag"?: "\"…,3\"", "lastModifiedDateTime"?: "…", "fields": { … } }`.
 * Only the shape is checked here; the values inside `fields` are passed through untouched
 * (the field mapping reports bad values as problems on the entry).
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { SourceError } from '../errors';
import { LIST_NAMES, type CoreListName, type ForumListName } from '../ports/list-source';

export { LIST_NAMES };

/** One item as the file stores it. */
export interface StoredItem {
  id: string;
  eTag?: string;
  lastModifiedDateTime?: string | null;
  fields: Record<string, unknown>;
}

/** The lists as the file holds them; the forum's year's lists are absent in older files. */
export type StoredLists = Record<CoreListName, StoredItem[]> & Partial<Record<ForumListName, StoredItem[]>>;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const ITEM = z.object(
  {
    id: z
      .union([z.string(), z.number()], { error: 'needs an "id": a positive whole number such as "12"' })
      .transform((id) => String(id))
      .refine((id) => /^[1-9]\d{0,15}$/.test(id), { error: '"id" must be a positive whole number such as "12"' }),
    eTag: z.string({ error: '"eTag" must be text (or left out)' }).optional(),
    lastModifiedDateTime: z.string({ error: '"lastModifiedDateTime" must be text, null or left out' }).nullable().optional(),
    // A custom check keeps the object as parsed (no copy), so no key of a person's data is lost.
    fields: z.custom<Record<string, unknown>>(isPlainObject, { error: 'needs "fields": an object of column values, e.g. { "Title": "…" }' }),
  },
  { error: 'each item must be an object with "id" and "fields"' },
);

const FILE = z.object(
  {
    balance: z.array(ITEM, { error: '"balance" must be a list (array) of items' }),
    meetings: z.array(ITEM, { error: '"meetings" must be a list (array) of items' }),
    errands: z.array(ITEM, { error: '"errands" must be a list (array) of items (or left out)' }).optional(),
    forum: z.array(ITEM, { error: '"forum" must be a list (array) of items (or left out)' }).optional(),
    sections: z.array(ITEM, { error: '"sections" must be a list (array) of items (or left out)' }).optional(),
    actions: z.array(ITEM, { error: '"actions" must be a list (array) of items (or left out)' }).optional(),
  },
  { error: 'the file must hold an object with "balance" and "meetings" lists' },
);

/** Line and column (both from 1) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const PARSE_ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon',
  CommaExpected: 'expected a comma',
  CloseBraceExpected: 'expected a comma or a closing brace }',
  CloseBracketExpected: 'expected a comma or a closing bracket ]',
  EndOfFileExpected: 'unexpected text after the end of the data',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'text (string) is not closed with a double quote',
  UnexpectedEndOfNumber: 'number is cut off',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character after a backslash',
  InvalidCharacter: 'invalid character (control characters must be escaped)',
};

function describePath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : text === '' ? String(part) : `.${String(part)}`;
  return text === '' ? 'the top level' : text;
}

/** The deepest node of `root` on `path` (the parent when the last key is missing). */
function nearestNode(root: Node, path: ReadonlyArray<PropertyKey>): Node {
  for (let length = path.length; length > 0; length -= 1) {
    const segments = path.slice(0, length).map((part) => (typeof part === 'number' ? part : String(part)));
    const node = findNodeAtLocation(root, segments);
    if (node) return node.parent?.type === 'property' && typeof path[length - 1] === 'string' ? node.parent : node;
  }
  return root;
}

function invalid(file: string, what: string, text: string, offset: number, detail: string, cause?: unknown): SourceError {
  const { line, column } = lineAndColumn(text, offset);
  return new SourceError(
    'local-invalid',
    `${what} ${file} is not valid at line ${line}, column ${column}: ${detail}. ` + 'Fix the file; until then the last good version is kept.',
    null,
    cause === undefined ? undefined : { cause },
  );
}

/** Locates a syntax error with jsonc-parser (strict JSON: no comments, no trailing commas). */
function syntaxError(file: string, what: string, text: string, cause: unknown): SourceError {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return invalid(file, what, text, 0, 'not valid JSON', cause);
  const code = printParseErrorCode(first.error);
  // "{ "a": 1, }" is reported at the brace; point at the comma, which is what to delete.
  const before = /,\s*$/.exec(text.slice(0, first.offset));
  if (before && /^[}\]]/.test(text.slice(first.offset))) {
    return invalid(file, what, text, before.index, 'not valid JSON (a comma before a closing bracket or brace; remove it)', cause);
  }
  return invalid(file, what, text, first.offset, `not valid JSON (${PARSE_ERROR_TEXT[code] ?? code})`, cause);
}

/**
 * Parses the text of a list file (or the seed). `what` names it in messages ("The local list file").
 * Throws `SourceError` code `local-invalid` naming the file, the line and the column.
 */
export function parseListFile(text: string, file: string, what: string): StoredLists {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // editors on Windows may add a BOM
  const offsetOf = (offset: number) => offset + (body === text ? 0 : 1);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw syntaxError(file, what, text, error);
  }
  const result = FILE.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path ?? [];
    const root = parseTree(body);
    const offset = root ? nearestNode(root, path).offset : 0;
    throw invalid(file, what, text, offsetOf(offset), `${describePath(path)}: ${issue?.message ?? 'wrong shape'}`);
  }
  for (const list of LIST_NAMES) {
    const seen = new Map<string, number>();
    (result.data[list] ?? []).forEach((item, index) => {
      const earlier = seen.get(item.id);
      if (earlier !== undefined) {
        const root = parseTree(body);
        const offset = root ? nearestNode(root, [list, index, 'id']).offset : 0;
        throw invalid(
          file,
          what,
          text,
          offsetOf(offset),
          `${list}[${index}].id: id "${item.id}" is used twice in "${list}" (also by ${list}[${earlier}]); give each item its own id`,
        );
      }
      seen.set(item.id, index);
    });
  }
  return result.data;
}

/**
 * The file's text: two-space indented JSON, lists in `LIST_NAMES` order (a list the file did not
 * have stays out, so an untouched older file keeps its shape), items in list order, ending with
 * a newline.
 */
export function formatListFile(lists: StoredLists): string {
  const ordered: Partial<Record<string, StoredItem[]>> = {};
  for (const list of LIST_NAMES) if (lists[list] !== undefined) ordered[list] = lists[list];
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
