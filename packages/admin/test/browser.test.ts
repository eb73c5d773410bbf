// ensureChromium's refusals (the install itself is what a fresh machine's `npm test` exercises).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureChromium } from './browser.js';

describe('ensureChromium', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('names a CHROMIUM_PATH that does not exist instead of installing over it', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chromium-for-test');
    expect(await ensureChromium()).toEqual({ ok: false, reason: 'CHROMIUM_PATH=/nonexistent/chromium-for-test does not exist' });
  });

  it('is satisfied by a browser that is there, installing nothing', async () => {
    vi.stubEnv('CHROMIUM_PATH', process.execPath);
    expect(await ensureChromium()).toEqual({ ok: true, installed: false });
  });
});
