// Feature flags. Rules: global flags are managed by superusers (key unique, a-z0-9._-); an
// organization's override wins over the rollout, which wins over the default (contracts' evaluateFlag,
// the same code the SDK runs); every change is audited with its before/after values.
import { createHash } from 'node:crypto';
import {
  evaluateFlag, type CreateFeatureFlagBody, type FeatureFlag, type FlagSnapshot, type OrgFeatureFlag, type SetFlagOverrideBody,
  type UpdateFeatureFlagBody,
} from '@saasready/contracts';
import { FLAGS_TAG, OVERRIDES_TAG, orgTag, type ReadThroughCache } from '../../cache/caches.js';
import type { Database, Executor } from '../../db/client.js';
import { newId } from '../../lib/ids.js';
import type { RequestContext } from '../../lib/request-context.js';
import { iso } from '../../lib/time.js';
import type { OrgAccess } from '../../types.js';
import { recordAudit } from '../audit-logs/service.js';
import * as repository from './repository.js';
import { flagNotFound } from './errors.js';

const toFlag = (row: repository.FlagRow): FeatureFlag => ({
  key: row.key,
  name: row.name,
  description: row.description,
  default_enabled: row.default_enabled,
  rollout_percent: row.rollout_percent,
  rollout_unit: row.rollout_unit,
  created_at: iso(row.created_at),
  updated_at: iso(row.updated_at),
});

const ruleOf = (row: repository.OrgFlagRow) => ({ key: row.key, default_enabled: row.default_enabled, rollout_percent: row.rollout_percent, rollout_unit: row.rollout_unit });
const overrideOf = (row: repository.OrgFlagRow) =>
  row.override_enabled === null ? null : { enabled: row.override_enabled, rollout_percent: row.override_percent };

function toOrgFlag(row: repository.OrgFlagRow, organizationId: string, userId: string | null): OrgFeatureFlag {
  const override = overrideOf(row);
  return {
    key: row.key,
    name: row.name,
    description: row.description,
    default_enabled: row.default_enabled,
    enabled: evaluateFlag(ruleOf(row), override, { organizationId, userId }),
    overridden: override !== null,
    rollout_percent: override ? override.rollout_percent : row.rollout_percent,
  };
}

/** `?keys=a,b`: the distinct non-empty keys, at most 200; absent or empty means every flag (null). */
export function evaluatedKeys(keys: string | undefined): string[] | null {
  return keys ? [...new Set(keys.split(',').map((k) => k.trim()).filter(Boolean))].slice(0, 200) : null;
}

export class FeatureFlagsService {
  constructor(
    private readonly db: Database,
    /** an organization's flag rows, for evaluation (dropped by any flag or override change) */
    private readonly orgFlags: ReadThroughCache<repository.OrgFlagRow[]>,
    /** snapshots by organization ('*': all of them), dropped by any rule change or a matching override change */
    private readonly snapshots: ReadThroughCache<FlagSnapshot>,
  ) {}

  // —— global flags (superuser) ——

  async listGlobal(): Promise<FeatureFlag[]> {
    return (await repository.listFlags(this.db)).map(toFlag);
  }

  async create(ctx: RequestContext, body: CreateFeatureFlagBody): Promise<FeatureFlag> {
    return this.db.transaction(async (tx) => {
      const row = await repository.insertFlag(tx, {
        id: newId(), key: body.key, name: body.name.trim(), description: body.description ?? null,
        default_enabled: body.default_enabled ?? false, rollout_percent: body.rollout_percent ?? null, rollout_unit: body.rollout_unit ?? 'organization',
      });
      await recordAudit(tx, ctx, { action: 'feature_flag.created', targetType: 'feature_flag', targetId: row.key, metadata: { after: toFlag(row) } });
      return toFlag(row);
    });
  }

  async update(ctx: RequestContext, key: string, body: UpdateFeatureFlagBody): Promise<FeatureFlag> {
    return this.db.transaction(async (tx) => {
      const before = await repository.findFlag(tx, key);
      if (!before) throw flagNotFound();
      const after = await repository.updateFlag(tx, before.id, { ...body, ...(body.name !== undefined ? { name: body.name.trim() } : {}) });
      await recordAudit(tx, ctx, { action: 'feature_flag.updated', targetType: 'feature_flag', targetId: key, metadata: { before: toFlag(before), after: toFlag(after) } });
      return toFlag(after);
    });
  }

