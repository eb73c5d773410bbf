// The OpenAPI document is an artifact others build on (generated clients, gateways, docs): it passes
// Redocly's `recommended` ruleset (redocly.yaml at the repository root; each waived rule says why),
// every operation has a stable, unique operationId and tags, every response a description, and the
// root paths say that they are not under /api/v1.
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConfig, lintFromString, loadConfig, type NormalizedProblem } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_TYPES } from '@saasready/contracts';
import { startTestApp, type TestApp } from './helpers/app.js';

const REDOCLY_YAML = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../redocly.yaml');
const PUBLIC_URL = 'https://auth.saasready.test';
const OPERATION_ID = /^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const ROOT_PATHS = ['/healthz', '/readyz', '/metrics', '/.well-known/jwks.json'];

interface Operation {
  method: string;
  path: string;
  operationId?: string;
  tags?: string[];
  description?: string;
  responses: Record<string, { description?: string }>;
}

// The document does not depend on the database: one project is enough.
describe.runIf(process.env.TEST_DB !== 'postgres')('the OpenAPI document', () => {
  let t: TestApp;
  let spec: any;
  let operations: Operation[];
  beforeAll(async () => {
    t = await startTestApp({ publicUrl: PUBLIC_URL });
    spec = t.app.swagger();
    operations = Object.entries(spec.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.entries(item).filter(([method]) => METHODS.includes(method)).map(([method, op]) => ({ method, path, ...op })),
    );
  });
  afterAll(() => t.close());

  it('passes Redocly’s recommended rules with no error and no warning that redocly.yaml does not waive', async () => {
    // written to a file as the CLI would read it, so a failure can be reproduced with `npx @redocly/cli lint <file>`
    const dir = await mkdtemp(join(tmpdir(), 'saasready-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      const source = JSON.stringify(spec, null, 2);
      await writeFile(file, source);
      const config = await loadConfig({ configPath: REDOCLY_YAML });
      const problems = await lintFromString({ source, absoluteRef: file, config });
      const report = (p: NormalizedProblem) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(', ')}`;
      expect(problems.filter((p) => p.severity !== 'off' as string).map(report)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is linted for real: the same rules without redocly.yaml flag what it waives', async () => {
    const problems = await lintFromString({ source: JSON.stringify(spec), absoluteRef: 'openapi.json', config: await createConfig({ extends: ['recommended'] }) });
    // the waived rules fire on the root probes (no 4xx) and the SSO redirects (no 2xx) only
    expect([...new Set(problems.map((p) => p.ruleId))].sort()).toEqual(['operation-2xx-response', 'operation-4xx-response']);
    expect(problems.filter((p) => p.ruleId === 'operation-4xx-response').map((p) => p.location[0]!.pointer).sort()).toEqual(['#/paths/~1.well-known~1jwks.json/get/responses', '#/paths/~1healthz/get/responses', '#/paths/~1readyz/get/responses']);
    expect(problems.filter((p) => p.ruleId === 'operation-2xx-response').map((p) => p.location[0]!.pointer).sort()).toEqual([
      '#/paths/~1api~1v1~1sso~1authorize/get/responses', '#/paths/~1api~1v1~1sso~1oidc~1{connection_id}~1callback/get/responses', '#/paths/~1api~1v1~1sso~1saml~1{connection_id}~1acs/post/responses',
    ]);
  });

  it('gives every operation a unique operationId of dotted lowerCamel segments, and tags', () => {
    expect(operations.length).toBeGreaterThan(60);
    const ids = operations.map((op) => op.operationId);
    for (const op of operations) {
      expect(op.operationId, `${op.method} ${op.path}`).toMatch(OPERATION_ID);
      expect(op.tags?.length, `${op.method} ${op.path}`).toBeGreaterThan(0);
      for (const tag of op.tags!) expect(spec.tags.map((t: { name: string }) => t.name), `${op.method} ${op.path}`).toContain(tag);
    }
    expect(new Set(ids).size).toBe(ids.length);
    // the names generated clients get: a few, spelled out
    const byRoute = Object.fromEntries(operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op.operationId]));
    expect(byRoute).toMatchObject({
      'POST /api/v1/auth/login': 'auth.login',
      'GET /api/v1/orgs/{org_id}/members': 'orgs.members.list',
      'DELETE /api/v1/auth/sessions/{id}': 'sessions.revoke',
      'GET /healthz': 'operations.liveness',
    });
  });

  it('describes every response (no "Default Response") and every /api/v1 operation’s 4xx problems', () => {
    for (const op of operations) {
      const where = `${op.method} ${op.path}`;
      for (const [status, response] of Object.entries(op.responses)) {
        expect(response.description, `${where} ${status}`).toBeTruthy();
        expect(response.description, `${where} ${status}`).not.toBe('Default Response');
      }
      if (op.path.startsWith('/api/v1/')) expect(Object.keys(op.responses), where).toEqual(expect.arrayContaining(['400', '401', '429']));
    }
  });

  it('marks a request body optional exactly where the route accepts none (its schema accepts {})', () => {
    const refresh = spec.paths['/api/v1/auth/refresh'].post.requestBody;
    expect(refresh.required).toBe(false);
    expect(spec.paths['/api/v1/auth/login'].post.requestBody.required).toBe(true);
    for (const op of operations as Array<Operation & { requestBody?: any }>) {
      const schema = op.requestBody?.content['application/json'].schema;
      if (!schema) continue;
      const acceptsEmpty = !schema.required?.length && !schema.minProperties;
      expect(op.requestBody.required, `${op.method} ${op.path}`).toBe(!acceptsEmpty);
    }
  });

  it('documents every webhook event in the webhooks section: the signed headers and the envelope with its data', () => {
    expect(Object.keys(spec.webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    for (const [type, item] of Object.entries(spec.webhooks as Record<string, any>)) {
      expect(item.post.parameters.map((p: any) => p.name)).toEqual(['webhook-id', 'webhook-timestamp', 'webhook-signature']);
      const schema = item.post.requestBody.content['application/json'].schema;
      expect(schema.required).toEqual(expect.arrayContaining(['id', 'type', 'created_at', 'organization_id', 'data']));
      expect(schema.properties.type.const).toBe(type);
      expect(Object.keys(schema.properties.data.properties).length).toBeGreaterThan(1);
    }
    expect(spec.webhooks['audit.event'].post.requestBody.content['application/json'].schema.properties.data.properties).toHaveProperty('hash');
  });

  it('has a license and the server PUBLIC_URL names', () => {
    expect(spec.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
    expect(spec.servers).toEqual([expect.objectContaining({ url: PUBLIC_URL })]);
  });

  it('documents the root paths as such: the operations tag, and a description saying they are not under /api/v1', () => {
    const rootOps = operations.filter((op) => !op.path.startsWith('/api/v1/'));
    expect(rootOps.map((op) => op.path).sort()).toEqual([...ROOT_PATHS].sort());
    for (const op of rootOps) {
      expect(op.tags, op.path).toEqual(['operations']);
      expect(op.description, op.path).toMatch(/not under \/api\/v1/);
    }
    expect(spec.tags.find((t: { name: string }) => t.name === 'operations').description).toMatch(/not under \/api\/v1/);
    expect(spec.paths['/metrics'].get.responses['200'].content).toEqual({ 'text/plain': { schema: { type: 'string' } } });
  });
});
