// Organization API keys. Rules: the raw key (`sr_<prefix>_<secret>`, 256-bit secret) is shown once
// and stored as SHA-256 beside its public prefix; a key's permissions are a subset of its creator's
// and never include managing keys, members or roles; revocation and expiry apply on the very next
// request of any server process (a process caches a key it has seen, and the revocation's
// notification drops that copy before the revoking request answers, and within milliseconds elsewhere).
// A key acts with at most its creator's *current* permissions in its organization (the intersection
// of the two) and with none once the creator is no longer an active member or their account is
// disabled: the creator's standing is read in the same query as the key and the cached copy carries
// the creator's user tag and the organization's tag, so a demotion, suspension or removal reaches
// every process's copy like a revocation does. Losing access is audited once, when it happens.
import { randomBytes } from 'node:crypto';
import { USER_ONLY_PERMISSIONS, type ApiKey, type CreateApiKeyBody } from '@saasready/contracts';
import { orgTag, userTag, type ReadThroughCache } from '../../cache/caches.js';
import type { Database, Executor } from '../../db/client.js';
import { randomToken, safeEqual, sha256 } from '../../lib/crypto.js';
import { newId } from '../../lib/ids.js';
import type { RequestContext } from '../../lib/request-context.js';
import { catalogPermissions } from '../../lib/permission-catalog.js';
import { iso } from '../../lib/time.js';
import type { ApiKeyPrincipal, OrgAccess, UserPrincipal } from '../../types.js';
import { recordAudit } from '../audit-logs/service.js';
import { escalation } from '../memberships/errors.js';
import * as repository from './repository.js';
import { apiKeyNotFound, creatorInactive, expiryInPast, invalidApiKey, userOnlyPermissions, type CreatorLoss } from './errors.js';

export type { CreatorLoss } from './errors.js';

/** What an API key may never do, whatever its permissions say. */

const KEY_PATTERN = /^sr_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
const LAST_USED_INTERVAL_MS = 60_000;

export const looksLikeApiKey = (token: string): boolean => token.startsWith('sr_');

/** Why the key's creator no longer lends it any access, or null while they do. */
export function creatorLoss(row: repository.CreatorStanding): CreatorLoss | null {
  if (row.creator_status === null) return 'creator_removed'; // also a deleted user (created_by set null)
  if (!row.creator_user_active) return 'creator_deactivated';
  if (row.creator_status !== 'active') return 'creator_suspended';
  return null;
}

/** What the key may do now: its permissions that its creator still holds (none once the creator lost access). */
export function effectivePermissions(row: repository.ApiKeyListRow): string[] {
  if (creatorLoss(row)) return [];
  const creator = new Set(row.creator_permissions);
  return row.permissions.filter((p) => creator.has(p) && !USER_ONLY_PERMISSIONS.has(p)).sort();
}

function inactiveReason(row: repository.ApiKeyListRow): ApiKey['inactive_reason'] {
  if (row.revoked_at) return 'revoked';
  if (row.expires_at && new Date(row.expires_at) <= new Date()) return 'expired';
  return creatorLoss(row);
}

/**
 * Audits, once, that a member's keys lost all their access (inside the transaction that removed or
 * suspended the member): one `api_key.deactivated` row per live key they created.
 */
export async function recordCreatorLostAccess(tx: Executor, ctx: RequestContext, organizationId: string, userId: string, reason: CreatorLoss): Promise<void> {
  for (const key of await repository.listLiveByCreator(tx, organizationId, userId)) {
    await recordAudit(tx, ctx, {
      action: 'api_key.deactivated',
      organizationId,
      targetType: 'api_key',
      targetId: key.id,
      metadata: { name: key.name, prefix: key.prefix, reason, creator_user_id: userId },
    });
  }
}

/** the effective permission set of a cached key row, computed once per cached copy */
const effectiveSets = new WeakMap<repository.ApiKeyAuthRow, ReadonlySet<string>>();

export function toApiKey(row: repository.ApiKeyListRow): ApiKey {
  const reason = inactiveReason(row);
  return {
    id: row.id,
    organization_id: row.organization_id,
    name: row.name,
    prefix: row.prefix,
    permissions: [...row.permissions],
    created_by: row.created_by,
    created_at: iso(row.created_at),
    last_used_at: row.last_used_at ? iso(row.last_used_at) : null,
    expires_at: row.expires_at ? iso(row.expires_at) : null,
    revoked_at: row.revoked_at ? iso(row.revoked_at) : null,
    active: reason === null,
    inactive_reason: reason,
    effective_permissions: reason ? [] : effectivePermissions(row),
  };
}

