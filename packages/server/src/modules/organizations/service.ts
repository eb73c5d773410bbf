// Organization lifecycle. Rules:
// - a new organization gets the four system roles and its creator as Owner, with its audit rows,
//   in one transaction; slugs are valid, unreserved and unique (409 with a free suggestion);
// - metadata stays under 8 KiB; only Owners delete; deletion is soft and takes effect at once
//   (an update racing a delete answers organization.not_found, never a 500); the organization's
//   domains are deleted with it, so they stop counting and another organization can claim them;
// - switching organization needs an active membership and re-issues the access token;
// - turning sso_required on ends the governed members' password sessions in the same transaction
//   (audited) when a connection is enabled; otherwise enabling one does (domains.endPasswordSessionsForSso).
import { SYSTEM_ROLE_IDS, SYSTEM_ROLES, type CreateOrganizationBody, type MyMembership, type MyOrganization, type Organization, type UpdateOrganizationBody, type UpdateOrganizationSettingsBody } from '@saasready/contracts';
import type { Database, Executor } from '../../db/client.js';
import { sql } from 'drizzle-orm';
import { decodeCursor, page } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import type { RequestContext } from '../../lib/request-context.js';
import { isValidSlug, slugify } from '../../lib/slugs.js';
import { iso } from '../../lib/time.js';
import type { OrgAccess, UserPrincipal } from '../../types.js';
import { newChainHeads, recordAudit } from '../audit-logs/service.js';
import * as domains from '../domains/service.js';
import { organizationCreated } from '../webhook-events/service.js';
import * as memberships from '../memberships/service.js';
import * as roles from '../roles/service.js';
import { invalidSlug, metadataTooLarge, twoFactorEnableFirst, organizationNotFound, slugTaken } from './errors.js';
import * as repository from './repository.js';

const METADATA_LIMIT = 8 * 1024;

export interface NewOrganization {
  name: string;
  /** the exact slug wanted (409 when taken) */
  slug?: string;
  /** text the slug is derived from when none is given: the first free variant is used */
  slugBase?: string;
  description?: string | null;
  metadata?: Record<string, unknown>;
}

/** The organization every account gets at sign-up: "Jane Doe's Organization", slug `jane-doe-org` as the old README shows. */
export const personalOrganization = (fullName: string): NewOrganization => ({ name: `${fullName}'s Organization`, slugBase: `${fullName.slice(0, 36)} org` });

/** Creates the organization, seeds its system roles and makes `owner` its Owner (whose role id it also returns). */
export async function createOrganizationWithOwner(
  tx: Executor,
  ctx: RequestContext,
  owner: { userId: string; email: string },
  input: NewOrganization,
  { ownerIsNew = false } = {},
): Promise<repository.OrganizationRow & { ownerRoleId: string; ownerMembership: MyMembership }> {
  const row = { id: newId(), name: input.name, description: input.description ?? null, metadata: input.metadata ?? {} };
  const membershipId = newId();
  // one statement: the organization, its system roles, its Owner's membership and its audit chain's
  // head (and the Owner's, for an account created in the same transaction: sign-up)
  const along: repository.AlongWithInsert = (inserted) => [
    roles.insertSystemRolesFor(inserted),
    memberships.insertMembershipFor(inserted, { id: membershipId, user_id: owner.userId, role_id: SYSTEM_ROLE_IDS.Owner }),
    newChainHeads(ownerIsNew ? sql`select id from ${inserted} union all select ${owner.userId}::uuid` : sql`select id from ${inserted}`),
  ];
  const org = input.slug
    ? await repository.insert(tx, { ...row, slug: input.slug }, along)
    : await repository.insertWithFreeSlug(tx, row, slugify(input.slugBase ?? input.name), along);
  organizationCreated(tx, org.id);
  await recordAudit(tx, ctx, { action: 'org.created', actor: owner, organizationId: org.id, targetType: 'organization', targetId: org.id, metadata: { name: org.name, slug: org.slug } });
  await recordAudit(tx, ctx, { action: 'member.added', actor: owner, organizationId: org.id, targetType: 'membership', targetId: membershipId, metadata: { user_id: owner.userId, role: 'Owner' } });
  const ownerMembership: MyMembership = {
    id: membershipId, organization_id: org.id, organization_name: org.name, organization_slug: org.slug,
    role_id: SYSTEM_ROLE_IDS.Owner, role_name: 'Owner', status: 'active', require_2fa: false, permissions: [...SYSTEM_ROLES.Owner].sort(),
  };
  return { ...org, ownerRoleId: SYSTEM_ROLE_IDS.Owner, ownerMembership };
}

