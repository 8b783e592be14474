import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // Everything that needs a real Neo4j (and, for e2e and some attacks, Chromium) shares one database
        // started once; tests/security runs the attacks of issue 12 end to end.
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/security/**/*.test.ts', 'tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/neo4j.global.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          // One database, two cores: run files one after another so timings and data stay predictable.
          fileParallelism: false,
        },
      },
    ],
  },
});
