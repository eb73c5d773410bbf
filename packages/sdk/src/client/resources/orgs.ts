// `client.orgs`: an organization and everything inside it — members, roles, invitations, permission
// checks and the audit log — as one namespace, the way the Python SDK and the tutorial spell it.
import { eachItem, toPage } from '../pages.js';
import type { CallOptions, Transport } from '../transport.js';
import type {
  AuditLog, AuditVerifyResponse, AuthorizeBody, AuthorizeResponse, ChangeRoleBody, CreateOrganizationBody, CreateRoleBody, DeleteRoleQuery,
  ExportAuditLogsQuery, Invitation, InviteBody, ListAuditLogsQuery, ListInvitationsQuery, ListMembersQuery, Member, MyOrganization, Organization,
  Page, Permission, Role, UpdateOrganizationBody, UpdateOrganizationSettingsBody, UpdateRoleBody,
} from '../types.js';

/** What an export resolves with when the answer has no body. */
const emptyStream = () =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.close();
    },
  });

/**
 * `client.orgs`: organizations and everything inside one.
 *
 * @example
 * ```ts
 * const org = await client.orgs.create({ name: 'Acme Corporation', slug: 'acme-corp' });
 * const roles = await client.orgs.listRoles(org.id);
 * const admin = roles.find((r) => r.name === 'Admin')!;
 * await client.orgs.inviteMember(org.id, { email: 'alice@acme.com', role_id: admin.id });
 * ```
 */
