import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // `import … from 'lambda-gateway'` (examples/) runs the sources, as tsconfig's customConditions type-checks them.
  resolve: {
    alias: [
      { find: /^lambda-gateway$/, replacement: source('./src/index.ts') },
      { find: /^lambda-gateway\/worker$/, replacement: source('./src/worker/index.ts') },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Integration suites start real servers on loopback; keep parallelism modest on 2 cores.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
