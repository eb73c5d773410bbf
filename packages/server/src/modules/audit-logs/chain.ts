// The per-organization hash chain: each row's hash covers its content and the previous row's hash,
// so changing, removing or reordering a row breaks every link after it.
import { createHash, randomBytes } from 'node:crypto';
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
  const content = canonicalJson(hashedContent(row, { prevHash, seq: Number(row.seq), createdAt: new Date(row.created_at).toISOString() }));
  return createHash('sha256').update(content).digest('hex');
}

/** What a row's hash covers: its content, its position and time, and the previous row's hash. */
function hashedContent(row: Omit<ChainedFields, FilledByDatabase>, placed: { prevHash: string | null; seq: number | string; createdAt: string }) {
  return {
    prev_hash: placed.prevHash,
    id: row.id,
    organization_id: row.organization_id,
    seq: placed.seq,
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
    created_at: placed.createdAt,
  };
}

/** The fields chainHash covers that the database fills in when it appends a row holding its chain's head. */
type FilledByDatabase = 'seq' | 'created_at';

/**
 * Stand-ins for the three values the database fills in. A control character and a per-process random
 * part: JSON escapes the former in anything a client sends, so no client text can contain one.
 */
const HOLE = `\u0001${randomBytes(8).toString('hex')}`;
const HOLES = { created_at: `${HOLE}at`, prev_hash: `${HOLE}prev`, seq: `${HOLE}seq` };

/**
 * chainHash's content with holes where the row's time, the previous hash and the position go, for an
 * append whose statement computes the hash from the head it locks (repository appendLockedSql):
 * content = parts[0] + "time" + parts[1] + prev_hash as JSON + parts[2] + seq + parts[3]. The keys
 * sort created_at < prev_hash < seq, so the holes come in that order.
 */
export function chainTemplate(row: Omit<ChainedFields, FilledByDatabase>): [string, string, string, string] {
  const content = canonicalJson(hashedContent(row, { prevHash: HOLES.prev_hash, seq: HOLES.seq, createdAt: HOLES.created_at }));
  const [p0, rest0] = splitOnce(content, JSON.stringify(HOLES.created_at));
  const [p1, rest1] = splitOnce(rest0, JSON.stringify(HOLES.prev_hash));
  const [p2, p3] = splitOnce(rest1, JSON.stringify(HOLES.seq));
  return [p0, p1, p2, p3];
}

function splitOnce(text: string, hole: string): [string, string] {
  const at = text.indexOf(hole);
  if (at < 0 || text.indexOf(hole, at + 1) >= 0) throw new Error('audit chain template: a hole is missing or repeated');
  return [text.slice(0, at), text.slice(at + hole.length)];
}
