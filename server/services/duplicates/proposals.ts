/**
 * Likely duplicate pairs, found without comparing every entity with every other: entities are grouped
 * by keys (an identifier, a normalised name or alias, one rare word of the name) and only members of
 * the same group, of the same kind, are compared. Groups too common to mean anything (hundreds of
 * entities sharing a word) are skipped or cut, and the answer says so.
 *
 * Codes decide before names do: the same code of the same scheme (a tax number, an LEI) makes a pair
 * whatever the names; different codes of one scheme, or birth dates that cannot both be true, rule a
 * pair out however alike the names are (two companies called "Alpha GmbH" with different tax numbers
 * are two companies). Pure.
 */
import type { DuplicatePair, DuplicateReason, EntityKind } from '../../../schemas/index.js';
import { nameKey, nameSimilarity } from './normalise.js';

export interface Candidate {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  /** Ids another record of the same thing would share: its own and merged ids, its FtM id. */
  identifiers: string[];
  /** Codes authorities gave it, as [scheme, normalised value] (a document's URL is one too). */
  codes?: readonly [string, string][];
  /** A person's birth date, partial allowed. */
  birthDate?: string;
}

/**
 * Why two candidates cannot be the same, if they cannot: a scheme both have codes of with none in
 * common, or birth dates that exclude each other (1970 and 1970-05 agree; 1970 and 1971 do not).
 */
export function ruledOut(a: Candidate, b: Candidate): string | undefined {
  const codes = (c: Candidate) => {
    const by = new Map<string, Set<string>>();
    for (const [scheme, value] of c.codes ?? [])
      if (isIdentifying(scheme)) by.set(scheme, (by.get(scheme) ?? new Set()).add(value));
    return by;
  };
  const [x, y] = [codes(a), codes(b)];
  for (const [scheme, values] of x) {
    const other = y.get(scheme);
    if (other && ![...values].some((v) => other.has(v)) && !SEVERAL_PER_HOLDER.has(scheme)) return `different ${scheme} codes`;
  }
  if (a.birthDate && b.birthDate && !a.birthDate.startsWith(b.birthDate) && !b.birthDate.startsWith(a.birthDate))
    return 'different birth dates';
  return undefined;
}

/** Schemes a holder may have several codes of (a person's passports): a different one proves nothing. */
const SEVERAL_PER_HOLDER = new Set(['passport', 'personal-number', 'identification']);

/**
 * Schemes whose codes name one entity each. Others only classify (a Russian KPP is shared by every
 * company registered at one tax office; an OKVED code is an industry): they neither make nor rule out
 * a pair. A source's own ids (`littlesis`, `ocds:<scheme>`) name one entity in that source.
 */
const IDENTIFYING = new Set([
  ...['registration', 'tax', 'vat', 'lei', 'inn', 'ogrn', 'okpo', 'duns', 'uei', 'bic', 'wikidata', 'national-id'],
  ...['passport', 'personal-number', 'ssn', 'permid', 'imo', 'isin', 'cik', 'irs', 'bvd', 'npi', 'cage', 'gii'],
  ...['littlesis', 'opencorporates', 'url', 'identification'],
]);

export function isIdentifying(scheme: string): boolean {
  return IDENTIFYING.has(scheme) || scheme.startsWith('ocds:');
}

export const LIMITS = {
  /** Entities sharing one exact key (a name, an identifier) compared with each other at most. */
  sameKeyGroup: 50,
  /** Entities sharing one word compared by similarity: a rarer word says more, and costs less. */
  wordGroup: 25,
  /** Words shorter than this are too common to group by. */
  minWordLength: 4,
  /** How similar two names must be (word by word, see nameSimilarity) to be proposed. */
  similarity: 0.9,
  /** Pairs kept in all. */
  maxPairs: 5_000,
};

const REASON_SCORE: Record<Exclude<DuplicateReason, 'similar-name'>, number> = {
  identifier: 1,
  'same-name': 0.95,
  alias: 0.9,
};

