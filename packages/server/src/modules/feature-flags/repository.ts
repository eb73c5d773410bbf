import { and, asc, eq, sql } from 'drizzle-orm';
import { preparedRows, type Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { featureFlagOverrides, featureFlags } from '../../db/schema.js';
import { flagKeyTaken } from './errors.js';

export type FlagRow = typeof featureFlags.$inferSelect;
export type OverrideRow = typeof featureFlagOverrides.$inferSelect;

export async function listFlags(ex: Executor): Promise<FlagRow[]> {
  return ex.select().from(featureFlags).orderBy(asc(featureFlags.key));
}

export async function findFlag(ex: Executor, key: string): Promise<FlagRow | null> {
  const [row] = await ex.select().from(featureFlags).where(eq(featureFlags.key, key)).limit(1);
  return row ?? null;
}

export async function insertFlag(ex: Executor, row: typeof featureFlags.$inferInsert): Promise<FlagRow> {
  try {
    const [created] = await ex.insert(featureFlags).values(row).returning();
    return created!;
  } catch (err) {
    if (isUniqueViolation(err)) throw flagKeyTaken();
    throw err;
  }
}

export async function updateFlag(ex: Executor, id: string, values: Partial<typeof featureFlags.$inferInsert>): Promise<FlagRow> {
  const [row] = await ex.update(featureFlags).set({ ...values, updated_at: new Date() }).where(eq(featureFlags.id, id)).returning();
  return row!;
}

export async function deleteFlag(ex: Executor, id: string): Promise<void> {
  await ex.delete(featureFlags).where(eq(featureFlags.id, id));
}

export interface OrgFlagRow {
  key: string;
  name: string;
  description: string | null;
  default_enabled: boolean;
  rollout_percent: number | null;
  rollout_unit: 'organization' | 'user';
  override_enabled: boolean | null;
  override_percent: number | null;
}

/** Every flag with this organization's override, if any: one indexed query (prepared on PostgreSQL). */
export async function listForOrg(ex: Executor, organizationId: string): Promise<OrgFlagRow[]> {
  return preparedRows<OrgFlagRow>(ex, 'flags_for_org', sql`
    select f.key, f.name, f.description, f.default_enabled, f.rollout_percent, f.rollout_unit,
           o.enabled as override_enabled, o.rollout_percent as override_percent
      from feature_flags f
      left join feature_flag_overrides o on o.flag_id = f.id and o.organization_id = ${organizationId}
     order by f.key`);
}

export async function findOverride(ex: Executor, organizationId: string, flagId: string): Promise<OverrideRow | null> {
  const [row] = await ex
    .select()
    .from(featureFlagOverrides)
    .where(and(eq(featureFlagOverrides.organization_id, organizationId), eq(featureFlagOverrides.flag_id, flagId)))
    .limit(1);
  return row ?? null;
}

export async function upsertOverride(ex: Executor, organizationId: string, flagId: string, values: { enabled: boolean; rollout_percent: number | null }): Promise<void> {
  await ex
    .insert(featureFlagOverrides)
    .values({ organization_id: organizationId, flag_id: flagId, ...values })
    .onConflictDoUpdate({ target: [featureFlagOverrides.organization_id, featureFlagOverrides.flag_id], set: { ...values, updated_at: new Date() } });
}

export async function deleteOverride(ex: Executor, organizationId: string, flagId: string): Promise<boolean> {
  const rows = await ex
    .delete(featureFlagOverrides)
    .where(and(eq(featureFlagOverrides.organization_id, organizationId), eq(featureFlagOverrides.flag_id, flagId)))
    .returning({ flag_id: featureFlagOverrides.flag_id });
  return rows.length === 1;
}

/** Overrides for the snapshot: one organization's, or (superuser) every organization's. */
export async function listOverrides(ex: Executor, organizationId: string | null): Promise<(OverrideRow & { key: string })[]> {
  const rows = await ex
    .select({ override: featureFlagOverrides, key: featureFlags.key })
    .from(featureFlagOverrides)
    .innerJoin(featureFlags, eq(featureFlags.id, featureFlagOverrides.flag_id))
    .where(organizationId ? eq(featureFlagOverrides.organization_id, organizationId) : undefined);
  return rows.map((r) => ({ ...r.override, key: r.key }));
}
