/**
 * How a page of one entity's stored findings is read (server/services/findings/entity-page.ts): by
 * walking every finding in order for a hub, by sorting its own for anyone else.
 */
import { describe, expect, it } from 'vitest';
import { walkInOrder } from '../../server/services/findings/entity-page.js';

describe('reading one entity’s page of findings', () => {
  it('walks every finding in order for the largest contractor at 1M relationships', () => {
    // 465,225 of 1,246,342 findings: a page of 50 examined 58 findings instead of sorting 465,225.
    expect(walkInOrder({ entity: 465_225, all: 1_246_342, offset: 0, limit: 50 })).toBe(true);
    expect(walkInOrder({ entity: 465_225, all: 1_246_342, offset: 10_000, limit: 50 })).toBe(true);
  });

  it('sorts its own findings for an entity in a few of them, or when the page asked is everything', () => {
    expect(walkInOrder({ entity: 40, all: 1_246_342, offset: 0, limit: 50 })).toBe(false);
    expect(walkInOrder({ entity: 465_225, all: 1_246_342, offset: 0, limit: 100_000 })).toBe(false);
    expect(walkInOrder({ entity: 0, all: 0, offset: 0, limit: 1 })).toBe(false);
  });

  it('turns at the entity’s findings where walking in order examines as many as it has', () => {
    // 4 × 1,000,000 × 50 = 14,142.1²
    expect(walkInOrder({ entity: 14_142, all: 1_000_000, offset: 0, limit: 50 })).toBe(false);
    expect(walkInOrder({ entity: 14_143, all: 1_000_000, offset: 0, limit: 50 })).toBe(true);
  });
});
