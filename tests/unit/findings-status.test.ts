/**
 * What /api/conflicts/status says while a full recomputation runs: `updating` with its progress until
 * its generation is served, then `current`, although the run still holds its lease while it removes the
 * generation it replaced (minutes at 1M relationships).
 */
import { describe, expect, it } from 'vitest';
import { statusOf } from '../../server/services/findings/service.js';
import type { FindingsState, FullProgress } from '../../server/services/findings/store.js';

const startedAt = '2026-12-03T10:00:00.000Z';
const progress: FullProgress = { startedAt, patternsDone: 8, patternsTotal: 8, findings: 1200, failed: [] };
const inOneMinute = () => new Date(Date.now() + 60_000).toISOString();
const running: FindingsState = {
  generation: 4,
  graphVersion: '500|audit:b',
  cursorAt: '',
  seenIds: [],
  fullOwner: 'host:1:abc',
  fullUntil: inOneMinute(),
  progress: JSON.stringify(progress),
  fullComputedFrom: '2026-12-02T09:00:00.000Z',
};

describe('the status of the stored findings during a full recomputation', () => {
  it('is updating, with its progress, while the generation being built is not served yet', () => {
    const status = statusOf(running, '500|audit:b');
    expect(status.status).toBe('updating');
    expect(status.progress).toMatchObject({ done: 8, total: 8, findings: 1200 });
  });

  it('is current once the run has served its generation, while it removes the one it replaced', () => {
    const flipped = { ...running, generation: 5, fullComputedFrom: startedAt };
    const status = statusOf(flipped, '500|audit:b');
    expect(status.status).toBe('current');
    expect(status.progress).toBeNull();
    // The graph changed meanwhile: not current, whatever the run is doing.
    expect(statusOf(flipped, '501|audit:c').status).toBe('updating');
  });

  it('is updating again when the same lease starts another run', () => {
    const next = { ...progress, startedAt: '2026-12-03T10:30:00.000Z', patternsDone: 1 };
    const status = statusOf({ ...running, fullComputedFrom: startedAt, progress: JSON.stringify(next) }, '500|audit:b');
    expect(status.status).toBe('updating');
    expect(status.progress).toMatchObject({ done: 1 });
  });
});
