/**
 * Line numbers for problems in an Interlock JSON file. Validation speaks in paths
 * (`entities.12.currency`); a person fixing the file in an editor needs the line. The text is scanned
 * (jsonc-parser's visitor, no tree kept) only when there are problems to place, so a valid file costs
 * nothing. A problem about a missing field gets the line of the nearest object that holds it.
 */
import { getNodeValue, parseTree, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import type { ImportProblem } from '../../../schemas/index.js';

export function locateJsonProblems(text: string, problems: readonly ImportProblem[]): ImportProblem[] {
  const wanted = new Set<string>();
  for (const p of problems) for (const prefix of prefixes(p.field)) wanted.add(prefix);
  const lines = new Map<string, number>();
  const note = (path: (string | number)[], line: number) => {
    const key = path.join('.');
    if (wanted.has(key) && !lines.has(key)) lines.set(key, line + 1);
  };
  visit(text, {
    onObjectBegin: (_offset, _length, line, _column, path) => note(path(), line),
    onArrayBegin: (_offset, _length, line, _column, path) => note(path(), line),
    onObjectProperty: (property, _offset, _length, line, _column, path) => note([...path(), property], line),
  });
  return problems.map((p) => {
    if (p.line !== undefined) return p;
    const line = prefixes(p.field)
      .map((prefix) => lines.get(prefix))
      .find((l) => l !== undefined);
    return line === undefined ? p : { ...p, line };
  });
}

/** `entities.12.currency` -> `entities.12.currency`, `entities.12`, `entities`, longest first. */
function prefixes(field: string): string[] {
  const parts = field.split('.');
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('.'));
}

/**
 * Deepest nesting of objects and arrays accepted. An Interlock file nests five levels (the file, its
 * entities, an entity, its citations, a citation); thousands of levels only serve to exhaust the stack
 * of whatever walks the text recursively (the problem locator did).
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Where the text first nests deeper than `max` (line and column, 1-based), or undefined. Iterative; a
 * string is skipped to its closing quote with indexOf, since most of a file is strings (a 352 MB file
 * of 1.4M records: 0.42-0.46 s, against 0.54-0.75 s scanned character by character).
 */
export function tooDeep(text: string, max = MAX_JSON_DEPTH): { line: number; column: number } | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      let end = text.indexOf('"', i + 1);
      while (end !== -1 && escapedAt(text, end)) end = text.indexOf('"', end + 1);
      if (end === -1) return undefined; // an unterminated string: JSON.parse says where
      i = end;
    } else if (c === 123 || c === 91) {
      depth += 1;
      if (depth > max) {
        const lineStart = text.lastIndexOf('\n', i) + 1;
        let line = 1;
        for (let at = text.indexOf('\n'); at !== -1 && at < i; at = text.indexOf('\n', at + 1)) line += 1;
        return { line, column: i - lineStart + 1 };
      }
    } else if (c === 125 || c === 93) depth -= 1;
  }
  return undefined;
}

/** Whether the character at `at` is escaped: an odd number of backslashes before it. */
function escapedAt(text: string, at: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === 92) backslashes += 1;
  return backslashes % 2 === 1;
}

/** Parses our JSON, or says where it stops being JSON (line and column), as one problem. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; problem: ImportProblem } {
  const deep = tooDeep(text);
  if (deep) {
    return {
      ok: false,
      problem: {
        line: deep.line,
        field: '(file)',
        message: `nested more than ${MAX_JSON_DEPTH} levels deep at line ${deep.line}, column ${deep.column}: an Interlock file nests five (file, entities, entity, citations, citation)`,
      },
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const errors: ParseError[] = [];
    const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    if (!first) return { ok: true, value: tree ? getNodeValue(tree) : undefined };
    const before = text.slice(0, first.offset);
    const line = before.split('\n').length;
    const column = first.offset - before.lastIndexOf('\n');
    return {
      ok: false,
      problem: {
        line,
        field: '(file)',
        message: `not valid JSON at line ${line}, column ${column}: ${printParseErrorCode(first.error)}`,
      },
    };
  }
}
