// What an endpoint is doing, in one word and a sentence: the server's `enabled`, `disabled_reason`
// and `failing_since` read together.
import type { WebhookDelivery, WebhookEndpoint } from '@saasready/sdk/client';
import { fromNow } from '../../../components/dates';

export type EndpointState = 'active' | 'failing' | 'paused' | 'disabled';

export function endpointState(endpoint: WebhookEndpoint): EndpointState {
  if (!endpoint.enabled) return endpoint.disabled_reason ? 'disabled' : 'paused';
  return endpoint.failing_since ? 'failing' : 'active';
}

export const STATE_COLOR: Record<EndpointState, string> = { active: 'green', failing: 'orange', paused: 'gray', disabled: 'red' };
export const STATE_LABEL: Record<EndpointState, string> = { active: 'Active', failing: 'Failing', paused: 'Paused', disabled: 'Disabled' };

/** The sentence under the badge; null when there is nothing to explain. */
export function stateReason(endpoint: WebhookEndpoint): string | null {
  if (!endpoint.enabled && endpoint.disabled_reason === 'gone') return 'The receiver answered 410 Gone, so the server stopped sending. Enable it to resume.';
  if (!endpoint.enabled && endpoint.disabled_reason === 'failing') return 'Every delivery failed for 5 days, so the server stopped sending. Enable it to resume.';
  if (!endpoint.enabled) return 'Turned off: events are not queued for it.';
  if (endpoint.failing_since) return `Deliveries have failed since ${fromNow(endpoint.failing_since)}; they are retried. After 5 days of failures the endpoint is disabled.`;
  return null;
}

export type DeliveryState = 'succeeded' | 'failed' | 'retrying' | 'pending' | 'delivering';
export function deliveryState(delivery: WebhookDelivery): DeliveryState {
  if (delivery.status === 'pending' && delivery.attempts > 0) return 'retrying';
  return delivery.status;
}
export const DELIVERY_COLOR: Record<DeliveryState, string> = { succeeded: 'green', failed: 'red', retrying: 'orange', pending: 'gray', delivering: 'blue' };

/** The catalog grouped by resource (`membership` → its events), `webhook.test` left out (it is sent on request only). */
export function groupCatalog(types: readonly string[]): { group: string; types: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const type of types) {
    if (type === 'webhook.test' || type === 'audit.event') continue;
    const group = type.split('.')[0]!;
    groups.set(group, [...(groups.get(group) ?? []), type]);
  }
  return [...groups].map(([group, list]) => ({ group, types: list }));
}
