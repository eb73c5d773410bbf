// The receiver-side verifier against real deliveries: a real server signs, a loopback receiver
// gets the bytes, the SDK verifies them; tampering, a wrong or stale signature are refused.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrgWithMembers, startReceiver, startTestApp, testConfig, type OrgFixture, type Receiver, type TestApp } from '@saasready/test-kit';
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
