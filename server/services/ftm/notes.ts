/**
 * What our facts carry that FollowTheMoney has no property for travels in FtM's `summary` (a text
 * property every schema has), one value per item, so FtM tools show it and our import reads it back:
 * - a citation:   `Cited: document:press-release at line 24: “the exact quote”` (the Document's FtM id);
 * - the rest:     `Interlock: {"status":"alleged","type":"PART_OF",...}` (our field names, as JSON).
 * Plain `summary` values of other publishers never match these shapes. Pure.
 */

export interface CitationNote {
  /** The FtM id of the cited Document (a line of the same file, or imported before). */
  document: string;
  locator: string;
  quote: string;
}

const CITED = /^Cited: (\S+) at ([\s\S]*?): “([\s\S]*)”$/;
const ANNOTATION = /^Interlock: (\{[\s\S]*\})$/;

export function citationNote(citation: CitationNote): string {
  return `Cited: ${citation.document} at ${citation.locator}: “${citation.quote}”`;
}

export function readCitationNote(value: string): CitationNote | undefined {
  const match = CITED.exec(value);
  return match ? { document: match[1] ?? '', locator: match[2] ?? '', quote: match[3] ?? '' } : undefined;
}

export function annotationNote(fields: Record<string, unknown>): string {
  return `Interlock: ${JSON.stringify(fields)}`;
}

export function readAnnotation(value: string): Record<string, unknown> | undefined {
  const match = ANNOTATION.exec(value);
  if (!match) return undefined;
  try {
    const parsed: unknown = JSON.parse(match[1] ?? '');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Splits `summary` values into our citations, our annotation and the publisher's own text. */
export function readNotes(values: readonly string[]): {
  citations: CitationNote[];
  annotation: Record<string, unknown>;
  text: string[];
} {
  const citations: CitationNote[] = [];
  let annotation: Record<string, unknown> = {};
  const text: string[] = [];
  for (const value of values) {
    const citation = readCitationNote(value);
    const fields = citation ? undefined : readAnnotation(value);
    if (citation) citations.push(citation);
    else if (fields) annotation = { ...annotation, ...fields };
    else text.push(value);
  }
  return { citations, annotation, text };
}
