import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The reliability suite spawns hundreds of processes (`npm run test:reliability`); the differential
    // suite needs real kubectl (`npm run test:differential`).
    exclude: [...configDefaults.exclude, 'test/reliability/**', 'test/differential/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Stored objects frozen, so a change made in place to one throws (src/store/memory-store.ts).
    env: { TZ: 'UTC', KUBE_LITE_FREEZE: '1' },
    globalSetup: ['test/global-setup.ts'],
    // The JSON report lets .ci/run print a one-line summary.
    reporters: ['default', 'json'],
    outputFile: { json: 'build/test-results.json' },
  },
});