export class ApiKeysService {
  constructor(
    private readonly db: Database,
    private readonly cache: ReadThroughCache<repository.ApiKeyAuthRow>,
  ) {}

  /** The calling key as a relying app sees it (`GET /api-keys/me`). */
  describe(key: ApiKeyPrincipal): { id: string; organization_id: string; name: string; permissions: string[] } {
    return { id: key.id, organization_id: key.organizationId, name: key.name, permissions: [...key.permissions].sort() };
  }

  async create(ctx: RequestContext, access: OrgAccess, creator: UserPrincipal, body: CreateApiKeyBody): Promise<ApiKey & { raw_key: string }> {
    const permissions = catalogPermissions(body.permissions);
    const forbidden = permissions.filter((p) => USER_ONLY_PERMISSIONS.has(p));
    if (forbidden.length) {
      throw userOnlyPermissions(forbidden);
    }
    const missing = permissions.filter((p) => !access.permissions.has(p));
    if (missing.length) throw escalation(missing);
    const expiresAt = body.expires_at ? new Date(body.expires_at) : null;
    if (expiresAt && expiresAt <= new Date()) throw expiryInPast();

    const prefix = randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 12);
    const rawKey = `sr_${prefix}_${randomToken()}`;
    const id = newId();
    return this.db.transaction(async (tx) => {
      await repository.insert(tx, { id, organization_id: access.organizationId, name: body.name.trim(), prefix, key_hash: sha256(rawKey), created_by: creator.userId, expires_at: expiresAt }, permissions);
      await recordAudit(tx, ctx, { action: 'api_key.created', organizationId: access.organizationId, targetType: 'api_key', targetId: id, metadata: { name: body.name.trim(), prefix, permissions, expires_at: expiresAt?.toISOString() ?? null } });
      return { ...toApiKey((await repository.findById(tx, access.organizationId, id))!), raw_key: rawKey };
    });
  }

  async list(access: OrgAccess): Promise<ApiKey[]> {
    return (await repository.list(this.db, access.organizationId)).map(toApiKey);
  }

  async revoke(ctx: RequestContext, access: OrgAccess, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await repository.findById(tx, access.organizationId, id);
      if (!row) throw apiKeyNotFound();
      if (!(await repository.revoke(tx, access.organizationId, id))) return; // already revoked: idempotent
      await recordAudit(tx, ctx, { action: 'api_key.revoked', organizationId: access.organizationId, targetType: 'api_key', targetId: id, metadata: { name: row.name, prefix: row.prefix } });
    });
  }

  /** Authentication: a presented `sr_…` key → its principal, or api_key.invalid. */
  async authenticate(rawKey: string, onTouchError: (err: unknown) => void): Promise<ApiKeyPrincipal> {
    const match = KEY_PATTERN.exec(rawKey);
    if (!match) throw invalidApiKey('That is not a SaaSReady API key.');
    const prefix = match[1]!;
    // the organization's tag covers the key, its permissions, the creator's membership and role; the
    // creator's user tag covers their account
    const tags = (r: repository.ApiKeyAuthRow) => (r.created_by ? [orgTag(r.organization_id), userTag(r.created_by)] : [orgTag(r.organization_id)]);
    const row = await this.cache.get(prefix, () => repository.findByPrefix(this.db, prefix), tags, (r) => !r.revoked_at && r.org_live && !creatorLoss(r));
    if (!row || !safeEqual(row.key_hash, sha256(rawKey)) || row.revoked_at || !row.org_live) throw invalidApiKey();
    if (row.expires_at && new Date(row.expires_at) <= new Date()) throw invalidApiKey('The API key has expired.');
    const loss = creatorLoss(row);
    if (loss) throw creatorInactive(loss);
    let permissions = effectiveSets.get(row);
    if (!permissions) effectiveSets.set(row, (permissions = new Set(effectivePermissions(row))));
    // last_used_at is coalesced to once a minute, so using a key is not a write per request
    if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > LAST_USED_INTERVAL_MS) {
      row.last_used_at = new Date(); // the cached copy too: last_used_at fires no invalidation
      repository.touch(this.db, row.id).catch(onTouchError);
    }
    return { id: row.id, organizationId: row.organization_id, name: row.name, permissions };
  }
}

/** The row this module caches (the app creates the cache, see app.ts). */
export type { ApiKeyAuthRow } from './repository.js';
