import { defineConfig } from 'vitest/config';

// On-demand measurements (not part of ./crm test): npm run bench:board against ./crm up.
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.measure.ts'],
    environment: 'node',
    testTimeout: 900_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
