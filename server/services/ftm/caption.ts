/**
 * Which of an entity's names to show, chosen the way FollowTheMoney chooses its caption: among several
 * names, the most central one (closest, by edit distance, to all the others), leaning towards names in
 * Latin script. "JSC Kalashnikov Concern" rather than whichever alias a source happened to list first.
 * Pure.
 */

const LATIN = /[\p{Script=Latin}\p{Script=Common}]/u;
/** Scripts that transliterate to Latin well; they count a little towards a name's Latin share. */
const LATINIZABLE = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Georgian}]/u;

/** The share of a name's characters that are Latin (or punctuation, digits, spaces). */
export function latinShare(text: string): number {
  let latin = 0;
  let length = 0;
  for (const char of text) {
    length += 1;
    if (LATIN.test(char)) latin += 1;
    else if (LATINIZABLE.test(char)) latin += 0.1;
  }
  return latin / Math.max(1, length);
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/** Names ordered by how close each is to all the others, weighted; the most central first. */
function byCentrality(names: readonly string[], weights: ReadonlyMap<string, number>): string[] {
  if (names.length < 2) return [...names];
  const score = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const left = names[i] as string;
      const right = names[j] as string;
      const similarity = 1 - levenshtein(left, right) / Math.max([...left].length, [...right].length, 1);
      score.set(left, (score.get(left) ?? 0) + similarity * (weights.get(left) ?? 1));
      score.set(right, (score.get(right) ?? 0) + similarity * (weights.get(right) ?? 1));
    }
  }
  return [...score.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

const ascii = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '')
    .trim();

const titleCase = (text: string) =>
  text.toLowerCase().replace(/(^|[\s\-'.])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());

/** The caption among `names`, or undefined when there is none. */
export function pickName(names: readonly string[]): string | undefined {
  const given = new Set(names);
  const weights = new Map<string, number>();
  const forms = new Map<string, string[]>();
  const latinNames: string[] = [];
  const add = (form: string, weight: number, ...surfaces: string[]) => {
    weights.set(form, (weights.get(form) ?? 0) + weight);
    forms.set(form, [...(forms.get(form) ?? []), ...surfaces]);
  };
  for (const name of [...names].sort()) {
    const form = name.trim().toLowerCase();
    if (form === '') continue;
    const share = latinShare(name);
    if (share > 0.85) latinNames.push(name);
    add(form, 1 + share, name, titleCase(name));
    const plain = ascii(form);
    if (plain.length > 2) add(plain, 1 + share, name);
  }
  if (latinNames.length === 1) return latinNames[0];
  for (const form of byCentrality([...weights.keys()], weights)) {
    for (const surface of byCentrality(forms.get(form) ?? [], new Map())) if (given.has(surface)) return surface;
  }
  return undefined;
}
