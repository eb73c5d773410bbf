// SCIM 2.0 directory sync (RFC 7643/7644), one directory per IdP connection of an organization.
// Rules enforced here:
// - the directory's bearer token is shown once and stored as SHA-256; it reaches the SCIM routes of
//   its own organization only (authenticate/authorize), and rotating it ends the old one at once;
// - a directory speaks only for addresses at its organization's verified domains: a User whose email
//   is elsewhere (a public provider, another company's domain) is 400 invalidValue on POST, and so is
//   a PUT or PATCH that moves a User's email there — no account is created, linked or claimed;
// - a provisioned User becomes an active member; an existing account (at a verified domain) is linked;
// - `active: false` suspends the membership and revokes the person's sessions for the organization
//   (all of them when it is their only one): the triggers of migration 0009 drop every process's
//   cached session and membership before the next request;
// - DELETE removes the membership; an account the directory created and nobody else holds is
//   deleted with it; the organization keeps an active Owner whatever the directory says;
// - roles come from group mappings (the mapped role with the most permissions), else the role the
//   member held before the link, else the directory's default role, else Member; only someone who
//   could grant a role maps a group to it (no escalation);
// - every SCIM write takes the organization's row lock first (the lock order of memberships/rules.ts)
//   and shares one transaction with its audit rows (actor type `directory`); a no-op PUT writes nothing.
import type { CreateDirectoryBody, CreatedDirectory, Directory, DirectoryGroup, RotatedDirectoryToken } from '@saasready/contracts';
import type { Database, Executor } from '../../db/client.js';
import { invalidToken } from '../../lib/errors.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import { randomToken } from '../../lib/crypto.js';
import { newId } from '../../lib/ids.js';
import type { PasswordHasher } from '../../lib/passwords.js';
import type { RequestContext } from '../../lib/request-context.js';
import { iso } from '../../lib/time.js';
import type { DirectoryPrincipal, OrgAccess } from '../../types.js';
import { recordCreatorLostAccess } from '../api-keys/service.js';
import { recordAudit } from '../audit-logs/service.js';
import * as domains from '../domains/service.js';
import { lockForChange } from '../memberships/rules.js';
import * as memberships from '../memberships/service.js';
import { roleNotFound } from '../memberships/errors.js';
import * as roles from '../roles/service.js';
import * as sessions from '../sessions/service.js';
import * as users from '../users/service.js';
import { directoryNotFound, groupNotFound, invalidValue, resourceNotFound, uniqueness } from './errors.js';
import { parseFilter } from './scim-filter.js';
import { memberIds, patchUser, planGroupPatch, readOperations } from './scim-patch.js';
import { accountEmail, accountName, emailOf, CORE_GROUP, CORE_USER, ENTERPRISE_USER, LIST_RESPONSE, MAX_PAGE, normalizeUser, project, type NormalizedUser } from './scim-schema.js';
import * as repository from './repository.js';
import { hashDirectoryToken, newDirectoryToken, tokenPrefix } from './tokens.js';

export interface ScimListQuery {
  filter?: string;
  startIndex?: number;
  count?: number;
  attributes?: string;
  excludedAttributes?: string;
}
export interface ScimGetQuery {
  attributes?: string;
  excludedAttributes?: string;
}
type Resource = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_PAGE = 100;
/** Equal as JSON whatever the key order (jsonb gives keys back in its own order). */
const sameJson = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** The names of the attributes `next` changes (userName, externalId, the stored ones); `active` apart. */
function changesOf(current: repository.ScimUserRow, next: NormalizedUser): string[] {
  return [
    ...(current.user_name !== next.userName ? ['userName'] : []),
    ...(current.external_id !== next.externalId ? ['externalId'] : []),
    ...[...new Set([...Object.keys(current.attributes), ...Object.keys(next.attributes)])].filter((k) => !sameJson(current.attributes[k], next.attributes[k])),
  ];
}

/** What PATCH operates on: the User as the IdP wrote it (userName, externalId, active and the stored attributes). */
const writableView = (current: repository.ScimUserRow): Resource => ({
  userName: current.user_name, active: current.active, ...current.attributes, ...(current.external_id !== null ? { externalId: current.external_id } : {}),
});

