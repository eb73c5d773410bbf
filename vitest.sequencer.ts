// Project by project, PostgreSQL's first, and in each the longest files first, so the two workers
// finish together. Vitest's own order uses the durations of the last run when its cache has them
// (.cache/vite), but a clean clone — every CI run — has none and falls back to largest-file-first,
// PGlite's project first, which left the slowest PostgreSQL files (browser walks, the stranger's npm
// install) to the end. The fallback here is the durations of a recent run, kept in
// .ci/test-durations.json (refresh it when files are added or change pace); files it does not know
// run first, as Vitest runs unknown files first. Projects stay together: a worker keeps one module
// graph per project (isolate: false), and interleaving them made every worker import again (+80 s).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const PROJECT_ORDER = ['postgres', 'pglite'];
/** an unknown file sorts before every known one */
const UNKNOWN = 1e12;
const recorded: Record<string, number> = JSON.parse(readFileSync(new URL('./.ci/test-durations.json', import.meta.url), 'utf8'));

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const duration = (spec: TestSpecification): number => {
      const key = `${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`;
      return this.ctx.cache.getFileTestResults(key)?.duration ?? recorded[key] ?? UNKNOWN;
    };
    const project = (spec: TestSpecification) => PROJECT_ORDER.indexOf(spec.project.name);
    return [...files].sort((a, b) => project(a) - project(b) || duration(b) - duration(a));
  }
}