export function toOrganization(row: repository.OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    metadata: row.metadata,
    settings: row.settings,
    is_active: row.is_active,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

function assertMetadataSize(metadata: Record<string, unknown> | undefined): void {
  if (metadata && Buffer.byteLength(JSON.stringify(metadata)) > METADATA_LIMIT) throw metadataTooLarge();
}

export class OrganizationsService {
  constructor(private readonly db: Database) {}

  /** Which of `permissions` the caller holds here (`allowed`: all of them), and under which role. */
  checkPermissions(access: OrgAccess, permissions: string[]): { allowed: boolean; permissions: Record<string, boolean>; role: string } {
    const held = Object.fromEntries(permissions.map((p) => [p, access.permissions.has(p)]));
    return { allowed: Object.values(held).every(Boolean), permissions: held, role: access.roleName };
  }

  /** The new organization with the creator's role in it, shaped like an entry of `listMine`. */
  async create(ctx: RequestContext, principal: UserPrincipal, body: CreateOrganizationBody): Promise<MyOrganization> {
    if (body.slug !== undefined && !isValidSlug(body.slug)) throw invalidSlug();
    assertMetadataSize(body.metadata);
    const org = await this.db.transaction((tx) =>
      createOrganizationWithOwner(tx, ctx, { userId: principal.userId, email: principal.email }, {
        name: body.name.trim(),
        slug: body.slug,
        description: body.description ?? null,
        metadata: body.metadata ?? {},
      }),
    );
    return { ...toOrganization(org), your_role: 'Owner', your_role_id: org.ownerRoleId };
  }

  async listMine(principal: UserPrincipal): Promise<MyOrganization[]> {
    const rows = await repository.listForUser(this.db, principal.userId);
    return rows.map((r) => ({ ...toOrganization(r), your_role: r.your_role, your_role_id: r.your_role_id }));
  }

  async get(access: OrgAccess): Promise<Organization> {
    const org = await repository.findById(this.db, access.organizationId);
    if (!org) throw organizationNotFound();
    return toOrganization(org);
  }

  async update(ctx: RequestContext, access: OrgAccess, principal: UserPrincipal | null, body: UpdateOrganizationBody): Promise<Organization> {
    if (body.slug !== undefined && !isValidSlug(body.slug)) throw invalidSlug();
    // whoever turns the policy on must already comply, or they would lock themselves out
    if (body.settings?.require_2fa && !principal?.twoFactorEnabled) throw twoFactorEnableFirst();
    assertMetadataSize(body.metadata);
    return this.db.transaction(async (tx) => {
      // locked: a delete or another update that commits first is seen here, not half-way through
      const before = await repository.findByIdForUpdate(tx, access.organizationId);
      if (!before) throw organizationNotFound();
      if (body.slug && body.slug !== before.slug) {
        const suggestion = await repository.suggestSlug(tx, body.slug);
        if (suggestion !== body.slug) throw slugTaken(suggestion);
      }
      const values: Parameters<typeof repository.update>[2] = {};
      if (body.name !== undefined) values.name = body.name.trim();
      if (body.slug !== undefined) values.slug = body.slug;
      if (body.description !== undefined) values.description = body.description;
      if (body.metadata !== undefined) values.metadata = body.metadata;
      if (body.settings !== undefined) values.settings = { ...before.settings, ...body.settings };
      const after = await repository.update(tx, access.organizationId, values);
      const changes = Object.fromEntries(
        Object.keys(values).map((k) => [k, { from: before[k as keyof typeof before], to: after[k as keyof typeof after] }]),
      );
      const { settings: settingsChange, ...otherChanges } = changes;
      if (Object.keys(otherChanges).length) {
        await recordAudit(tx, ctx, { action: 'org.updated', organizationId: after.id, targetType: 'organization', targetId: after.id, metadata: { changes: otherChanges } });
      }
      if (settingsChange) {
        await recordAudit(tx, ctx, { action: 'org.settings.updated', organizationId: after.id, targetType: 'organization', targetId: after.id, metadata: { changes: { settings: settingsChange } } });
      }
      // SSO enforcement starts now, not at each member's next login: their password sessions end with
      // the switch — when there is a connection to sign in through; else when one is enabled (sso/service.ts)
      if (after.settings.sso_required === true && before.settings.sso_required !== true && (await domains.ssoEnforced(tx, after.id))) {
        await domains.endPasswordSessionsForSso(tx, ctx, after.id);
      }
      return toOrganization(after);
    });
  }

  /** The security settings alone: what `org.settings` allows without `org.update`. */
  updateSettings(ctx: RequestContext, access: OrgAccess, principal: UserPrincipal | null, settings: UpdateOrganizationSettingsBody): Promise<Organization> {
    return this.update(ctx, access, principal, { settings });
  }

  /** Whoever holds `org.delete` (the Owner role; a custom role only if an Owner granted it). */
  async delete(ctx: RequestContext, access: OrgAccess): Promise<void> {
    await this.db.transaction(async (tx) => {
      const org = await repository.findById(tx, access.organizationId);
      if (!org) throw organizationNotFound();
      // a concurrent delete that committed first wins: this one is a 404, not a second org.deleted
      if (!(await repository.softDelete(tx, org.id))) throw organizationNotFound();
      // its domains stop counting with it (SSO, SCIM, enforcement) and are free for another organization to claim
      const releasedDomains = await domains.releaseAllOf(tx, org.id);
      await recordAudit(tx, ctx, { action: 'org.deleted', organizationId: org.id, targetType: 'organization', targetId: org.id, metadata: { name: org.name, slug: org.slug, released_domains: releasedDomains } });
    });
  }
}

/** Every organization, a page at a time (the superusers' view; `reader` may be the read replica). */
export async function listAllOrganizations(reader: Database, query: { limit?: number; cursor?: string; search?: string }): Promise<{ items: Organization[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const rows = await repository.listAll(reader, { limit, afterId: decodeCursor(query.cursor), search: query.search });
  const { items, nextCursor } = page(rows, limit);
  return { items: items.map(toOrganization), nextCursor };
}

// What other modules use of this one, inside their own transactions (they pass their Executor along).
export { findById } from './repository.js';
