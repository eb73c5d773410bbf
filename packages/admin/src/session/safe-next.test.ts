import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
  it.each([
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' /orgs/x',
    '/\t/evil.example',
    '/\n/evil.example',
    '/a/..//evil.example',
    'evil.example',
    '',
    null,
    undefined,
  ])('%j goes to the default page', (raw) => {
    expect(safeNext(raw)).toBe('/');
  });

  it.each([
    ['/orgs/x', '/orgs/x'],
    ['/orgs/x/members?tab=invites#top', '/orgs/x/members?tab=invites#top'],
    ['/accept-invite?token=abc', '/accept-invite?token=abc'],
    ['/', '/'],
  ])('%j is followed', (raw, expected) => {
    expect(safeNext(raw)).toBe(expected);
  });
});
