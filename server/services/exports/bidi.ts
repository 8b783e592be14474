/**
 * Mixed-direction text for pictures, laid out by the Unicode Bidirectional Algorithm (bidi-js). A line
 * becomes its runs in visual order, left to right, each with its own direction. The SVG writes the runs
 * in that order, each wrapped in a directional isolate (LRI/RLI … PDI): in a left-to-right text element
 * a row of isolates stays in the order given, so every renderer (browsers, resvg) shows the order the
 * algorithm decided, while the characters inside a run stay in logical order and the renderer shapes
 * them (Arabic letters keep their joined forms, brackets mirror in right-to-left runs).
 */
import bidiModule from 'bidi-js';

// The package is CommonJS whose `module.exports` is the factory, while its types declare an ES default.
const bidiFactory = ((bidiModule as { default?: unknown }).default ?? bidiModule) as typeof bidiModule.default;
const bidi = bidiFactory();

export type Direction = 'ltr' | 'rtl';

export interface TextRun {
  readonly text: string;
  readonly direction: Direction;
}

export interface BidiLine {
  /** The paragraph's direction: from its first strong character unless given. */
  readonly direction: Direction;
  /** Runs in visual order, left to right. */
  readonly runs: readonly TextRun[];
}

const EXPLICIT = /[\u202A-\u202E\u2066-\u2069]/g;

/** One line of text (no line breaks) as runs in visual order. */
export function layoutLine(text: string, base: Direction | 'auto' = 'auto'): BidiLine {
  const line = text.replace(/[\r\n]+/g, ' ');
  if (!line) return { direction: base === 'rtl' ? 'rtl' : 'ltr', runs: [] };
  const embedding = bidi.getEmbeddingLevels(line, base);
  const direction: Direction = (embedding.paragraphs[0]?.level ?? 0) % 2 === 1 ? 'rtl' : 'ltr';
  // Logical indices in visual order; consecutive ones at one level (ascending in a left-to-right run,
  // descending in a right-to-left one) form a run.
  const order = bidi.getReorderedIndices(line, embedding);
  const spans: { level: number; from: number; to: number }[] = [];
  for (const index of order) {
    const level = embedding.levels[index] ?? 0;
    const last = spans[spans.length - 1];
    const rtl = level % 2 === 1;
    if (last && last.level === level && (rtl ? index === last.from - 1 : index === last.to + 1)) {
      if (rtl) last.from = index;
      else last.to = index;
    } else spans.push({ level, from: index, to: index });
  }
  // Explicit marks in the text (an isolated date) have done their work in the levels; left in a run
  // they would leave an isolate open inside the run's own and break the nesting in a browser.
  return {
    direction,
    runs: spans
      .map((s): TextRun => ({
        text: line.slice(s.from, s.to + 1).replace(EXPLICIT, ''),
        direction: s.level % 2 === 1 ? 'rtl' : 'ltr',
      }))
      .filter((run) => run.text !== ''),
  };
}

const LRI = '\u2066';
const RLI = '\u2067';
const PDI = '\u2069';

/** A run's characters inside the isolate that keeps it where the algorithm put it. */
export function isolate(run: TextRun): string {
  return `${run.direction === 'rtl' ? RLI : LRI}${run.text}${PDI}`;
}

/**
 * A paragraph's direction by the algorithm (its first strong character): the lines a long paragraph is
 * wrapped into keep the paragraph's direction even when one of them starts with a word of the other.
 */
export function paragraphDirection(text: string): Direction {
  if (!text) return 'ltr';
  return (bidi.getEmbeddingLevels(text.replace(/[\r\n]+/g, ' ')).paragraphs[0]?.level ?? 0) % 2 === 1 ? 'rtl' : 'ltr';
}
