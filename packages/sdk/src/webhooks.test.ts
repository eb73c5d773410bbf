// The receiver-side verifier against real deliveries: a real server signs, a loopback receiver
// gets the bytes, the SDK verifies them; tampering, a wrong or stale signature are refused.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAdmin, createOrgWithMembers, PasswordHasher, startReceiver, startTestApp, STRONG_PASSWORD, testConfig, uniqueEmail, type OrgFixture, type Receiver, type TestApp } from '@saasready/test-kit';
import { SaaSReady } from './client/index.js';
import { verifyWebhook, WebhookSignatureError, WebhookVerifier } from './webhooks.js';

let t: TestApp;
let receiver: Receiver;
let org: OrgFixture;
beforeAll(async () => {
  t = await startTestApp({ webhooks: { ...testConfig().webhooks, allowPrivate: true } });
  receiver = await startReceiver();
  org = await createOrgWithMembers(t, 'Verifier Co');
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});

it('verifies a real delivery and types it; refuses a tampered body, a wrong secret and a stale timestamp', async () => {
  const hook = await t.request('POST', `/api/v1/orgs/${org.orgId}/webhooks`, { token: org.owner.accessToken, body: { url: receiver.url, event_types: ['role.*'] } });
  expect(hook.status, hook.text).toBe(201);
  await t.request('POST', `/api/v1/orgs/${org.orgId}/roles`, { token: org.owner.accessToken, body: { name: 'Verified', permissions: [] } });
  const got = await receiver.waitFor((r) => r.json?.type === 'role.created');
  const event = new WebhookVerifier(hook.body.secret).verify(got.body, got.headers as Record<string, string>);
  expect(event.type).toBe('role.created');
  if (event.type === 'role.created') expect(event.data.attributes).toMatchObject({ name: 'Verified' });
  // Fetch-style Headers and bytes work too
  expect(verifyWebhook(hook.body.secret, new TextEncoder().encode(got.body), new Headers(got.headers as Record<string, string>)).id).toBe(got.headers['webhook-id']);

  const headers = got.headers as Record<string, string>;
  expect(() => verifyWebhook(hook.body.secret, got.body.replace('Verified', 'Verifiee'), headers)).toThrow(WebhookSignatureError);
  expect(() => verifyWebhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`, got.body, headers)).toThrow(WebhookSignatureError);
  expect(() => verifyWebhook(hook.body.secret, got.body, { ...headers, 'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 600) })).toThrow(/too old|signature/i);
  expect(() => verifyWebhook(hook.body.secret, got.body, { ...headers, 'webhook-id': 'other-id' })).toThrow(WebhookSignatureError);

  // during a rotation the receiver may hold either secret, or both (rotated through the client)
  const client = new SaaSReady({ baseUrl: t.baseUrl, accessToken: org.owner.accessToken });
  const rotated = { body: await client.webhooks.rotateSecret(org.orgId, hook.body.id) };
  await t.request('POST', `/api/v1/orgs/${org.orgId}/roles`, { token: org.owner.accessToken, body: { name: 'Rotated', permissions: [] } });
  const after = await receiver.waitFor((r) => r.json?.type === 'role.created' && r.json.data.attributes.name === 'Rotated');
  for (const secrets of [hook.body.secret, rotated.body.secret, [rotated.body.secret, hook.body.secret]]) {
    expect(new WebhookVerifier(secrets).verify(after.body, after.headers as Record<string, string>).type).toBe('role.created');
  }
  // the delivery log and a manual retry through the client (the worker has recorded the outcome)
  await t.app.webhooks.drain();
  const [last] = await client.webhooks.listDeliveries(org.orgId, hook.body.id, { limit: 1 });
  expect(last).toMatchObject({ event_type: 'role.created', status: 'succeeded' });
  const again = await client.webhooks.retryDelivery(org.orgId, hook.body.id, last!.id);
  expect(again.event_id).toBe(last!.event_id);
  expect((await client.webhooks.list(org.orgId)).map((h) => h.id)).toContain(hook.body.id);
  await client.webhooks.delete(org.orgId, hook.body.id);
  await expect(client.webhooks.get(org.orgId, hook.body.id)).rejects.toMatchObject({ code: 'webhook.not_found' });
});

it('manages instance endpoints through client.admin.webhooks (superusers only): create, test, log, retry, rotate, delete', async () => {
  const email = uniqueEmail('hooks-root');
  await createAdmin(t.database.handle.db, new PasswordHasher(t.config.argon2), { email, password: STRONG_PASSWORD, fullName: 'Hooks Root' });
  const login = await t.request('POST', '/api/v1/auth/login', { body: { email, password: STRONG_PASSWORD } });
  const root = new SaaSReady({ baseUrl: t.baseUrl, accessToken: login.body.access_token });
  const owner = new SaaSReady({ baseUrl: t.baseUrl, accessToken: org.owner.accessToken });

  const hook = await root.admin.webhooks.create({ url: receiver.url, event_types: ['webhook.test'], description: 'instance' });
  expect(hook).toMatchObject({ organization_id: null, enabled: true, event_types: ['webhook.test'] });
  expect(hook.secret).toMatch(/^whsec_/);
  // an organization's Owner is no superuser: the instance surface refuses them, and lists never carry a secret
  await expect(owner.admin.webhooks.list()).rejects.toMatchObject({ status: 403 });
  expect(await root.admin.webhooks.list()).toEqual(expect.arrayContaining([expect.objectContaining({ id: hook.id })]));
  expect(JSON.stringify(await root.admin.webhooks.list())).not.toContain('whsec_');

  const queued = await root.admin.webhooks.test(hook.id);
  const got = await receiver.waitFor((r) => r.json?.type === 'webhook.test' && r.json.data.endpoint_id === hook.id);
  expect(new WebhookVerifier(hook.secret).verify(got.body, got.headers as Record<string, string>).id).toBe(queued.event_id);
  await t.app.webhooks.drain();
  const [delivery] = await root.admin.webhooks.listDeliveries(hook.id, { limit: 1 });
  expect(delivery).toMatchObject({ id: queued.delivery_id, status: 'succeeded', event_type: 'webhook.test' });
  expect(delivery!.attempt_log[0]).toMatchObject({ status_code: 204 });
  expect((await root.admin.webhooks.retryDelivery(hook.id, delivery!.id)).event_id).toBe(queued.event_id);

  expect(await root.admin.webhooks.update(hook.id, { enabled: false })).toMatchObject({ enabled: false });
  expect((await root.admin.webhooks.get(hook.id)).enabled).toBe(false);
  const rotated = await root.admin.webhooks.rotateSecret(hook.id, { overlap_seconds: 60 });
  expect(rotated.secret).not.toBe(hook.secret);
  expect(rotated.previous_secret_expires_at).not.toBeNull();
  await root.admin.webhooks.delete(hook.id);
  await expect(root.admin.webhooks.get(hook.id)).rejects.toMatchObject({ code: 'webhook.not_found' });
});
