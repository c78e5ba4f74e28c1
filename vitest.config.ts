import { defineConfig } from 'vitest/config';

// The alerts scenario test simulates 102 days of a 10%-scale plan (minutes of work on a fresh
// machine), so it runs on its own with `npm run test:scenario`, not in `npm test`.
const scenario = process.env.LEAK_SCENARIO_TESTS === '1';

export default defineConfig({
  test: {
    include: scenario ? ['test/src/alerts/scenario.test.ts'] : ['test/**/*.test.ts'],
    exclude: scenario ? [] : ['test/src/alerts/scenario.test.ts', 'node_modules/**'],
    testTimeout: scenario ? 1_800_000 : 30_000,
    hookTimeout: scenario ? 1_800_000 : 30_000,
    pool: 'forks',
    globalSetup: ['test/helpers/nats-notice.ts'],
  },
});
