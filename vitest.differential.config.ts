import { defineConfig } from 'vitest/config';

// The differential suite (`npm run test:differential`): real kubectl v1.36.3 and helm (installed by
// scripts/install-kubectl.sh into .tools/bin) against `kube-lite serve`, compared with kube-lite's own
// CLI. It spawns hundreds of processes, so it is kept out of `npm test`: its tests run only when
// KUBE_LITE_DIFFERENTIAL=1 (set here), and report to their own JSON file so .ci/run's one-line summary
// of the main suite is unaffected.
export default defineConfig({
  test: {
    include: ['test/differential/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC', KUBE_LITE_DIFFERENTIAL: '1', KUBE_LITE_FREEZE: '1' },
    globalSetup: ['test/global-setup.ts'],
    // The suites each start servers and many processes; one file at a time on 2 cores.
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: 'build/differential-results.json' },
  },
});