  async delete(ctx: RequestContext, key: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const before = await repository.findFlag(tx, key);
      if (!before) throw flagNotFound();
      await repository.deleteFlag(tx, before.id);
      await recordAudit(tx, ctx, { action: 'feature_flag.deleted', targetType: 'feature_flag', targetId: key, metadata: { before: toFlag(before) } });
    });
  }

  // —— per organization ——

  async listForOrg(access: OrgAccess, userId: string | null): Promise<OrgFeatureFlag[]> {
    return (await repository.listForOrg(this.db, access.organizationId)).map((row) => toOrgFlag(row, access.organizationId, userId));
  }

  async setOverride(ctx: RequestContext, access: OrgAccess, key: string, body: SetFlagOverrideBody, userId: string | null): Promise<OrgFeatureFlag> {
    return this.db.transaction(async (tx) => {
      const flag = await repository.findFlag(tx, key);
      if (!flag) throw flagNotFound();
      const before = await repository.findOverride(tx, access.organizationId, flag.id);
      const values = { enabled: body.enabled, rollout_percent: body.rollout_percent ?? null };
      await repository.upsertOverride(tx, access.organizationId, flag.id, values);
      await recordAudit(tx, ctx, {
        action: body.enabled ? 'feature_flag.enabled' : 'feature_flag.disabled',
        organizationId: access.organizationId,
        targetType: 'feature_flag',
        targetId: key,
        metadata: { before: before ? { enabled: before.enabled, rollout_percent: before.rollout_percent } : null, after: values },
      });
      return this.orgView(tx, access.organizationId, key, userId);
    });
  }

  async resetOverride(ctx: RequestContext, access: OrgAccess, key: string, userId: string | null): Promise<OrgFeatureFlag> {
    return this.db.transaction(async (tx) => {
      const flag = await repository.findFlag(tx, key);
      if (!flag) throw flagNotFound();
      const before = await repository.findOverride(tx, access.organizationId, flag.id);
      if (await repository.deleteOverride(tx, access.organizationId, flag.id)) {
        await recordAudit(tx, ctx, {
          action: 'feature_flag.reset',
          organizationId: access.organizationId,
          targetType: 'feature_flag',
          targetId: key,
          metadata: { before: before ? { enabled: before.enabled, rollout_percent: before.rollout_percent } : null, after: null },
        });
      }
      return this.orgView(tx, access.organizationId, key, userId);
    });
  }

  /** `{key: enabled}` for the requested keys (unknown keys are false) and its ETag. */
  async evaluate(access: OrgAccess, keys: string[] | null, userId: string | null): Promise<{ flags: Record<string, boolean>; etag: string }> {
    const orgId = access.organizationId;
    const rows = (await this.orgFlags.get(orgId, () => repository.listForOrg(this.db, orgId), () => [orgTag(orgId), FLAGS_TAG]))!;
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const wanted = keys ?? rows.map((r) => r.key);
    const flags: Record<string, boolean> = {};
    for (const key of wanted) {
      const row = byKey.get(key);
      flags[key] = row ? evaluateFlag(ruleOf(row), overrideOf(row), { organizationId: access.organizationId, userId }) : false;
    }
    const etag = `W/"${createHash('sha1').update(JSON.stringify(flags)).digest('base64url')}"`;
    return { flags, etag };
  }

  /** Every rule, with one organization's overrides (API key) or every organization's (superuser). */
  async snapshot(organizationId: string | null): Promise<FlagSnapshot> {
    const tags = organizationId ? [FLAGS_TAG, orgTag(organizationId)] : [FLAGS_TAG, OVERRIDES_TAG];
    return (await this.snapshots.get(organizationId ?? '*', () => this.readSnapshot(organizationId), () => tags))!;
  }

  private async readSnapshot(organizationId: string | null): Promise<FlagSnapshot> {
    const [flags, overrides] = await Promise.all([repository.listFlags(this.db), repository.listOverrides(this.db, organizationId)]);
    const byFlag = new Map<string, FlagSnapshot['flags'][number]['overrides']>();
    for (const o of overrides) {
      const map = byFlag.get(o.key) ?? {};
      map[o.organization_id] = { enabled: o.enabled, rollout_percent: o.rollout_percent };
      byFlag.set(o.key, map);
    }
    const body = flags.map((f) => ({ key: f.key, default_enabled: f.default_enabled, rollout_percent: f.rollout_percent, rollout_unit: f.rollout_unit, overrides: byFlag.get(f.key) ?? {} }));
    return { version: createHash('sha1').update(JSON.stringify(body)).digest('base64url'), flags: body };
  }

  private async orgView(ex: Executor, organizationId: string, key: string, userId: string | null): Promise<OrgFeatureFlag> {
    const row = (await repository.listForOrg(ex, organizationId)).find((r) => r.key === key);
    if (!row) throw flagNotFound();
    return toOrgFlag(row, organizationId, userId);
  }
}

/** The row this module caches (the app creates the cache, see app.ts). */
export type { OrgFlagRow } from './repository.js';
