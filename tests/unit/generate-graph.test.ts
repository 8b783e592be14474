import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../scripts/generate-graph.js';
import { checkReferences, parseInterlockFile } from '../../server/services/import-validation.js';

describe('the generated benchmark graph', () => {
  const graph = generateGraph(5_000, 3);

  it('is the same for the same seed and different for another', () => {
    expect(JSON.stringify(generateGraph(5_000, 3))).toBe(JSON.stringify(graph));
    expect(JSON.stringify(generateGraph(5_000, 4))).not.toBe(JSON.stringify(graph));
  });

  it('is a valid import with exactly the relationships asked for, every one cited', () => {
    const parsed = parseInterlockFile(graph);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(checkReferences(parsed.file, new Map())).toEqual([]);
    expect(parsed.file.relationships).toHaveLength(5_000);
    expect(new Set(parsed.file.relationships.map((r) => r.id)).size).toBe(5_000);
    expect(parsed.file.relationships.every((r) => r.citations.length > 0)).toBe(true);
  });

  it('has hubs: the busiest vendor wins many times the median vendor’s contracts', () => {
    const wins = new Map<string, number>();
    for (const r of graph.relationships) if (r.type === 'AWARDED_TO') wins.set(r.target, (wins.get(r.target) ?? 0) + 1);
    const counts = [...wins.values()].sort((a, b) => a - b);
    expect(counts.at(-1)!).toBeGreaterThan(20 * counts[Math.floor(counts.length / 2)]!);
  });

  it('names people the way a search would meet them: shared first names and surnames, accents, Arabic script', () => {
    const people = graph.entities.filter((e) => e.kind === 'Person').map((e) => e.name);
    const firstNames = new Set(people.map((n) => n.split(' ')[0]));
    expect(firstNames.size).toBeLessThan(people.length / 5);
    expect(people.some((n) => /[áéíóúñöäë]/i.test(n))).toBe(true);
    expect(people.some((n) => /\p{Script=Arabic}/u.test(n))).toBe(true);
    const organizations = graph.entities.filter((e) => e.kind === 'Organization').map((e) => e.name);
    expect(new Set(organizations).size).toBe(organizations.length);
  });
});
