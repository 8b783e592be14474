/**
 * Conflict patterns are `.cypher` files in `cypher/patterns/`, each with a header of `// @tag value`
 * lines (see cypher/patterns/README.md). Adding a file adds a pattern; no TypeScript changes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Severity, type PatternInfo } from '../../../schemas/index.js';
import { CYPHER_DIR } from '../../db/cypher-files.js';

export interface PatternDefinition extends PatternInfo {
  title: string;
  explanation: string;
  query: string;
  /** Values of the pattern's own parameters (`// @param window 2`), passed with every run. */
  parameters: Record<string, unknown>;
}

const REQUIRED = ['name', 'severity', 'description', 'title', 'explanation'] as const;

export function parsePattern(id: string, text: string): PatternDefinition {
  const tags = new Map<string, string>();
  const parameters: Record<string, unknown> = {};
  for (const line of text.split('\n')) {
    const match = /^\/\/\s*@(\w+)\s+(.*)$/.exec(line.trim());
    if (!match?.[1] || match[2] === undefined) continue;
    if (match[1] === 'param') {
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
  const severity = Severity.safeParse(tags.get('severity'));
  if (!severity.success) throw new Error(`cypher/patterns/${id}.cypher: @severity must be one of ${Severity.options.join(', ')}`);
  return {
    id,
    name: tags.get('name') ?? id,
    severity: severity.data,
    description: tags.get('description') ?? '',
    title: tags.get('title') ?? '',
    explanation: tags.get('explanation') ?? '',
    query: text.trim().replace(/;$/, ''),
    parameters,
  };
}

/** Every `.cypher` file of a folder (by default `cypher/patterns/`), in file-name order. */
export function loadPatterns(folder = join(CYPHER_DIR, 'patterns')): PatternDefinition[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => parsePattern(file.slice(0, -'.cypher'.length), readFileSync(join(folder, file), 'utf8')));
}
