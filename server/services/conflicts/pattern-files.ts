/**
 * Conflict patterns are `.cypher` files in `cypher/patterns/`, each with a header of `// @tag value`
 * lines (see cypher/patterns/README.md). Adding a file adds a pattern; no TypeScript changes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Severity, type PatternInfo } from '../../../schemas/index.js';
import { CYPHER_DIR } from '../../db/cypher-files.js';

/** A pattern's words in one language: its name and sentence, and the templates of its findings. */
export interface PatternTexts {
  name: string;
  description: string;
  title: string;
  explanation: string;
  /** `@phrase key words`: the words a coded fact stands for (see template.ts `{name|phrase}`). */
  phrases: Record<string, string>;
}

/** The tags a pattern may give per language (`@title.es ...`); English is the tag without a suffix. */
type Translated = 'name' | 'description' | 'title' | 'explanation';

export interface PatternDefinition extends PatternInfo {
  title: string;
  explanation: string;
  /** Its words per language; a language lacking a tag or a phrase falls back to English for it. */
  texts: Record<Language, PatternTexts>;
  query: string;
  /**
   * The form run over the whole graph, when `whole-graph/<id>.cypher` exists: same question and columns,
   * planned for the whole graph (a hash join where the per-entity form walks out from one entity).
   */
  wholeGraphQuery?: string;
  /** Values of the pattern's own parameters (`// @param window 2`), passed with every run. */
  parameters: Record<string, unknown>;
  /**
   * `// @start key`: every row of a finding starts from the first entity of its key (vendor-board-seat's
   * person), so a run for any entity computes each finding it finds whole. Without it, only a run for the
   * key's first entity does (board-interlock's rows start from people, its key is the two bodies).
   */
  startsAtKey: boolean;
  /**
   * `// @contract whole`: a run for a contract computes whole every finding it comes across that shows
   * the contract (pay-to-play: its union for a contract selects every payment between the supplier's
   * side and the officials at the buyer's side, and keeps only the contract's buyer and supplier), so
   * an edit of a contract needs no run from each such finding's first entity (a large supplier's: a minute at 1M).
   */
  wholeForContract: boolean;
}

const REQUIRED = ['name', 'severity', 'description', 'title', 'explanation'] as const;

export function parsePattern(id: string, text: string): PatternDefinition {
  const tags = new Map<string, string>();
  const parameters: Record<string, unknown> = {};
  const phrases = new Map<string, Record<string, string>>(Language.options.map((l) => [l, {}]));
  for (const line of text.split('\n')) {
    const match = /^\/\/\s*@([\w.]+)\s+(.*)$/.exec(line.trim());
    if (!match?.[1] || match[2] === undefined) continue;
    const [tag = '', language = 'en'] = match[1].split('.');
    if (!Language.safeParse(language).success)
      throw new Error(`cypher/patterns/${id}.cypher: "@${match[1]}" names no language we speak (${Language.options.join(', ')})`);
    if (tag === 'phrase') {
      // `// @phrase.es seatOn.board el consejo de {board}`: a key, then the words.
      const phrase = /^([\w-]+\.[\w-]+)\s+(.+)$/.exec(match[2].trim());
      if (!phrase?.[1] || !phrase[2])
        throw new Error(`cypher/patterns/${id}.cypher: "@phrase" needs a key (fact.code) and words`);
      (phrases.get(language) ?? {})[phrase[1]] = phrase[2];
    } else if (language !== 'en') tags.set(`${tag}.${language}`, match[2].trim());
    else if (match[1] === 'param') {
      // `// @param window 2   what it means`: a name, a JSON value, then words for the reader.
      const param = /^(\w+)\s+(\S+)/.exec(match[2].trim());
      if (!param?.[1] || param[2] === undefined)
        throw new Error(`cypher/patterns/${id}.cypher: "@param" needs a name and a value`);
      try {
        parameters[param[1]] = JSON.parse(param[2]);
      } catch {
        throw new Error(`cypher/patterns/${id}.cypher: the value of @param ${param[1]} must be JSON (a number, true, "text")`);
      }
    } else tags.set(match[1], match[2].trim());
  }
  for (const tag of REQUIRED) {
    if (!tags.get(tag)) throw new Error(`cypher/patterns/${id}.cypher: the header lacks "// @${tag} ..."`);
  }
  const start = tags.get('start');
  if (start !== undefined && start !== 'key')
    throw new Error(
      `cypher/patterns/${id}.cypher: "@start" can only be "key" (every row starts from the first entity of the key)`,
    );
  const contract = tags.get('contract');
  if (contract !== undefined && contract !== 'whole')
    throw new Error(
      `cypher/patterns/${id}.cypher: "@contract" can only be "whole" (a run for a contract finds each finding whole)`,
    );
  const severity = Severity.safeParse(tags.get('severity'));
  if (!severity.success) throw new Error(`cypher/patterns/${id}.cypher: @severity must be one of ${Severity.options.join(', ')}`);
  const english = phrases.get('en') ?? {};
  const texts = Object.fromEntries(
    Language.options.map((language) => {
      const own = (tag: Translated) => tags.get(language === 'en' ? tag : `${tag}.${language}`) ?? tags.get(tag) ?? '';
      return [
        language,
        {
          name: own('name'),
          description: own('description'),
          title: own('title'),
          explanation: own('explanation'),
          phrases: { ...english, ...phrases.get(language) },
        },
      ];
    }),
  ) as Record<Language, PatternTexts>;
  return {
    id,
    texts,
    name: tags.get('name') ?? id,
    severity: severity.data,
    description: tags.get('description') ?? '',
    title: tags.get('title') ?? '',
    explanation: tags.get('explanation') ?? '',
    query: text.trim().replace(/;$/, ''),
    parameters,
    startsAtKey: start === 'key',
    wholeForContract: contract === 'whole',
  };
}

/** Every `.cypher` file of a folder (by default `cypher/patterns/`), in file-name order, with its whole-graph form. */
export function loadPatterns(folder = join(CYPHER_DIR, 'patterns')): PatternDefinition[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => {
      const pattern = parsePattern(file.slice(0, -'.cypher'.length), readFileSync(join(folder, file), 'utf8'));
      const whole = join(folder, 'whole-graph', file);
      return existsSync(whole) ? { ...pattern, wholeGraphQuery: readFileSync(whole, 'utf8').trim().replace(/;$/, '') } : pattern;
    });
}
