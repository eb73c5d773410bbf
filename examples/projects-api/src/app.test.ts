// The example app against a real SaaSReady server started by the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createOrgWithMembers, startTestApp, type OrgFixture, type TestApp } from '@saasready/test-kit';
import { buildProjectsApi } from './app.js';

let saasready: TestApp;
let api: FastifyInstance;
let base: string;
let f: OrgFixture;
let other: OrgFixture;

beforeAll(async () => {
  saasready = await startTestApp();
  api = buildProjectsApi({ issuer: saasready.config.issuer, jwksUrl: `${saasready.baseUrl}/.well-known/jwks.json`, baseUrl: saasready.baseUrl, acceptApiKeys: true });
  await api.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(api.server.address() as { port: number }).port}`;
  f = await createOrgWithMembers(saasready, 'Projects Co');
  other = await createOrgWithMembers(saasready, 'Other Projects Co');
});
afterAll(async () => {
  await api.close();
  await saasready.close();
});

/** A token scoped to the fixture organization (tokens start scoped to the personal organization). */
async function tokenIn(orgId: string, accessToken: string): Promise<string> {
  const res = await saasready.request('POST', '/api/v1/auth/switch-org', { token: accessToken, body: { org_id: orgId } });
  expect(res.status, res.text).toBe(200);
  return res.body.access_token;
}

const call = async (method: string, path: string, token?: string, body?: unknown) => {
  const res = await fetch(base + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, type: res.headers.get('content-type') };
};

describe('projects API protected by the SDK', () => {
  it('lets members with org.update create and list projects in their organization only', async () => {
    const admin = await tokenIn(f.orgId, f.admin.accessToken);
    const created = await call('POST', `/orgs/${f.orgId}/projects`, admin, { name: 'Apollo' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ organization_id: f.orgId, name: 'Apollo', created_by: f.admin.userId });
    const viewer = await tokenIn(f.orgId, f.viewer.accessToken);
    expect((await call('GET', `/orgs/${f.orgId}/projects`, viewer)).body.map((p: any) => p.name)).toEqual(['Apollo']);
    // a Viewer cannot write; a Member cannot delete
    const denied = await call('POST', `/orgs/${f.orgId}/projects`, viewer, { name: 'Nope' });
    expect(denied.status).toBe(403);
    expect(denied.type).toContain('application/problem+json');
    expect(denied.body.code).toBe('permission_denied');
    const member = await tokenIn(f.orgId, f.member.accessToken);
    expect((await call('DELETE', `/orgs/${f.orgId}/projects/${created.body.id}`, member)).status).toBe(403);
    // the Owner can
    const owner = await tokenIn(f.orgId, f.owner.accessToken);
    expect((await call('PATCH', `/orgs/${f.orgId}/projects/${created.body.id}`, owner, { name: 'Apollo 2' })).body.name).toBe('Apollo 2');
    expect((await call('DELETE', `/orgs/${f.orgId}/projects/${created.body.id}`, owner)).status).toBe(204);
  });

  it('keeps tenants apart: a token of another organization is refused', async () => {
    const outsider = await tokenIn(other.orgId, other.owner.accessToken);
    expect((await call('GET', `/orgs/${f.orgId}/projects`, outsider)).status).toBe(403);
    expect((await call('POST', `/orgs/${f.orgId}/projects`, outsider, { name: 'Intrusion' })).status).toBe(403);
  });

  it('refuses missing, forged and expired credentials with 401', async () => {
    expect((await call('GET', `/orgs/${f.orgId}/projects`)).status).toBe(401);
    const forged = (await tokenIn(f.orgId, f.owner.accessToken)).slice(0, -6) + 'AAAAAA';
    expect((await call('GET', `/orgs/${f.orgId}/projects`, forged)).body.code).toBe('auth.invalid_token');
  });

  it('accepts an organization API key, verified by the server', async () => {
    const key = await saasready.request('POST', `/api/v1/orgs/${f.orgId}/api-keys`, { token: f.owner.accessToken, body: { name: 'ci', permissions: ['org.read', 'org.update'] } });
    expect((await call('POST', `/orgs/${f.orgId}/projects`, key.body.raw_key, { name: 'From CI' })).status).toBe(201);
    expect((await call('GET', `/orgs/${other.orgId}/projects`, key.body.raw_key)).status).toBe(403);
    await saasready.request('DELETE', `/api/v1/orgs/${f.orgId}/api-keys/${key.body.id}`, { token: f.owner.accessToken });
    const fresh = await saasready.request('POST', `/api/v1/orgs/${f.orgId}/api-keys`, { token: f.owner.accessToken, body: { name: 'ro', permissions: ['org.read'] } });
    expect((await call('POST', `/orgs/${f.orgId}/projects`, fresh.body.raw_key, { name: 'x' })).status).toBe(403);
  });
});
