/**
 * Turns what a person typed into Lucene queries for the `entity_names` full-text index.
 *
 * The index analyzer folds case and accents, but Lucene does not analyse wildcard terms, so we fold
 * each term ourselves (NFD, drop combining marks, lower-case) before adding `*` for prefix matches.
 * Lucene's special characters never reach the parser: terms are split on anything but letters and
 * digits, which also makes the query safe from syntax injection.
 *
 * Two queries, tried in order (`searchQueries`):
 * - `allTerms`: every word typed must be in the name, the last one as a prefix (it may still be being
 *   typed), the whole phrase scoring highest. Lucene walks the rarest word's matches only, so a common
 *   first name does not make it score every person who has it (at 458k entities: p50 11 -> 7 ms).
 *   Earlier words are plain terms, which the analyzer treats like the index: "Department of
 *   Corrections" still matches although "of" is not indexed.
 * - `anyTerm`: any word, exact or as a prefix, when no name has them all ("vinc line", a misspelt
 *   word): the person still sees the nearest names, best first.
 */
const MAX_TERMS = 8;

export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export function searchTerms(text: string): string[] {
  const terms = foldForSearch(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

export interface SearchQueries {
  allTerms: string;
  anyTerm: string;
}

/** The Lucene queries for `text`, or null when it holds nothing searchable (only punctuation, say). */
export function searchQueries(text: string): SearchQueries | null {
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  const last = terms.length - 1;
  const phrase = terms.length > 1 ? [`"${terms.join(' ')}"^4`] : [];
  return {
    allTerms: [...terms.map((t, i) => (i === last ? `+(${t}^2 OR ${t}*)` : `+${t}`)), ...phrase].join(' '),
    anyTerm: [...terms.map((t) => `${t}^2 OR ${t}*`), ...phrase].join(' OR '),
  };
}

/**
 * Runs `allTerms`, then `anyTerm` only when it found nothing: the order every search asks in (the
 * repository, and the benchmark's raw-driver baseline, which must do the same work).
 */
export async function inSearchOrder<R extends { records: readonly unknown[] }>(
  queries: SearchQueries,
  run: (query: string) => Promise<R>,
): Promise<R> {
  const result = await run(queries.allTerms);
  return result.records.length > 0 ? result : run(queries.anyTerm);
}