export class DirectoriesService {
  /** One unusable password hash per process (argon2 of 32 random bytes nobody keeps): directory accounts sign in through SSO or a reset. */
  private unusableHash: Promise<string> | null = null;

  constructor(private readonly deps: { db: Database; hasher: PasswordHasher; publicUrl: string }) {}

  get baseUrl(): string {
    return `${this.deps.publicUrl}/scim/v2`;
  }

  private passwordHash(): Promise<string> {
    this.unusableHash ??= this.deps.hasher.hash(randomToken(32));
    return this.unusableHash;
  }

  /** The directory a bearer token belongs to (authenticate's hook on SCIM routes). */
  async authenticate(token: string): Promise<DirectoryPrincipal> {
    const row = await repository.findByTokenHash(this.deps.db, hashDirectoryToken(token));
    if (!row) throw invalidToken('The directory token is not valid: it was rotated, or the directory was deleted.');
    return { id: row.id, organizationId: row.organization_id };
  }

  // -------------------------------------------------------------------------------------------
  // The organization's side: /api/v1/orgs/{org_id}/directories (directory.manage)

  private toDirectory(row: repository.DirectoryRow): Directory {
    return {
      id: row.id, organization_id: row.organization_id, name: row.name, scim_base_url: this.baseUrl, token_prefix: row.token_prefix,
      default_role_id: row.default_role_id, user_count: Number(row.user_count), group_count: Number(row.group_count),
      last_sync_at: row.last_sync_at ? iso(row.last_sync_at) : null, created_at: iso(row.created_at),
    };
  }

  async create(ctx: RequestContext, access: OrgAccess, body: CreateDirectoryBody): Promise<CreatedDirectory> {
    return this.deps.db.transaction(async (tx) => {
      const { actor } = await lockForChange(tx, access, 'directory.manage');
      if (body.default_role_id) {
        const role = await roles.findById(tx, access.organizationId, body.default_role_id);
        if (!role) throw roleNotFound();
        memberships.assertCanGrant(actor, role);
      }
      const id = newId();
      const token = newDirectoryToken();
      await repository.insertDirectory(tx, {
        id, organization_id: access.organizationId, name: body.name.trim(), token_hash: hashDirectoryToken(token), token_prefix: tokenPrefix(token),
        default_role_id: body.default_role_id ?? null, created_by: ctx.principal?.userId ?? null,
      });
      await recordAudit(tx, ctx, { action: 'directory.created', organizationId: access.organizationId, targetType: 'directory', targetId: id, metadata: { name: body.name.trim(), default_role_id: body.default_role_id ?? null } });
      const row = (await repository.findDirectory(tx, access.organizationId, id))!;
      return { ...this.toDirectory(row), token };
    });
  }

  async list(access: OrgAccess): Promise<Directory[]> {
    return (await repository.listDirectories(this.deps.db, access.organizationId)).map((row) => this.toDirectory(row));
  }

  async get(access: OrgAccess, id: string): Promise<Directory> {
    const row = await repository.findDirectory(this.deps.db, access.organizationId, id);
    if (!row) throw directoryNotFound();
    return this.toDirectory(row);
  }

