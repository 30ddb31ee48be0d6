import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/outside-paths.ts'],
    pool: 'forks',
    testTimeout: 60_000,
  },
});
