/**
 * Cypher lives in `cypher/` as one readable file per query, loaded by name. Files are read once and
 * cached; a missing name is a programming error and throws at first use.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

const cache = new Map<string, string>();

/** The text of `cypher/<name>.cypher`, e.g. `cypher('queries/search')`. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    // A trailing ';' lets the file run as-is in Neo4j Browser; the driver takes one statement without it.
    text = readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8')
      .trim()
      .replace(/;$/, '');
    cache.set(name, text);
  }
  return text;
}

/** All `.cypher` files of a folder of `cypher/`, sorted by file name, as `{name, text}`. */
export function cypherFolder(folder: string): { name: string; text: string }[] {
  return readdirSync(join(CYPHER_DIR, folder))
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => ({
      name: `${folder}/${file.slice(0, -'.cypher'.length)}`,
      text: cypher(`${folder}/${file.slice(0, -'.cypher'.length)}`),
    }));
}

/**
 * Split a schema file into statements: statements end with `;` at the end of a line; `//` comment
 * lines are dropped. Schema files hold no string literals containing `;`+newline, so this suffices.
 */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
