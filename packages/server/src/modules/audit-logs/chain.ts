// The per-organization hash chain: each row's hash covers its content and the previous row's hash,
// so changing, removing or reordering a row breaks every link after it.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../lib/canonical-json.js';

/** The nil UUID names the chain of organization-less events with no user (key rotation, unknown-email logins) and of those written before migration 0021; a user's other organization-less events chain under their id. */
export const NO_ORG_CHAIN = '00000000-0000-0000-0000-000000000000';

export interface ChainedFields {
  id: string;
  organization_id: string | null;
  seq: number;
  actor_type: string;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  actor_email: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  metadata: unknown;
  ip_address: string | null;
  user_agent: string | null;
  request_id: string | null;
  created_at: Date | string;
}

export function chainHash(prevHash: string | null, row: ChainedFields): string {
  const content = canonicalJson({
    prev_hash: prevHash,
    id: row.id,
    organization_id: row.organization_id,
    seq: Number(row.seq),
    actor_type: row.actor_type,
    actor_user_id: row.actor_user_id,
    actor_api_key_id: row.actor_api_key_id,
    actor_email: row.actor_email,
    action: row.action,
    target_type: row.target_type,
    target_id: row.target_id,
    metadata: row.metadata,
    ip_address: row.ip_address,
    user_agent: row.user_agent,
    request_id: row.request_id,
    created_at: new Date(row.created_at).toISOString(),
  });
  return createHash('sha256').update(content).digest('hex');
}
