// Orders the test files of both projects as one queue, longest first, so the two workers finish
// together. Vitest's own order needs its duration cache, which a clean clone (CI) does not have:
// there it runs files in glob order, one project after the other, and a long file that starts last
// (the CLI walk, the stranger install) lengthens the whole run by its own duration.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Seconds each slow file took in CI on 2 cores (2026-12-05); anything unlisted counts as 4 s. */
const EXPECTED_SECONDS: Record<string, number> = {
  'pglite:packages/server/src/cli.test.ts': 80,
  'postgres:packages/sdk/test/stranger.test.ts': 61,
  'postgres:packages/server/test/faults.test.ts': 34,
  'postgres:packages/server/src/cli.test.ts': 30,
  'pglite:packages/server/src/modules/lockout/lockout.test.ts': 29,
  'postgres:packages/admin/test/dashboard.e2e.test.ts': 28,
  'pglite:packages/server/src/modules/mail/outbox.test.ts': 25,
  'pglite:packages/server/src/modules/audit-logs/audit-logs.test.ts': 23,
  'pglite:packages/server/test/fuzz.test.ts': 20,
  'postgres:packages/server/test/fuzz.test.ts': 15,
  'postgres:packages/server/src/modules/audit-logs/audit-logs.test.ts': 15,
  'pglite:packages/server/src/modules/auth/brute-force.test.ts': 15,
  'postgres:packages/server/src/modules/lockout/lockout.test.ts': 14,
  'pglite:packages/server/src/modules/invitations/invitations.test.ts': 14,
  'postgres:packages/server/src/modules/mail/outbox.test.ts': 12,
  'pglite:packages/server/src/cache/cache.test.ts': 12,
};
const UNLISTED_SECONDS = 4;

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const expected = (spec: TestSpecification): number => {
      const key = `${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`;
      // a duration this checkout measured itself beats the table
      const measured = this.ctx.cache.getFileTestResults(key)?.duration;
      return measured !== undefined ? measured / 1000 : (EXPECTED_SECONDS[key] ?? UNLISTED_SECONDS);
    };
    return [...files].sort((a, b) => expected(b) - expected(a));
  }
}