  /** Deletes the directory and its token; its members stay, no longer managed (their roles as they are). */
  async remove(ctx: RequestContext, access: OrgAccess, id: string): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      await lockForChange(tx, access, 'directory.manage');
      const row = await repository.findDirectory(tx, access.organizationId, id);
      if (!row) throw directoryNotFound();
      await repository.deleteDirectory(tx, access.organizationId, id);
      await recordAudit(tx, ctx, { action: 'directory.deleted', organizationId: access.organizationId, targetType: 'directory', targetId: id, metadata: { name: row.name, released_users: Number(row.user_count) } });
    });
  }

  async rotateToken(ctx: RequestContext, access: OrgAccess, id: string): Promise<RotatedDirectoryToken> {
    return this.deps.db.transaction(async (tx) => {
      await lockForChange(tx, access, 'directory.manage');
      const token = newDirectoryToken();
      if (!(await repository.setToken(tx, access.organizationId, id, hashDirectoryToken(token), tokenPrefix(token)))) throw directoryNotFound();
      await recordAudit(tx, ctx, { action: 'directory.token_rotated', organizationId: access.organizationId, targetType: 'directory', targetId: id });
      return { token, token_prefix: tokenPrefix(token) };
    });
  }

  async listDirectoryGroups(access: OrgAccess, directoryId: string): Promise<DirectoryGroup[]> {
    if (!(await repository.findDirectory(this.deps.db, access.organizationId, directoryId))) throw directoryNotFound();
    const rows = await repository.listGroupsWithRoles(this.deps.db, access.organizationId, directoryId);
    return rows.map((g) => ({ id: g.id, display_name: g.display_name, external_id: g.external_id, member_count: Number(g.member_count), role_id: g.role_id, role_name: g.role_name }));
  }

  /** Maps a group to a role (or to nothing); its members' roles follow in the same transaction. */
  async setGroupRole(ctx: RequestContext, access: OrgAccess, directoryId: string, groupId: string, roleId: string | null): Promise<DirectoryGroup> {
    await this.deps.db.transaction(async (tx) => {
      const { actor } = await lockForChange(tx, access, 'directory.manage');
      if (!(await repository.findDirectory(tx, access.organizationId, directoryId))) throw directoryNotFound();
      const group = await repository.findGroup(tx, access.organizationId, directoryId, groupId, true);
      if (!group) throw groupNotFound();
      // no escalation either way: granting the new role, and taking the old one away from its holders
      for (const id of [roleId, group.role_id]) {
        if (!id) continue;
        const role = await roles.findById(tx, access.organizationId, id);
        if (!role) throw roleNotFound();
        memberships.assertCanGrant(actor, role);
      }
      if (group.role_id === roleId) return;
      await repository.setGroupRole(tx, access.organizationId, directoryId, groupId, roleId);
      await recordAudit(tx, ctx, {
        action: 'directory.group.role_mapped', organizationId: access.organizationId, targetType: 'directory_group', targetId: groupId,
        metadata: { directory_id: directoryId, display_name: group.display_name, from_role_id: group.role_id, to_role_id: roleId },
      });
      await this.syncRoles(tx, ctx, access.organizationId, await repository.memberIdsOf(tx, access.organizationId, groupId));
    });
    const groups = await this.listDirectoryGroups(access, directoryId);
    return groups.find((g) => g.id === groupId)!;
  }

  // -------------------------------------------------------------------------------------------
  // The IdP's side: /scim/v2 (the directory's bearer token)

  private page(query: ScimListQuery): { offset: number; limit: number; startIndex: number } {
    const startIndex = Math.max(1, Math.trunc(query.startIndex ?? 1));
    const limit = Math.min(MAX_PAGE, Math.max(0, Math.trunc(query.count ?? DEFAULT_PAGE)));
    return { offset: startIndex - 1, limit, startIndex };
  }

  private listResponse(resources: Resource[], total: number, startIndex: number): Resource {
    return { schemas: [LIST_RESPONSE], totalResults: total, startIndex, itemsPerPage: resources.length, Resources: resources };
  }

  private renderUser(row: repository.ScimUserRow, groups: { id: string; display_name: string }[]): Resource {
    const { [ENTERPRISE_USER]: enterprise, ...core } = row.attributes as Resource;
    return {
      schemas: enterprise ? [CORE_USER, ENTERPRISE_USER] : [CORE_USER],
      id: row.id,
      ...(row.external_id !== null ? { externalId: row.external_id } : {}),
      userName: row.user_name,
      ...core,
      active: row.active,
      ...(enterprise ? { [ENTERPRISE_USER]: enterprise } : {}),
      groups: groups.map((g) => ({ value: g.id, display: g.display_name, $ref: `${this.baseUrl}/Groups/${g.id}`, type: 'direct' })),
      meta: { resourceType: 'User', created: iso(row.created_at), lastModified: iso(row.updated_at), location: `${this.baseUrl}/Users/${row.id}`, version: `W/"${new Date(row.updated_at).getTime()}"` },
    };
  }

  private async renderUsers(ex: Executor, dir: DirectoryPrincipal, rows: repository.ScimUserRow[]): Promise<Resource[]> {
    const groups = await repository.groupsOfUsers(ex, dir.organizationId, rows.map((r) => r.id));
    return rows.map((row) => this.renderUser(row, groups.filter((g) => g.scim_user_id === row.id)));
  }

  async listUsers(dir: DirectoryPrincipal, query: ScimListQuery): Promise<Resource> {
    const filter = query.filter?.trim() ? parseFilter(query.filter) : null;
    const { offset, limit, startIndex } = this.page(query);
    const { rows, total } = await repository.listUsers(this.deps.db, dir.organizationId, dir.id, filter, offset, limit);
    const resources = (await this.renderUsers(this.deps.db, dir, rows)).map((r) => project(r, query.attributes, query.excludedAttributes));
    return this.listResponse(resources, total, startIndex);
  }

  private async loadUser(ex: Executor, dir: DirectoryPrincipal, id: string, forUpdate = false): Promise<repository.ScimUserRow> {
    const row = UUID.test(id) ? await repository.findUser(ex, dir.organizationId, dir.id, id.toLowerCase(), forUpdate) : null;
    if (!row) throw resourceNotFound('User', id);
    return row;
  }

  async getUser(dir: DirectoryPrincipal, id: string, query: ScimGetQuery = {}): Promise<Resource> {
    const row = await this.loadUser(this.deps.db, dir, id);
    const [rendered] = await this.renderUsers(this.deps.db, dir, [row]);
    return project(rendered!, query.attributes, query.excludedAttributes);
  }

  /** POST /Users: a new User, its account created or linked, its membership active (or suspended when `active: false`). */
  async createUser(ctx: RequestContext, dir: DirectoryPrincipal, body: unknown): Promise<Resource> {
    const next = normalizeUser(body);
    const email = accountEmail(next);
    const passwordHash = await this.passwordHash();
    return this.deps.db.transaction(async (tx) => {
      const org = dir.organizationId;
      await memberships.lockOrganization(tx, org);
      // before any account is read: the answer is the same whether or not the address has one
      await this.assertOwnDomain(tx, dir, email);
      const existing = await users.findByEmail(tx, email);
      const membership = existing ? await memberships.findByUser(tx, org, existing.id) : null;
      if (membership?.managed_by_directory) throw uniqueness('This person is already managed by a directory of this organization.');
      const account = existing ?? (await users.insert(tx, { id: newId(), email, password_hash: passwordHash, full_name: accountName(next, email), email_verified_at: new Date() }));
      if (!existing) await recordAudit(tx, ctx, { action: 'user.registered', organizationId: org, targetType: 'user', targetId: account.id, metadata: { via: 'scim', directory_id: dir.id } });
      const row = await repository.insertUser(tx, {
        id: newId(), organization_id: org, directory_id: dir.id, user_id: account.id, user_name: next.userName, external_id: next.externalId,
        display_name: next.displayName, active: next.active, attributes: next.attributes, created_account: !existing, base_role_id: membership?.role_id ?? null,
      });
      // Step: the membership, managed by the directory from now on
      if (membership) {
        await memberships.update(tx, org, membership.id, { directory_id: dir.id });
        await recordAudit(tx, ctx, { action: 'directory.user.updated', organizationId: org, targetType: 'membership', targetId: membership.id, metadata: { user_id: account.id, scim_user_id: row.id, linked_existing_membership: true } });
        if (!next.active && membership.status === 'active') await this.setActive(tx, ctx, row, false);
      } else {
        const [desired] = await repository.desiredRoles(tx, org, [row.id]);
        const membershipId = newId();
        await memberships.insert(tx, { id: membershipId, organization_id: org, user_id: account.id, role_id: desired!.desired_role_id, status: next.active ? 'active' : 'suspended', directory_id: dir.id });
        await recordAudit(tx, ctx, { action: 'member.provisioned', organizationId: org, targetType: 'membership', targetId: membershipId, metadata: { user_id: account.id, scim_user_id: row.id, role_id: desired!.desired_role_id, via: 'scim', linked_account: Boolean(existing), active: next.active } });
      }
      await repository.touchSync(tx, org, dir.id);
      return this.renderUser(row, []);
    });
  }

  /** PUT /Users/{id}: the whole User replaced (Okta's updates and resyncs); nothing written when nothing changed. */
  async replaceUser(ctx: RequestContext, dir: DirectoryPrincipal, id: string, body: unknown): Promise<Resource> {
    const next = normalizeUser(body);
    const unchanged = await this.unchanged(dir, id, () => next);
    if (unchanged) return unchanged;
    return this.deps.db.transaction(async (tx) => {
      await memberships.lockOrganization(tx, dir.organizationId);
      const current = await this.loadUser(tx, dir, id, true);
      return this.applyUser(tx, ctx, dir, current, next);
    });
  }

  /** PATCH /Users/{id}: the operations applied to the stored User, the result validated like a PUT. */
  async patchUser(ctx: RequestContext, dir: DirectoryPrincipal, id: string, body: unknown): Promise<Resource> {
    const operations = readOperations(body);
    const patched = (current: repository.ScimUserRow) => normalizeUser(patchUser(writableView(current), operations));
    const unchanged = await this.unchanged(dir, id, patched);
    if (unchanged) return unchanged;
    return this.deps.db.transaction(async (tx) => {
      await memberships.lockOrganization(tx, dir.organizationId);
      const current = await this.loadUser(tx, dir, id, true);
      return this.applyUser(tx, ctx, dir, current, patched(current));
    });
  }

  /**
   * A resync's PUT (or a PATCH) that changes nothing takes no lock and writes nothing: the User as
   * read answers it. Anything else goes through the locked path, which reads the User again.
   */
  private async unchanged(dir: DirectoryPrincipal, id: string, next: (current: repository.ScimUserRow) => NormalizedUser): Promise<Resource | null> {
    const current = await this.loadUser(this.deps.db, dir, id);
    const after = next(current);
    if (changesOf(current, after).length || current.active !== after.active) return null;
    const [rendered] = await this.renderUsers(this.deps.db, dir, [current]);
    return rendered!;
  }

  /** Step: the email is at one of the directory's organization's verified domains (no squatting of anyone else's address). */
  private async assertOwnDomain(tx: Executor, dir: DirectoryPrincipal, email: string): Promise<void> {
    if (await domains.emailDomainVerifiedBy(tx, dir.organizationId, email)) return;
    throw invalidValue('The email’s domain is not a verified domain of this organization: a directory provisions only addresses at its organization’s verified domains.');
  }

  private async applyUser(tx: Executor, ctx: RequestContext, dir: DirectoryPrincipal, current: repository.ScimUserRow, next: NormalizedUser): Promise<Resource> {
    // a User moved to another address must stay within the verified domains; one left as it was is not re-judged
    const email = emailOf(next);
    if (email && email !== emailOf({ userName: current.user_name, attributes: current.attributes })) await this.assertOwnDomain(tx, dir, email);
    const changed = changesOf(current, next);
    const activeChanged = current.active !== next.active;
    let row = current;
    if (changed.length || activeChanged) {
      row = await repository.updateUser(tx, dir.organizationId, current.id, { user_name: next.userName, external_id: next.externalId, display_name: next.displayName, active: next.active, attributes: next.attributes });
      if (changed.length) {
        await recordAudit(tx, ctx, { action: 'directory.user.updated', organizationId: dir.organizationId, targetType: 'directory_user', targetId: current.id, metadata: { user_id: current.user_id, changed } });
        // the account's name follows the directory only when the directory created the account
        if (current.created_account && (changed.includes('displayName') || changed.includes('name'))) {
          const account = await users.findById(tx, current.user_id);
          if (account) {
            const name = accountName(next, account.email);
            if (name !== account.full_name) await users.update(tx, current.user_id, { full_name: name });
          }
        }
      }
      if (activeChanged) await this.setActive(tx, ctx, row, next.active);
      await repository.touchSync(tx, dir.organizationId, dir.id);
    }
    const [rendered] = await this.renderUsers(tx, dir, [row]);
    return rendered!;
  }

  /** Step: `active` — suspend (and end the person's sessions for the organization) or reactivate the membership. */
  private async setActive(tx: Executor, ctx: RequestContext, row: repository.ScimUserRow, active: boolean): Promise<void> {
    const org = row.organization_id;
    const membership = await memberships.findByUser(tx, org, row.user_id);
    if (!membership || (membership.status === 'active') === active) return;
    if (!active) await memberships.assertOwnersRemain(tx, org, membership);
    await memberships.update(tx, org, membership.id, { status: active ? 'active' : 'suspended' });
    let revoked = 0;
    if (!active) revoked = await this.endSessions(tx, row.user_id, org);
    await recordAudit(tx, ctx, {
      action: active ? 'member.reactivated' : 'member.suspended', organizationId: org, targetType: 'membership', targetId: membership.id,
      metadata: { user_id: row.user_id, role: membership.role_name, via: 'scim', ...(active ? {} : { sessions_revoked: revoked }) },
    });
    if (!active) await recordCreatorLostAccess(tx, ctx, org, row.user_id, 'creator_suspended');
  }

  /** The person's sessions in the organization end; all of them when it is the only organization they belong to. */
  private async endSessions(tx: Executor, userId: string, organizationId: string): Promise<number> {
    const elsewhere = await repository.countOtherMemberships(tx, userId, organizationId);
    return elsewhere ? sessions.revokeForOrganization(tx, userId, organizationId, 'directory_deprovisioned') : sessions.revokeAllForUser(tx, userId, 'directory_deprovisioned');
  }

  /** DELETE /Users/{id}: the membership goes; so does an account the directory created that nobody else holds. */
  async deleteUser(ctx: RequestContext, dir: DirectoryPrincipal, id: string): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      const org = dir.organizationId;
      await memberships.lockOrganization(tx, org);
      const current = await this.loadUser(tx, dir, id, true);
      const membership = await memberships.findByUser(tx, org, current.user_id);
      if (membership) {
        await memberships.assertOwnersRemain(tx, org, membership);
        await memberships.deleteMembership(tx, org, membership.id);
      }
      await repository.deleteUser(tx, org, current.id);
      const account = await users.findById(tx, current.user_id);
      const orphan = Boolean(account) && current.created_account && !account!.is_superuser && (await repository.countOtherMemberships(tx, current.user_id, org)) === 0;
      if (orphan) await users.deleteAccount(tx, current.user_id);
      else await this.endSessions(tx, current.user_id, org);
      await recordAudit(tx, ctx, {
        action: 'member.deprovisioned', organizationId: org, targetType: 'membership', targetId: membership?.id ?? current.id,
        metadata: { user_id: current.user_id, scim_user_id: current.id, user_name: current.user_name, account_deleted: orphan },
      });
      if (membership && !orphan) await recordCreatorLostAccess(tx, ctx, org, current.user_id, 'creator_removed');
      await repository.touchSync(tx, org, dir.id);
    });
  }

  /** Step: each listed User's membership takes the role the directory gives it (see desiredRoles); the last Owner stays. */
  private async syncRoles(tx: Executor, ctx: RequestContext, organizationId: string, scimUserIds: readonly string[]): Promise<void> {
    for (let i = 0; i < scimUserIds.length; i += 1000) {
      for (const row of await repository.desiredRoles(tx, organizationId, scimUserIds.slice(i, i + 1000))) {
        if (!row.membership_id || row.role_id === row.desired_role_id) continue;
        const member = await memberships.findByUser(tx, organizationId, row.user_id);
        if (!member) continue;
        const to = await repository.roleName(tx, organizationId, row.desired_role_id);
        if (member.is_owner && to !== 'Owner') await memberships.assertOwnersRemain(tx, organizationId, member);
        await memberships.update(tx, organizationId, row.membership_id, { role_id: row.desired_role_id });
        await recordAudit(tx, ctx, {
          action: 'user.role.updated', organizationId, targetType: 'membership', targetId: row.membership_id,
          metadata: { user_id: row.user_id, from_role: member.role_name, from_role_id: member.role_id, to_role: to, to_role_id: row.desired_role_id, via: 'scim' },
        });
      }
    }
  }

  // Groups

  private renderGroup(row: repository.ScimGroupRow, members: { scim_user_id: string; user_name: string }[] | null): Resource {
    return {
      schemas: [CORE_GROUP],
      id: row.id,
      ...(row.external_id !== null ? { externalId: row.external_id } : {}),
      displayName: row.display_name,
      ...(members ? { members: members.map((m) => ({ value: m.scim_user_id, display: m.user_name, $ref: `${this.baseUrl}/Users/${m.scim_user_id}`, type: 'User' })) } : {}),
      meta: { resourceType: 'Group', created: iso(row.created_at), lastModified: iso(row.updated_at), location: `${this.baseUrl}/Groups/${row.id}`, version: `W/"${new Date(row.updated_at).getTime()}"` },
    };
  }

  /** Members are read only when the answer will hold them (Entra ID asks `excludedAttributes=members`). */
  private async renderGroups(ex: Executor, organizationId: string, rows: repository.ScimGroupRow[], query: ScimGetQuery): Promise<Resource[]> {
    const names = (list?: string) => (list ?? '').split(',').map((s) => s.trim().toLowerCase());
    const wanted = query.attributes ? names(query.attributes).some((a) => a === 'members' || a.startsWith('members.')) : !names(query.excludedAttributes).includes('members');
    const members = wanted ? await repository.membersOfGroups(ex, organizationId, rows.map((r) => r.id)) : null;
    return rows.map((row) => project(this.renderGroup(row, members ? members.filter((m) => m.group_id === row.id) : null), query.attributes, query.excludedAttributes));
  }

  async listGroups(dir: DirectoryPrincipal, query: ScimListQuery): Promise<Resource> {
    const filter = query.filter?.trim() ? parseFilter(query.filter) : null;
    const { offset, limit, startIndex } = this.page(query);
    const { rows, total } = await repository.listGroups(this.deps.db, dir.organizationId, dir.id, filter, offset, limit);
    return this.listResponse(await this.renderGroups(this.deps.db, dir.organizationId, rows, query), total, startIndex);
  }

  private async loadGroup(ex: Executor, dir: DirectoryPrincipal, id: string, forUpdate = false): Promise<repository.ScimGroupRow> {
    const row = UUID.test(id) ? await repository.findGroup(ex, dir.organizationId, dir.id, id.toLowerCase(), forUpdate) : null;
    if (!row) throw resourceNotFound('Group', id);
    return row;
  }

  async getGroup(dir: DirectoryPrincipal, id: string, query: ScimGetQuery = {}): Promise<Resource> {
    const row = await this.loadGroup(this.deps.db, dir, id);
    return (await this.renderGroups(this.deps.db, dir.organizationId, [row], query))[0]!;
  }

  private readGroup(body: unknown): { displayName: string; externalId: string | null; members: string[] } {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalidValue('A Group must be a JSON object.');
    const get = (name: string) => Object.entries(body as Resource).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
    const displayName = get('displayName');
    if (typeof displayName !== 'string' || !displayName.trim() || displayName.length > 256) throw invalidValue('displayName is required (at most 256 characters).');
    const externalId = get('externalId');
    if (externalId !== undefined && externalId !== null && (typeof externalId !== 'string' || externalId.length > 256)) throw invalidValue('externalId must be a string of at most 256 characters.');
    return { displayName, externalId: (externalId as string | undefined) ?? null, members: [...new Set(memberIds(get('members'), 'members'))] };
  }

  private async assertUsersExist(tx: Executor, dir: DirectoryPrincipal, ids: string[]): Promise<void> {
    const found = await repository.existingUserIds(tx, dir.organizationId, dir.id, ids);
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw invalidValue(`members: no User ${missing.slice(0, 5).join(', ')} in this directory.`);
  }

  async createGroup(ctx: RequestContext, dir: DirectoryPrincipal, body: unknown): Promise<Resource> {
    const input = this.readGroup(body);
    return this.deps.db.transaction(async (tx) => {
      await memberships.lockOrganization(tx, dir.organizationId);
      await this.assertUsersExist(tx, dir, input.members);
      const row = await repository.insertGroup(tx, { id: newId(), organization_id: dir.organizationId, directory_id: dir.id, display_name: input.displayName, external_id: input.externalId });
      await repository.addMembers(tx, dir.organizationId, row.id, input.members);
      await recordAudit(tx, ctx, { action: 'directory.group.created', organizationId: dir.organizationId, targetType: 'directory_group', targetId: row.id, metadata: { display_name: row.display_name, members: input.members.length } });
      await repository.touchSync(tx, dir.organizationId, dir.id);
      return (await this.renderGroups(tx, dir.organizationId, [row], {}))[0]!;
    });
  }

  /** PUT /Groups/{id}: name, externalId and the whole member list replaced (members absent: none). */
  async replaceGroup(ctx: RequestContext, dir: DirectoryPrincipal, id: string, body: unknown): Promise<Resource> {
    const input = this.readGroup(body);
    return this.deps.db.transaction(async (tx) => {
      await memberships.lockOrganization(tx, dir.organizationId);
      const group = await this.loadGroup(tx, dir, id, true);
      await this.changeGroup(tx, ctx, dir, group, { displayName: input.displayName, externalId: input.externalId, replaceMembers: new Set(input.members), addMembers: new Set(), removeMembers: new Set() });
      return (await this.renderGroups(tx, dir.organizationId, [(await repository.findGroup(tx, dir.organizationId, dir.id, group.id))!], {}))[0]!;
    });
  }

  /** PATCH /Groups/{id}: answers 204 (RFC 7644 §3.5.2 allows it; a large group's member list is not echoed). */
  async patchGroup(ctx: RequestContext, dir: DirectoryPrincipal, id: string, body: unknown): Promise<void> {
    const plan = planGroupPatch(readOperations(body));
    await this.deps.db.transaction(async (tx) => {
      await memberships.lockOrganization(tx, dir.organizationId);
      const group = await this.loadGroup(tx, dir, id, true);
      await this.changeGroup(tx, ctx, dir, group, plan);
    });
  }

  private async changeGroup(tx: Executor, ctx: RequestContext, dir: DirectoryPrincipal, group: repository.ScimGroupRow, plan: ReturnType<typeof planGroupPatch>): Promise<void> {
    const org = dir.organizationId;
    let toAdd = [...plan.addMembers];
    let toRemove = [...plan.removeMembers];
    if (plan.replaceMembers) {
      const current = new Set(await repository.memberIdsOf(tx, org, group.id));
      toAdd = [...plan.replaceMembers].filter((m) => !current.has(m));
      toRemove = [...current].filter((m) => !plan.replaceMembers!.has(m));
    }
    await this.assertUsersExist(tx, dir, toAdd);
    const added = await repository.addMembers(tx, org, group.id, toAdd);
    const removed = await repository.removeMembers(tx, org, group.id, toRemove);
    const displayName = plan.displayName ?? group.display_name;
    const externalId = plan.externalId === undefined ? group.external_id : plan.externalId;
    const renamed = displayName !== group.display_name || externalId !== group.external_id;
    if (renamed) await repository.updateGroup(tx, org, group.id, { display_name: displayName, external_id: externalId });
    else if (added.length || removed.length) await repository.touchGroup(tx, org, group.id);
    if (!renamed && !added.length && !removed.length) return;
    await recordAudit(tx, ctx, {
      action: 'directory.group.updated', organizationId: org, targetType: 'directory_group', targetId: group.id,
      metadata: { display_name: displayName, ...(renamed ? { previous_display_name: group.display_name } : {}), members_added: added.length, members_removed: removed.length },
    });
    if (group.role_id) await this.syncRoles(tx, ctx, org, [...added, ...removed]);
    await repository.touchSync(tx, org, dir.id);
  }

  async deleteGroup(ctx: RequestContext, dir: DirectoryPrincipal, id: string): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      const org = dir.organizationId;
      await memberships.lockOrganization(tx, org);
      const group = await this.loadGroup(tx, dir, id, true);
      const members = await repository.memberIdsOf(tx, org, group.id);
      await repository.deleteGroup(tx, org, group.id);
      await recordAudit(tx, ctx, { action: 'directory.group.deleted', organizationId: org, targetType: 'directory_group', targetId: group.id, metadata: { display_name: group.display_name, members: members.length, role_id: group.role_id } });
      if (group.role_id) await this.syncRoles(tx, ctx, org, members);
      await repository.touchSync(tx, org, dir.id);
    });
  }
}