export interface Proposals {
  pairs: DuplicatePair[];
  /** True when a group or the pair count hit a limit, so some pairs may be missing. */
  capped: boolean;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function proposeDuplicates(candidates: readonly Candidate[], rejected: ReadonlySet<string>): Proposals {
  const best = new Map<string, DuplicatePair>();
  let capped = false;
  const consider = (a: Candidate, b: Candidate, reason: DuplicateReason, score: number, detail: string) => {
    if (a.id === b.id || a.kind !== b.kind) return;
    const key = pairKey(a.id, b.id);
    if (rejected.has(key) || (reason !== 'identifier' && ruledOut(a, b))) return;
    const known = best.get(key);
    if (known && known.score >= score) return;
    const [first, second] = a.id < b.id ? [a, b] : [b, a];
    best.set(key, { a: view(first), b: view(second), score: round(score), reason, detail });
  };

  // Exact keys: identifiers, and every name and alias reduced to its key.
  const exact = new Map<string, { candidate: Candidate; what: 'identifier' | 'name' | 'alias'; text: string }[]>();
  const add = (key: string, entry: { candidate: Candidate; what: 'identifier' | 'name' | 'alias'; text: string }) => {
    const group = exact.get(key);
    if (group) group.push(entry);
    else exact.set(key, [entry]);
  };
  // Each name reduced once; the word groups below reuse it.
  const nameKeys = new Map(candidates.map((c) => [c.id, nameKey(c.name)]));
  for (const candidate of candidates) {
    for (const identifier of candidate.identifiers)
      add(`${candidate.kind}|id|${identifier}`, { candidate, what: 'identifier', text: identifier });
    for (const [scheme, value] of candidate.codes ?? [])
      if (isIdentifying(scheme))
        add(`${candidate.kind}|code|${scheme}|${value}`, { candidate, what: 'identifier', text: `${scheme} ${value}` });
    const nameK = nameKeys.get(candidate.id) ?? '';
    if (nameK) add(`${candidate.kind}|name|${nameK}`, { candidate, what: 'name', text: candidate.name });
    for (const alias of candidate.aliases) {
      const aliasK = nameKey(alias);
      if (aliasK && aliasK !== nameK) add(`${candidate.kind}|name|${aliasK}`, { candidate, what: 'alias', text: alias });
    }
  }
  for (const group of exact.values()) {
    if (group.length < 2) continue;
    if (group.length > LIMITS.sameKeyGroup) capped = true;
    const members = group.slice(0, LIMITS.sameKeyGroup);
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const x = members[i];
        const y = members[j];
        if (!x || !y) continue;
        if (x.what === 'identifier') {
          consider(x.candidate, y.candidate, 'identifier', REASON_SCORE.identifier, `both carry the identifier ${x.text}`);
        } else if (x.what === 'name' && y.what === 'name') {
          consider(x.candidate, y.candidate, 'same-name', REASON_SCORE['same-name'], `same name: “${x.text}” and “${y.text}”`);
        } else {
          const score = x.what === 'alias' && y.what === 'alias' ? REASON_SCORE.alias - 0.05 : REASON_SCORE.alias;
          consider(x.candidate, y.candidate, 'alias', score, `“${x.text}” and “${y.text}” are the same name`);
        }
      }
    }
  }

  // Similar names: entities sharing a rare word of their name, compared by similarity of whole keys.
  const byWord = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    for (const word of new Set((nameKeys.get(candidate.id) ?? '').split(' '))) {
      if (word.length < LIMITS.minWordLength) continue;
      const key = `${candidate.kind}|${word}`;
      const group = byWord.get(key);
      if (group) group.push(candidate);
      else byWord.set(key, [candidate]);
    }
  }
  for (const group of byWord.values()) {
    if (group.length < 2) continue;
    if (group.length > LIMITS.wordGroup) {
      capped = true;
      continue;
    }
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const x = group[i];
        const y = group[j];
        if (!x || !y || best.has(pairKey(x.id, y.id))) continue;
        const similarity = nameSimilarity(x.name, y.name);
        if (similarity < LIMITS.similarity) continue;
        consider(x, y, 'similar-name', similarity * 0.85, `similar names: “${x.name}” and “${y.name}”`);
      }
    }
  }

  const pairs = [...best.values()].sort(
    (p, q) =>
      q.score - p.score || p.a.name.localeCompare(q.a.name) || p.a.id.localeCompare(q.a.id) || p.b.id.localeCompare(q.b.id),
  );
  if (pairs.length > LIMITS.maxPairs) capped = true;
  return { pairs: pairs.slice(0, LIMITS.maxPairs), capped };
}

function view(c: Candidate): DuplicatePair['a'] {
  return { id: c.id, kind: c.kind, name: c.name, aliases: c.aliases };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
