import { defineConfig } from 'vitest/config';

// The reliability suite (`npm run test:reliability`): spawns the real bin/kube-lite (built by
// `npm install`). Kept out of `npm test`; its JSON report goes to its own file so .ci/run's summary
// of the main suite is unaffected.
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    testTimeout: 200_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC', KUBE_LITE_FREEZE: '1' },
    globalSetup: ['test/global-setup.ts', 'test/reliability/setup.ts'],
    // The spawning files each load the machine; running them one at a time keeps the timing honest.
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: 'build/reliability-results.json' },
  },
});
