/**
 * Turns what a person typed into a Lucene query for the `entity_names` full-text index.
 *
 * The index analyzer folds case and accents, but Lucene does not analyse wildcard terms, so we fold
 * each term ourselves (NFD, drop combining marks, lower-case) before adding `*` for prefix matches.
 * Every term counts (OR), an exact word scores above a prefix, and the whole phrase scores highest.
 * Lucene's special characters never reach the parser: terms are split on anything but letters and
 * digits, which also makes the query safe from syntax injection.
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

/** The Lucene query for `text`, or null when it holds nothing searchable (only punctuation, say). */
export function buildFulltextQuery(text: string): string | null {
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  const clauses = terms.map((t) => `${t}^2 OR ${t}*`);
  if (terms.length > 1) clauses.push(`"${terms.join(' ')}"^4`);
  return clauses.join(' OR ');
}
