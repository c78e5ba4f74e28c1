import { defineConfig } from 'vitest/config';

// The alerts scenario test simulates 102 days of a 10%-scale plan, and the demo test the default
// demo's four weeks at 15% (minutes of work on a fresh machine), so they run on their own with
// `npm run test:scenario`, not in `npm test`.
const scenario = process.env.LEAK_SCENARIO_TESTS === '1';

export default defineConfig({
  test: {
    include: scenario ? ['test/src/alerts/scenario.test.ts', 'test/src/alerts/demo.test.ts'] : ['test/**/*.test.ts'],
    exclude: scenario ? [] : ['test/src/alerts/scenario.test.ts', 'test/src/alerts/demo.test.ts', 'node_modules/**'],
    testTimeout: scenario ? 1_800_000 : 30_000,
    hookTimeout: scenario ? 1_800_000 : 30_000,
    pool: 'forks',
  },
});
