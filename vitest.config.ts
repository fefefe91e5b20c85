import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Integration suites start real servers on loopback; keep parallelism modest on 2 cores.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
