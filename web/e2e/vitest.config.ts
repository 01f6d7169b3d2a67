import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: headless Chromium (Debian's package, driven by playwright-core)
// through the gateway with a real Keycloak sign-in. Run by ./crm test against the running system.
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.e2e.ts'],
    exclude: ['bench/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    sequence: { concurrent: false },
    reporters: process.env.CRM_TEST_REPORTS
      ? ['default', ['junit', { outputFile: `${process.env.CRM_TEST_REPORTS}/web-browser.xml`, suiteName: 'web browser' }]]
      : ['default'],
  },
});
