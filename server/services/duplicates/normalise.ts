/**
 * Names reduced to what tells two entities apart, so "González", "GONZALEZ" and "Gonzalez" meet, and
 * so do Arabic spellings that differ only in diacritics or letter variants (أ/إ/آ/ا, ة/ه, ى/ي). Pure.
 */

/** Arabic short vowels and marks (tashkeel), the superscript alef and the tatweel used for stretching. */
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const ARABIC_LETTER_VARIANTS: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ة: 'ه',
  ى: 'ي',
  ؤ: 'و',
  ئ: 'ي',
};

/**
 * Words that say what a name is rather than which one: articles, and legal forms in the languages our
 * sources use (GmbH, e.V., S.A., Inc, ООО, ТОВ...), abbreviated or spelled out. Dotted abbreviations
 * are read as one word ("e.V." is "ev", "S.p.A." is "spa").
 */
const NOISE_WORDS = new Set([
  // articles and joining words
  ...[
    'the',
    'of',
    'and',
    'de',
    'del',
    'la',
    'el',
    'y',
    'der',
    'die',
    'das',
    'und',
    'le',
    'les',
    'et',
    'du',
    'des',
    'di',
    'e',
    'с',
    'з',
    'и',
    'і',
  ],
  // English
  ...[
    'inc',
    'incorporated',
    'llc',
    'llp',
    'lp',
    'ltd',
    'limited',
    'co',
    'corp',
    'corporation',
    'company',
    'plc',
    'liability',
    'pty',
    'pte',
  ],
  ...['jsc', 'ojsc', 'cjsc', 'pjsc', 'joint', 'stock'],
  // German, Austrian, Swiss
  ...['gmbh', 'mbh', 'ag', 'kg', 'kgaa', 'ohg', 'gbr', 'ug', 'ev', 'eg', 'verein', 'gesellschaft', 'haftung', 'beschränkter'],
  // Romance languages
  ...[
    'sa',
    'sas',
    'sarl',
    'sl',
    'slu',
    'spa',
    'srl',
    'sprl',
    'sca',
    'scs',
    'snc',
    'ltda',
    'cia',
    'sociedad',
    'anonima',
    'societe',
  ],
  // Dutch, Nordic, others
  ...[
    'bv',
    'nv',
    'vof',
    'ab',
    'as',
    'asa',
    'aps',
    'oy',
    'oyj',
    'se',
    'kk',
    'bhd',
    'sdn',
    'doo',
    'dd',
    'ad',
    'zrt',
    'kft',
    'sro',
    'zoo',
    'sp',
  ],
  // Russian, Ukrainian (ООО, ОАО, ЗАО, ПАО, АО, ТОВ, ПАТ...) and their spelled-out forms
  ...['ооо', 'оао', 'зао', 'пао', 'ао', 'нао', 'ип', 'тов', 'пат', 'ват', 'прат', 'нп', 'ано', 'фгуп', 'гуп', 'муп'],
  ...['общество', 'ограниченной', 'ответственностью', 'акционерное', 'открытое', 'закрытое', 'публичное'],
  ...['товариство', 'обмеженою', 'відповідальністю', 'акціонерне', 'приватне', 'публічне'],
]);

/** Single letters in a row are one abbreviation: "e v" (from "e.V.") is "ev", "s p a" is "spa". */
function joinInitials(words: readonly string[]): string[] {
  const joined: string[] = [];
  let run = '';
  for (const word of words) {
    if (word.length === 1 && /\p{L}/u.test(word)) {
      run += word;
      continue;
    }
    if (run) joined.push(run);
    run = '';
    joined.push(word);
  }
  if (run) joined.push(run);
  return joined;
}

/** Lower case, no accents or Arabic diacritics, punctuation as spaces, single spaces. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(ARABIC_MARKS, '')
    .replace(/[أإآٱةىؤئ]/g, (ch) => ARABIC_LETTER_VARIANTS[ch] ?? ch)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a normalised name that identify it (no legal forms or articles); none for a web address. */
export function nameTokens(name: string): string[] {
  // A source named by its address is the same only at the same address (compared as a code, not a name).
  if (/^(https?:\/\/|www\.)\S+$/i.test(name.trim())) return [];
  const words = joinInitials(normaliseName(name).split(' ').filter(Boolean));
  const meaningful = words.filter((w) => !NOISE_WORDS.has(w));
  return meaningful.length > 0 ? meaningful : words;
}

/**
 * The key two names share when they are the same name: word order and legal forms ignored, so
 * "Line, Vincent" and "Vincent Line", "Appriss Inc." and "Appriss" meet.
 */
export function nameKey(name: string): string {
  return [...nameTokens(name)].sort().join(' ');
}

/** A URL-safe slug for a new id (`Vincent Línè` -> `vincent-line`); empty when nothing Latin is left. */
export function slugOfName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/**
 * Jaro-Winkler similarity of two strings, 0..1: forgiving of a typo or a transposed letter, and of a
 * shared beginning, which is how names of the same entity usually differ.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * How alike two names are, word by word: each word is matched with the most similar word of the other
 * name, and the weaker side counts. "Vincent Line" and "Vincent Lline" are alike (0.98); "Denver Police
 * Department" and "Denver Fire Department" are not (0.87), though as strings they are close.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = nameTokens(a);
  const y = nameTokens(b);
  if (x.length === 0 || y.length === 0) return 0;
  const side = (from: string[], to: string[]) =>
    from.reduce((sum, word) => sum + Math.max(...to.map((other) => jaroWinkler(word, other))), 0) / from.length;
  return Math.min(side(x, y), side(y, x));
}
