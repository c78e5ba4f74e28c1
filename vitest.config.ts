import os from 'node:os';
import { defineConfig } from 'vitest/config';

// The alerts scenario test simulates 102 days of a 10%-scale plan, and the demo test the default
// demo's four weeks at 15% (minutes of work on a fresh machine), so they run on their own with
// `npm run test:scenario`, not in `npm test`.
const scenario = process.env.LEAK_SCENARIO_TESTS === '1';

export default defineConfig({
  test: {
    include: scenario ? ['test/src/alerts/scenario.test.ts', 'test/src/alerts/demo.test.ts'] : ['test/**/*.test.ts'],
    exclude: scenario ? [] : ['test/src/alerts/scenario.test.ts', 'test/src/alerts/demo.test.ts', 'node_modules/**'],
    // Bounds that only catch a hang: no test waits on the clock, so a busy machine only makes them later.
    testTimeout: scenario ? 1_800_000 : 60_000,
    hookTimeout: scenario ? 1_800_000 : 60_000,
    pool: 'forks',
    // Every core (vitest's default leaves one idle), and test files share each worker's loaded modules
    // instead of importing the app afresh per file: that import was a third of the suite's time.
    // Tests keep no state in modules: each builds its own store, app and fake Slack.
    maxWorkers: os.availableParallelism(),
    isolate: false,
    globalSetup: ['test/global-setup.ts', 'test/helpers/nats-notice.ts'],
  },
});
