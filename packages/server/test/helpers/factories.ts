// One-line fixtures over the public API.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp } from './app.js';

export interface RegisteredUser {
  email: string;
  password: string;
  fullName: string;
  userId: string;
  accessToken: string;
  refreshToken: string;
  /** the personal organization created at registration */
  orgId: string;
}

let counter = 0;
export const uniqueEmail = (prefix = 'user') => `${prefix}-${++counter}-${randomBytes(3).toString('hex')}@example.test`;
export const STRONG_PASSWORD = 'quartz-falcon-meadow-42';

export async function registerUser(t: TestApp, overrides: { email?: string; password?: string; fullName?: string } = {}): Promise<RegisteredUser> {
  const email = overrides.email ?? uniqueEmail();
  const password = overrides.password ?? STRONG_PASSWORD;
  const fullName = overrides.fullName ?? 'Test User';
  const res = await t.request('POST', '/api/v1/auth/register', { body: { email, password, full_name: fullName } });
  expect(res.status, res.text).toBe(201);
  const payload = JSON.parse(Buffer.from(res.body.access_token.split('.')[1], 'base64url').toString());
  return {
    email: email.trim().toLowerCase(),
    password,
    fullName,
    userId: res.body.user.id,
    accessToken: res.body.access_token,
    refreshToken: res.body.refresh_token,
    orgId: payload.org_id,
  };
}

export async function login(t: TestApp, email: string, password: string, headers?: Record<string, string>) {
  return t.request('POST', '/api/v1/auth/login', { body: { email, password }, headers });
}

/** Asserts the response is an RFC 9457 problem with the given status and code. */
export function expectProblem(res: { status: number; headers: Headers; body: any; text: string }, status: number, code: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: `urn:saasready:problem:${code}` });
  expect(typeof res.body.title).toBe('string');
  expect(res.text).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack trace
}
