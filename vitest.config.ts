import { defineConfig } from 'vitest/config';

// Every suite runs on PGlite; when TEST_DATABASE_URL is set (as .ci/run does) it runs again on PostgreSQL.
const databases = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  // Outside node_modules, so the results cache survives `npm ci` (.ci/run): files run longest-first
  // by their last duration and the two workers finish together, instead of largest-file-first.
  cacheDir: '.cache/vite',
  test: {
    projects: databases.map((db) => ({
      extends: true,
      test: {
        name: db,
        env: { TEST_DB: db },
        include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/*/src/**/*.test.ts'],
        globalSetup: ['packages/server/test/helpers/global-setup.ts'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
      },
    })),
    pool: 'forks',
    maxWorkers: 2,
  },
});
