import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '@saasready/contracts';
import { AppError } from './errors.js';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('error catalog', () => {
  it('knows every code the server source throws, and AppError no longer takes a title', () => {
    const thrown = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/new AppError\(\s*(['"`])([^'"`]+)\1(\s*[,)])?/g)) {
        thrown.add(match[2]!);
        // The second argument is the detail: a title literal equal to the catalog's means a call
        // site still passes one.
        const rest = text.slice(match.index! + match[0].length).trimStart();
        const next = /^(['"`])([^'"`]*)\1/.exec(rest)?.[2];
        expect(next, `${file}: ${match[2]}`).not.toBe(ERROR_CODES[match[2] as ErrorCode]?.title);
      }
    }
    expect(thrown.size).toBeGreaterThan(40);
    const unknown = [...thrown].filter((code) => !(code in ERROR_CODES));
    expect(unknown).toEqual([]);
  });

  it('gives each code one status and one title', () => {
    for (const [code, { status, title }] of Object.entries(ERROR_CODES)) {
      expect(status >= 400 && status < 600, code).toBe(true);
      expect(title.trim(), code).not.toBe('');
    }
  });

  it('builds an AppError from the catalog entry', () => {
    const error = new AppError('organization.not_found');
    expect([error.status, error.title, error.detail, error.message]).toEqual([404, 'Organization not found', undefined, 'Organization not found']);
    const withDetail = new AppError('membership.last_owner', 'Keep one owner.');
    expect([withDetail.status, withDetail.title, withDetail.message]).toEqual([409, 'Last owner', 'Keep one owner.']);
  });
});
