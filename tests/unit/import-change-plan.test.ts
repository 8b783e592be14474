import { describe, expect, it } from 'vitest';
import { planChanges, sameProperties } from '../../server/services/imports/change-plan.js';

describe('the change plan of an import', () => {
  const row = { id: 'person:a', kind: 'Person' as const, properties: { id: 'person:a', name: 'A', aliases: ['Á'] } };

  it('creates what is new, updates what differs, and leaves the rest alone', () => {
    const plan = planChanges(
      [
        row,
        { ...row, id: 'person:b', properties: { id: 'person:b', name: 'B' } },
        { ...row, id: 'person:c', properties: { id: 'person:c', name: 'C2' } },
      ],
      [],
      new Map([
        ['person:b', { kind: 'Person', properties: { id: 'person:b', name: 'B', aliases: [] } }],
        ['person:c', { kind: 'Person', properties: { id: 'person:c', name: 'C' } }],
      ]),
      new Map(),
    );
    expect(plan.entities.created.map((r) => r.id)).toEqual(['person:a']);
    expect(plan.entities.updated).toEqual([
      { row: expect.objectContaining({ id: 'person:c' }), before: { id: 'person:c', name: 'C' } },
    ]);
    expect(plan.entities.unchanged).toBe(1);
  });

  it('counts a kind change or moved relationship end as an update', () => {
    const plan = planChanges(
      [row],
      [{ id: 'rel:r', type: 'MEMBER_OF', source: 'person:a', target: 'org:new', properties: { id: 'rel:r' } }],
      new Map([['person:a', { kind: 'Organization', properties: row.properties }]]),
      new Map([['rel:r', { source: 'person:a', target: 'org:old', properties: { id: 'rel:r' } }]]),
    );
    expect(plan.entities.updated).toHaveLength(1);
    expect(plan.relationships.updated).toHaveLength(1);
  });

  it('compares lists by value and order', () => {
    expect(sameProperties({ a: ['x', 'y'] }, { a: ['x', 'y'] })).toBe(true);
    expect(sameProperties({ a: ['x', 'y'] }, { a: ['y', 'x'] })).toBe(false);
    expect(sameProperties({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});