export class OrgsApi {
  readonly #t: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#t = transport;
  }

  /**
   * Creates an organization; the caller becomes its Owner. A taken slug fails with
   * `organization.slug_taken` and a free `suggestion` in `err.meta`.
   *
   * @example
   * ```ts
   * const org = await client.orgs.create({ name: 'Acme Corporation', slug: 'acme-corp' }, { idempotencyKey: crypto.randomUUID() });
   * ```
   */
  async create(body: CreateOrganizationBody, options?: CallOptions): Promise<Organization> {
    return this.#t.request((api, init) => api.POST('/api/v1/orgs', { body, ...init }), options);
  }

  /**
   * The caller's organizations, with their role in each (`your_role`).
   *
   * @example
   * ```ts
   * for (const org of await client.orgs.list()) console.log(`${org.name} - Role: ${org.your_role}`);
   * ```
   */
  async list(options?: CallOptions): Promise<MyOrganization[]> {
    return this.#t.request((api, init) => api.GET('/api/v1/orgs', init), options);
  }

  /**
   * One organization.
   *
   * @example
   * ```ts
   * const org = await client.orgs.get(orgId);
   * ```
   */
  async get(orgId: string, options?: CallOptions): Promise<Organization> {
    return this.#t.request((api, init) => api.GET('/api/v1/orgs/{org_id}', { params: { path: { org_id: orgId } }, ...init }), options);
  }

  /**
   * Updates name, slug, description, metadata or settings; only the given fields change.
   *
   * @example
   * ```ts
   * await client.orgs.update(org.id, { metadata: { stripe_customer_id: 'cus_abc123' } });
   * ```
   */
  async update(orgId: string, body: UpdateOrganizationBody, options?: CallOptions): Promise<Organization> {
    return this.#t.request((api, init) => api.PATCH('/api/v1/orgs/{org_id}', { params: { path: { org_id: orgId } }, body, ...init }), options);
  }

  /**
   * Changes the organization's security settings (needs `org.settings`; requiring 2FA needs your own
   * 2FA on first). Only the given fields change.
   *
   * @example
   * ```ts
   * await client.orgs.updateSettings(org.id, { require_2fa: true });
   * ```
   */
  async updateSettings(orgId: string, body: UpdateOrganizationSettingsBody, options?: CallOptions): Promise<Organization> {
    return this.#t.request((api, init) => api.PATCH('/api/v1/orgs/{org_id}/settings', { params: { path: { org_id: orgId } }, body, ...init }), options);
  }

  /**
   * Deletes the organization (needs `org.delete`: the Owner role, or a custom role an Owner granted it); access ends at once.
   *
   * @example
   * ```ts
   * await client.orgs.delete(org.id);
   * ```
   */
  async delete(orgId: string, options?: CallOptions): Promise<void> {
    await this.#t.request((api, init) => api.DELETE('/api/v1/orgs/{org_id}', { params: { path: { org_id: orgId } }, ...init }), options);
  }

  /**
   * One page of members (default 50, at most 200), with search and filters; `nextCursor` continues.
   * To walk every page, use {@link OrgsApi.members}.
   *
   * @example
   * ```ts
   * const first = await client.orgs.listMembers(org.id, { limit: 20, search: 'alice' });
   * const second = first.nextCursor ? await client.orgs.listMembers(org.id, { limit: 20, search: 'alice', cursor: first.nextCursor }) : [];
   * ```
   */
  async listMembers(orgId: string, query: ListMembersQuery = {}, options?: CallOptions): Promise<Page<Member>> {
    return toPage(await this.#t.send((api, init) => api.GET('/api/v1/orgs/{org_id}/members', { params: { path: { org_id: orgId }, query }, ...init }), { call: options }));
  }

  /**
   * Every member, page after page (following `X-Next-Cursor`), as an async iterator.
   *
   * @example
   * ```ts
   * for await (const member of client.orgs.members(org.id, { status: 'active' })) {
   *   console.log(member.user_email, member.role_name);
   * }
   * ```
   */
  async *members(orgId: string, query: Omit<ListMembersQuery, 'cursor'> = {}, options?: CallOptions): AsyncGenerator<Member, void, undefined> {
    yield* eachItem((cursor) => this.listMembers(orgId, cursor ? { ...query, cursor } : query, options));
  }

  /**
   * Gives a member another role.
   *
   * @example
   * ```ts
   * await client.orgs.updateMemberRole(org.id, member.id, { role_id: adminRole.id });
   * ```
   */
  async updateMemberRole(orgId: string, membershipId: string, body: ChangeRoleBody, options?: CallOptions): Promise<Member> {
    return this.#t.request(
      (api, init) => api.PATCH('/api/v1/orgs/{org_id}/members/{membership_id}/role', { params: { path: { org_id: orgId, membership_id: membershipId } }, body, ...init }),
      options,
    );
  }

  /**
   * Suspends a member: they keep their membership but lose access until reactivated.
   *
   * @example
   * ```ts
   * await client.orgs.suspendMember(org.id, member.id);
   * ```
   */
  suspendMember(orgId: string, membershipId: string, options?: CallOptions): Promise<Member> {
    return this.#setMemberStatus(orgId, membershipId, 'suspended', options);
  }

  /**
   * Reactivates a suspended member.
   *
   * @example
   * ```ts
   * await client.orgs.reactivateMember(org.id, member.id);
   * ```
   */
  reactivateMember(orgId: string, membershipId: string, options?: CallOptions): Promise<Member> {
    return this.#setMemberStatus(orgId, membershipId, 'active', options);
  }

  async #setMemberStatus(orgId: string, membershipId: string, status: 'active' | 'suspended', options?: CallOptions): Promise<Member> {
    return this.#t.request(
      (api, init) => api.PATCH('/api/v1/orgs/{org_id}/members/{membership_id}', { params: { path: { org_id: orgId, membership_id: membershipId } }, body: { status }, ...init }),
      options,
    );
  }

  /**
   * Removes a member from the organization.
   *
   * @example
   * ```ts
   * await client.orgs.removeMember(org.id, member.id);
   * ```
   */
  async removeMember(orgId: string, membershipId: string, options?: CallOptions): Promise<void> {
    await this.#t.request(
      (api, init) => api.DELETE('/api/v1/orgs/{org_id}/members/{membership_id}', { params: { path: { org_id: orgId, membership_id: membershipId } }, ...init }),
      options,
    );
  }

  /**
   * Leaves the organization (the last Owner cannot: `membership.last_owner`).
   *
   * @example
   * ```ts
   * await client.orgs.leave(org.id);
   * ```
   */
  async leave(orgId: string, options?: CallOptions): Promise<void> {
    await this.#t.request((api, init) => api.POST('/api/v1/orgs/{org_id}/leave', { params: { path: { org_id: orgId } }, ...init }), options);
  }

  /**
   * The organization's roles (Owner, Admin, Member, Viewer and custom ones) with their permissions.
   *
   * @example
   * ```ts
   * for (const role of await client.orgs.listRoles(org.id)) console.log(`${role.name}: ${role.permissions.join(', ')}`);
   * ```
   */
  async listRoles(orgId: string, options?: CallOptions): Promise<Role[]> {
    return this.#t.request((api, init) => api.GET('/api/v1/orgs/{org_id}/roles', { params: { path: { org_id: orgId } }, ...init }), options);
  }

  /**
   * Creates a custom role. Unknown permissions fail with `role.unknown_permission`.
   *
   * @example
   * ```ts
   * const auditor = await client.orgs.createRole(org.id, { name: 'Auditor', permissions: ['org.read', 'audit.read'] });
   * ```
   */
  async createRole(orgId: string, body: CreateRoleBody, options?: CallOptions): Promise<Role> {
    return this.#t.request((api, init) => api.POST('/api/v1/orgs/{org_id}/roles', { params: { path: { org_id: orgId } }, body, ...init }), options);
  }

  /**
   * Renames a custom role or changes its permissions (system roles are immutable).
   *
   * @example
   * ```ts
   * await client.orgs.updateRole(org.id, auditor.id, { permissions: ['org.read', 'audit.read', 'role.read'] });
   * ```
   */
  async updateRole(orgId: string, roleId: string, body: UpdateRoleBody, options?: CallOptions): Promise<Role> {
    return this.#t.request((api, init) => api.PATCH('/api/v1/orgs/{org_id}/roles/{role_id}', { params: { path: { org_id: orgId, role_id: roleId } }, body, ...init }), options);
  }

  /**
   * Deletes a custom role; while members hold it, pass `reassign_to` (a role id) for them.
   *
   * @example
   * ```ts
   * await client.orgs.deleteRole(org.id, auditor.id, { reassign_to: viewerRole.id });
   * ```
   */
  async deleteRole(orgId: string, roleId: string, query: DeleteRoleQuery = {}, options?: CallOptions): Promise<void> {
    await this.#t.request((api, init) => api.DELETE('/api/v1/orgs/{org_id}/roles/{role_id}', { params: { path: { org_id: orgId, role_id: roleId }, query }, ...init }), options);
  }

  /**
   * The permission catalog: every permission a role can hold, with its description.
   *
   * @example
   * ```ts
   * const catalog = await client.orgs.listPermissions();
   * ```
   */
  async listPermissions(options?: CallOptions): Promise<Permission[]> {
    return this.#t.request((api, init) => api.GET('/api/v1/permissions', init), options);
  }

  /**
   * Invites someone by email with a role; the link goes out by email (the token is never in the answer).
   *
   * @example
   * ```ts
   * const invitation = await client.orgs.inviteMember(org.id, { email: 'alice@acme.com', role_id: admin.id });
   * console.log(`Invitation sent to ${invitation.email}, expires ${invitation.expires_at}`);
   * ```
   */
  async inviteMember(orgId: string, body: InviteBody, options?: CallOptions): Promise<Invitation> {
    return this.#t.request((api, init) => api.POST('/api/v1/orgs/{org_id}/invite', { params: { path: { org_id: orgId } }, body, ...init }), options);
  }

  /**
   * The organization's invitations, newest first, optionally by status.
   *
   * @example
   * ```ts
   * for (const inv of await client.orgs.listInvitations(org.id, { status: 'pending' })) console.log(inv.email, inv.role_name);
   * ```
   */
  async listInvitations(orgId: string, query: ListInvitationsQuery = {}, options?: CallOptions): Promise<Invitation[]> {
    return this.#t.request((api, init) => api.GET('/api/v1/orgs/{org_id}/invitations', { params: { path: { org_id: orgId }, query }, ...init }), options);
  }

  /**
   * Sends a new invitation link (the old one stops working).
   *
   * @example
   * ```ts
   * await client.orgs.resendInvitation(org.id, invitation.id);
   * ```
   */
  async resendInvitation(orgId: string, invitationId: string, options?: CallOptions): Promise<Invitation> {
    return this.#t.request(
      (api, init) => api.POST('/api/v1/orgs/{org_id}/invitations/{invitation_id}/resend', { params: { path: { org_id: orgId, invitation_id: invitationId } }, ...init }),
      options,
    );
  }

  /**
   * Revokes a pending invitation.
   *
   * @example
   * ```ts
   * await client.orgs.revokeInvitation(org.id, invitation.id);
   * ```
   */
  async revokeInvitation(orgId: string, invitationId: string, options?: CallOptions): Promise<void> {
    await this.#t.request(
      (api, init) => api.DELETE('/api/v1/orgs/{org_id}/invitations/{invitation_id}', { params: { path: { org_id: orgId, invitation_id: invitationId } }, ...init }),
      options,
    );
  }

  /**
   * Which of these permissions does the caller (user or API key) hold in the organization?
   * `allowed` is true when all of them are held.
   *
   * @example
   * ```ts
   * const { allowed } = await client.orgs.authorize(org.id, { permissions: ['org.update'] });
   * if (!allowed) throw new Forbidden();
   * ```
   */
  async authorize(orgId: string, body: AuthorizeBody, options?: CallOptions): Promise<AuthorizeResponse> {
    return this.#t.request((api, init) => api.POST('/api/v1/orgs/{org_id}/authorize', { params: { path: { org_id: orgId } }, body, ...init }), options);
  }

  /**
   * One page of the audit log, newest first, with filters (`action` takes a prefix such as `member.*`);
   * page with `offset` or with `cursor` = the previous page's `nextCursor`. To walk everything, use
   * {@link OrgsApi.auditLogs}.
   *
   * @example
   * ```ts
   * for (const log of await client.orgs.listAuditLogs(org.id, { limit: 50 })) {
   *   console.log(log.created_at, log.actor_email, log.action, log.ip_address);
   * }
   * ```
   */
  async listAuditLogs(orgId: string, query: ListAuditLogsQuery = {}, options?: CallOptions): Promise<Page<AuditLog>> {
    return toPage(await this.#t.send((api, init) => api.GET('/api/v1/audit/orgs/{org_id}/logs', { params: { path: { org_id: orgId }, query }, ...init }), { call: options }));
  }

  /**
   * The whole (filtered) audit log, newest first, page after page, as an async iterator.
   *
   * @example
   * ```ts
   * for await (const log of client.orgs.auditLogs(org.id, { action: 'member.*', limit: 200 })) console.log(log.action);
   * ```
   */
  async *auditLogs(orgId: string, query: Omit<ListAuditLogsQuery, 'cursor' | 'offset'> = {}, options?: CallOptions): AsyncGenerator<AuditLog, void, undefined> {
    yield* eachItem((cursor) => this.listAuditLogs(orgId, cursor ? { ...query, cursor } : query, options));
  }

  /**
   * Exports the filtered audit log as JSON lines (default) or CSV: a byte stream by default, or the
   * whole text with `{ as: 'text' }`.
   *
   * @example Stream to a file (Node)
   * ```ts
   * import { Readable } from 'node:stream';
   * import { createWriteStream } from 'node:fs';
   * const stream = await client.orgs.exportAuditLogs(org.id, { format: 'csv' });
   * Readable.fromWeb(stream).pipe(createWriteStream('audit.csv'));
   * ```
   *
   * @example Read it all
   * ```ts
   * const jsonl = await client.orgs.exportAuditLogs(org.id, {}, { as: 'text' });
   * const rows = jsonl.split('\n').filter(Boolean).map((line) => JSON.parse(line));
   * ```
   */
  exportAuditLogs(orgId: string, query?: ExportAuditLogsQuery, options?: CallOptions & { as?: 'stream' }): Promise<ReadableStream<Uint8Array>>;
  exportAuditLogs(orgId: string, query: ExportAuditLogsQuery | undefined, options: CallOptions & { as: 'text' }): Promise<string>;
  async exportAuditLogs(orgId: string, query: ExportAuditLogsQuery = {}, options: CallOptions & { as?: 'stream' | 'text' } = {}): Promise<ReadableStream<Uint8Array> | string> {
    const params = { path: { org_id: orgId }, query };
    if (options.as === 'text') {
      return (await this.#t.request((api, init) => api.GET('/api/v1/audit/orgs/{org_id}/logs/export', { params, parseAs: 'text', ...init }), options)) ?? '';
    }
    const data = await this.#t.request((api, init) => api.GET('/api/v1/audit/orgs/{org_id}/logs/export', { params, parseAs: 'stream', ...init }), options);
    return (data as ReadableStream<Uint8Array> | null | undefined) ?? emptyStream();
  }

  /**
   * Walks the audit log's hash chain and reports the first broken link, if any.
   *
   * @example
   * ```ts
   * const { ok, first_broken } = await client.orgs.verifyAuditLogs(org.id);
   * ```
   */
  async verifyAuditLogs(orgId: string, options?: CallOptions): Promise<AuditVerifyResponse> {
    return this.#t.request((api, init) => api.GET('/api/v1/audit/orgs/{org_id}/verify', { params: { path: { org_id: orgId } }, ...init }), options);
  }
}
