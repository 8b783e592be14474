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

/** Parses our JSON, or says where it stops being JSON (line and column), as one problem. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; problem: ImportProblem } {
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
