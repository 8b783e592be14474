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

  it('holds the new vocabulary in realistic proportions: money paid (mostly donations), memberships, stakes, family, lobbying', () => {
    const share = new Map<string, number>();
    for (const r of graph.relationships) share.set(r.type, (share.get(r.type) ?? 0) + 1 / graph.relationships.length);
    // Contracts (buyer and vendor links) and roles stay the bulk, as in USAspending and LittleSis.
    expect((share.get('BUYER_OF') ?? 0) + (share.get('AWARDED_TO') ?? 0)).toBeGreaterThan(0.4);
    expect((share.get('HOLDS_POSITION') ?? 0) + (share.get('SITS_ON_BOARD') ?? 0)).toBeGreaterThan(0.25);
    for (const [type, least] of [
      ['PAID', 0.03],
      ['MEMBER_OF', 0.01],
      ['OWNS', 0.008],
      ['FAMILY_OF', 0.005],
      ['LOBBIES', 0.003],
      ['REPRESENTS', 0.001],
      ['ASSOCIATE_OF', 0.001],
    ] as const)
      expect(share.get(type) ?? 0, type).toBeGreaterThan(least);
    const paid = graph.relationships.filter((r) => r.type === 'PAID');
    const donations = paid.filter((r) => r.type === 'PAID' && r.paymentKind === 'donation');
    expect(donations.length).toBeGreaterThan(paid.length / 2);
    expect(paid.every((r) => r.type === 'PAID' && r.amount !== undefined && r.currency === 'USD')).toBe(true);
  });

  it('never ties a person to themselves', () => {
    const personal = graph.relationships.filter((r) => ['FAMILY_OF', 'ASSOCIATE_OF', 'REPRESENTS'].includes(r.type));
    expect(personal.length).toBeGreaterThan(0);
    expect(personal.filter((r) => r.source === r.target)).toEqual([]);
  });
});
