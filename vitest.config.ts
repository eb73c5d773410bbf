import { configDefaults, defineConfig } from 'vitest/config';
import { LongestFirst } from './vitest.sequencer.js';

// Every suite runs on PGlite; when TEST_DATABASE_URL is set (as .ci/run does) it runs again on PostgreSQL.
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
const databases = ['pglite', ...(withPostgres ? ['postgres'] : [])];

// Files whose every test would do the same thing in both projects, or that test one database only, run
// in one project. Those of one database also skip themselves elsewhere (`describe.runIf`), so a file
// run alone still does the right thing; listing them here saves importing a file only to skip it.
// Without TEST_DATABASE_URL every file runs on PGlite.
const RUN_ONCE = {
  /** no database at all (configuration, pure helpers, templates), or PGlite's own files on disk */
  pglite: [
    'packages/admin/src/session/safe-next.test.ts',
    'packages/admin/test/browser.test.ts',
    'packages/server/src/config.test.ts',
    'packages/server/src/lib/errors.test.ts',
    'packages/server/src/lib/ip-source.test.ts',
    'packages/server/src/modules/mail/templates.test.ts',
    'packages/server/src/modules/webhooks/ssrf.test.ts',
    'packages/server/src/db/owner-only.test.ts',
    'packages/server/src/db/data-dir-lock.test.ts',
    'packages/server/test/repository.test.ts',
    'packages/server/test/openapi-lint.test.ts',
  ],
  /**
   * PostgreSQL's own faults and replicas; the slow whole-product walks; and the SDKs' and the example
   * app's suites, whose subject is the client side of HTTP (the server under them is tested on both)
   * — run on the production database when there is one
   */
  postgres: [
    'packages/sdk/src/client/client.test.ts',
    'packages/sdk/src/client/cookie-mode.test.ts',
    'packages/sdk/src/client/sso.test.ts',
    'packages/sdk/src/client/types-drift.test.ts',
    'packages/sdk/src/verifier.test.ts',
    'packages/sdk/src/webhooks.test.ts',
    'examples/projects-api/src/app.test.ts',
    'packages/server/test/faults.test.ts',
    'packages/server/test/read-replica.test.ts',
    'packages/sdk/test/stranger.test.ts',
    'packages/admin/test/dashboard.e2e.test.ts',
    'packages/admin/test/failure-and-safety.e2e.test.ts',
    'packages/admin/test/sso.e2e.test.ts',
    'packages/server/test/sso-replay.test.ts',
    'packages/server/test/webhooks-crash.test.ts',
    'packages/server/test/webhooks-two-processes.test.ts',
    'packages/server/test/scim-deprovision.test.ts',
    'packages/bench/src/seed-scale.test.ts',
  ],
};
const elsewhere = (db: string): string[] => (withPostgres ? (db === 'pglite' ? RUN_ONCE.postgres : RUN_ONCE.pglite) : []);

export default defineConfig({
  // Outside node_modules, so the results cache survives `npm ci` (.ci/run): files run longest-first
  // by their last duration (vitest.sequencer.ts; a clean clone uses .ci/test-durations.json).
  cacheDir: '.cache/vite',
  test: {
    projects: databases.map((db) => ({
      extends: true,
      test: {
        name: db,
        env: { TEST_DB: db },
        include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/*/src/**/*.test.ts'],
        exclude: [...configDefaults.exclude, ...elsewhere(db)],
        globalSetup: ['packages/server/test/helpers/global-setup.ts'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
      },
    })),
    pool: 'forks',
    // One module graph per worker, not per file: importing the server's graph again for each of
    // ~200 file runs cost ~270 s of the two workers' time. Files share no state but what they create.
    isolate: false,
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
  },
});
