import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // Workspace packages run from their sources in tests (as tsconfig's customConditions type-checks them);
  // the packed tarball's compiled dist/ is tested by test/package/.
  resolve: {
    alias: [
      { find: /^lambda-gateway$/, replacement: source('./packages/gateway/src/index.ts') },
      { find: /^lambda-gateway\/node$/, replacement: source('./packages/gateway/src/adapters/node/index.ts') },
      { find: /^lambda-gateway\/worker$/, replacement: source('./packages/gateway/src/adapters/worker/index.ts') },
      { find: /^@lambda-gateway\/local-aws$/, replacement: source('./packages/local-aws/src/index.ts') },
      { find: /^@lambda-gateway\/worker-dev$/, replacement: source('./packages/worker-dev/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Integration suites start real servers on loopback; keep parallelism modest on 2 cores.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
