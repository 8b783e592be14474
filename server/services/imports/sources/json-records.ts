/**
 * The records of a JSON source, however the source writes them: one document (an array, a package, an
 * API answer) or JSON lines (one record per line, as bulk exports and `.jsonl` files do). Records keep
 * their line where there is one, so a problem names the line a person must look at.
 */
import type { ImportProblem } from '../../../../schemas/index.js';
import { parseJsonText } from '../json-lines.js';

export interface JsonRecord {
  value: unknown;
  /** 1-based line of a JSON-lines record; undefined for records of one document. */
  line?: number;
  /** 0-based position of the record among those of its document or file. */
  index: number;
}

export function readJsonDocumentOrLines(text: string): { documents: JsonRecord[]; problems: ImportProblem[] } {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { documents: [], problems: [{ field: '(file)', message: 'the file is empty' }] };
  // One document: the common case for packages and API answers. JSON lines fail this at line 2.
  const whole = parseJsonText(trimmed);
  if (whole.ok) return { documents: [{ value: whole.value, index: 0 }], problems: [] };
  const lines = text.split(/\r?\n/);
  if (lines.filter((l) => l.trim() !== '').length < 2) return { documents: [], problems: [whole.problem] };
  const documents: JsonRecord[] = [];
  const problems: ImportProblem[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    try {
      documents.push({ value: JSON.parse(line) as unknown, line: i + 1, index: documents.length });
    } catch (error) {
      problems.push({ line: i + 1, field: '(line)', message: `not JSON: ${(error as Error).message}` });
    }
  });
  // Not JSON lines either: the first line is not a record; say where the document broke.
  if (documents.length === 0) return { documents: [], problems: [whole.problem] };
  return { documents, problems };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
