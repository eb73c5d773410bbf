import { expect, it } from 'vitest';
import { ADVISORY_LOCKS } from './advisory-locks.js';

it('gives every feature an advisory lock of its own', () => {
  const ids = Object.values(ADVISORY_LOCKS);
  expect(new Set(ids).size).toBe(ids.length);
});
