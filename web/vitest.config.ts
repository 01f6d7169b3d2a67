import { defineConfig } from 'vitest/config';

// Unit tests of the UI logic (board move rules, column config, filters, formatting) and component
// tests (jsdom, per file: `// @vitest-environment jsdom`) of the forms whose behaviour is not plain logic.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // component tests render antd in jsdom: seconds each on a busy 2-core machine (a ceiling, not a wait)
    testTimeout: 30_000,
    reporters: process.env.CRM_TEST_REPORTS
      ? ['default', ['junit', { outputFile: `${process.env.CRM_TEST_REPORTS}/web-unit.xml`, suiteName: 'web unit' }]]
      : ['default'],
  },
});
