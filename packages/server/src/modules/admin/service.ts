// The instance superuser's pages. Rules: only superusers reach these (the route table says so);
// every change is audited in the transaction that makes it; a superuser cannot disable their own
// account; disabling ends every session of the account. Reading another organization's data
// (its summary, members or audit log) writes one `admin.organization.viewed` row per API call into
// that organization's own log, before the read, so no read goes unrecorded and its Owners see it;
// reading one account's page (its memberships, sessions with their addresses, security events)
// writes `admin.user.viewed`, before the read too. Listings are not audited.
import type {
  AdminOrganizationDetail, AdminOverview, AdminUserDetail, AuditLog, ListAuditLogsQuery, ListMembersQuery, Member, User,
} from '@saasready/contracts';
import type { Database } from '../../db/client.js';
import { AppError, organizationNotFound } from '../../lib/errors.js';
import type { RequestContext } from '../../lib/request-context.js';
import { iso } from '../../lib/time.js';
import type { OrgAccess } from '../../types.js';
import { listAuditLogs, listSecurityEvents, recordAudit } from '../audit-logs/service.js';
import * as memberships from '../memberships/service.js';
import type { MembershipsService } from '../memberships/service.js';
import * as organizations from '../organizations/service.js';
import type { RolesService } from '../roles/service.js';
import * as sessions from '../sessions/service.js';
import type { TwoFactorService } from '../two-factor/service.js';
import * as users from '../users/service.js';
import * as repository from './repository.js';

const userNotFound = () => new AppError('user.not_found');
const sessionNotFound = () => new AppError('session.not_found');
const cannotDisableSelf = () => new AppError('user.cannot_disable_self', 'You cannot disable your own account; ask another superuser.');

export interface AdminDeps {
  db: Database;
  /** the read replica when configured: the overview tolerates its lag */
  reader: Database;
  twoFactor: TwoFactorService;
  memberships: MembershipsService;
  roles: RolesService;
}

/** What the organization-scoped services need to read an organization the superuser is not a member of. */
const readAccess = (organizationId: string): OrgAccess => ({
  organizationId, membershipId: '', roleId: '', roleName: '', isOwner: false, permissions: new Set(),
});

const nextMonth = (month: string) => {
  const d = new Date(`${month}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
};

export class AdminService {
  constructor(private readonly deps: AdminDeps) {}

  async userDetail(ctx: RequestContext, userId: string): Promise<AdminUserDetail> {
    const { db } = this.deps;
    const user = await users.findById(db, userId);
    if (!user) throw userNotFound();
    // recorded before the read, like an organization's: no read goes unrecorded
    await recordAudit(db, ctx, { action: 'admin.user.viewed', targetType: 'user', targetId: userId, metadata: { email: user.email } });
    const [twoFactor, member, live, events] = await Promise.all([
      this.deps.twoFactor.status(db, userId),
      memberships.listForUser(db, userId),
      sessions.listActiveForUser(db, userId),
      listSecurityEvents(db, userId),
    ]);
    return {
      user: users.toUser(user),
      two_factor: { enabled: twoFactor.enabled, enabled_at: twoFactor.enabled_at ? iso(twoFactor.enabled_at) : null },
      memberships: member.map((m) => ({
        id: m.id, organization_id: m.organization_id, organization_name: m.organization_name, organization_slug: m.organization_slug,
        role_id: m.role_id, role_name: m.role_name, status: m.status,
      })),
      sessions: live.map((s) => ({
        id: s.id, created_at: iso(s.created_at), last_used_at: iso(s.last_used_at), expires_at: iso(s.expires_at), ip: s.ip ?? null, user_agent: s.user_agent ?? null,
      })),
      security_events: events,
    };
  }

  /** Disables (ending every session) or enables an account; a no-op change is not audited. */
  async setUserActive(ctx: RequestContext, userId: string, isActive: boolean): Promise<User> {
    if (!isActive && ctx.principal?.userId === userId) throw cannotDisableSelf();
    return this.deps.db.transaction(async (tx) => {
      const user = await users.findByIdForUpdate(tx, userId);
      if (!user) throw userNotFound();
      if (user.is_active === isActive) return users.toUser(user);
      await users.update(tx, userId, { is_active: isActive });
      const ended = isActive ? 0 : await sessions.revokeAllForUser(tx, userId, 'account_disabled');
      await recordAudit(tx, ctx, {
        action: isActive ? 'user.enabled' : 'user.disabled', targetType: 'user', targetId: userId,
        metadata: { email: user.email, ...(isActive ? {} : { sessions_ended: ended }) },
      });
      return users.toUser({ ...user, is_active: isActive });
    });
  }

  async endUserSession(ctx: RequestContext, userId: string, sessionId: string): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      if (!(await sessions.revoke(tx, userId, sessionId, 'revoked_by_superuser'))) throw sessionNotFound();
      await recordAudit(tx, ctx, { action: 'user.session.revoked', targetType: 'user', targetId: userId, metadata: { session_id: sessionId, by_superuser: true } });
    });
  }

  /** Step: the organization exists and is not deleted; the read is recorded in its log first. */
  private async recordRead(ctx: RequestContext, organizationId: string, view: 'summary' | 'members' | 'audit_logs', detail: Record<string, unknown> = {}) {
    const org = await organizations.findById(this.deps.db, organizationId);
    if (!org || org.deleted_at) throw organizationNotFound();
    await recordAudit(this.deps.db, ctx, { action: 'admin.organization.viewed', organizationId, targetType: 'organization', targetId: organizationId, metadata: { view, ...detail } });
    return org;
  }

  async organizationDetail(ctx: RequestContext, organizationId: string): Promise<AdminOrganizationDetail> {
    const org = await this.recordRead(ctx, organizationId, 'summary');
    const access = readAccess(organizationId);
    const [roles, counts] = await Promise.all([this.deps.roles.list(access), memberships.countByRole(this.deps.db, organizationId)]);
    return {
      organization: organizations.toOrganization(org),
      member_count: [...counts.values()].reduce((a, b) => a + b, 0),
      roles: roles.map((role) => ({ ...role, member_count: counts.get(role.id) ?? 0 })),
    };
  }

  async organizationMembers(ctx: RequestContext, organizationId: string, query: ListMembersQuery): Promise<{ items: Member[]; nextCursor: string | null }> {
    await this.recordRead(ctx, organizationId, 'members', query.search ? { search: query.search } : {});
    return this.deps.memberships.list(readAccess(organizationId), query);
  }

  async organizationAuditLogs(ctx: RequestContext, organizationId: string, query: ListAuditLogsQuery): Promise<{ items: AuditLog[]; nextCursor: string | null }> {
    await this.recordRead(ctx, organizationId, 'audit_logs');
    return listAuditLogs(this.deps.reader, organizationId, query);
  }

  /**
   * Active users per period: closed periods from activity_counts, counted (and kept, on the primary)
   * the first time they are asked for; open ones counted on each call. A closed day is one index range
   * of ~DAU entries, counted once; the open month is the one range of ~MAU entries read every time.
   */
  private async activeUsers(period: 'day' | 'month', keys: string[], closed: string[]): Promise<Map<string, number>> {
    const { db, reader } = this.deps;
    const counts = closed.length ? await repository.keptCounts(reader, period, closed[0]!, closed.at(-1)!) : new Map<string, number>();
    const missing = closed.filter((key) => !counts.has(key));
    const open = keys.filter((key) => !closed.includes(key));
    const fresh = new Map<string, number>();
    if (missing.length) for (const [key, n] of await repository.countActive(reader, period, missing[0]!, missing.at(-1)!)) if (missing.includes(key)) fresh.set(key, n);
    if (open.length) for (const [key, n] of await repository.countActive(reader, period, open[0]!, open.at(-1)!)) counts.set(key, n);
    if (missing.length) {
      await repository.keepCounts(db, period, missing.map((key) => [key, fresh.get(key) ?? 0]));
      for (const key of missing) counts.set(key, fresh.get(key) ?? 0);
    }
    return counts;
  }

  /**
   * Accounts that exist, per month of creation, for the running totals: the closed months kept in
   * activity_counts after the first call (created_at is the insert's time, so no account joins a
   * closed month; one deleted — a SCIM directory's — is taken off its month's kept count by
   * users.deleteAccount), this month counted on each call. Second factors per month are counted each
   * time (a factor turned off leaves, so those counts can fall).
   */
  private async accounts(thisMonth: string): Promise<{ users: Map<string, number>; twoFactor: Map<string, number> }> {
    const { reader } = this.deps;
    const [kept, twoFactor] = await Promise.all([repository.allKeptCounts(reader, 'accounts'), repository.twoFactorPerMonth(reader)]);
    // the first call: one pass over users_created_at_idx, the closed months kept
    if (kept.size === 0) return { users: await this.keepAccounts(thisMonth), twoFactor };
    const lastKept = [...kept.keys()].sort().at(-1)!;
    // months that closed since the last call and were never kept: counted now (this one with them), kept
    const current = nextMonth(lastKept) < thisMonth ? await this.keepAccounts(thisMonth, nextMonth(lastKept)) : await repository.accountsPerMonth(reader, thisMonth);
    return { users: new Map([...kept, ...current]), twoFactor };
  }

  /**
   * Counts accounts per month from `from` (all time without it) and keeps the closed months, on the
   * primary, holding account deletions off meanwhile: a deletion then lands before the count or after
   * the kept row (which it decrements), never lost between the two.
   */
  private keepAccounts(thisMonth: string, from?: string): Promise<Map<string, number>> {
    return this.deps.db.transaction(async (tx) => {
      await users.lockAccountCounts(tx);
      const counted = await repository.accountsPerMonth(tx, from);
      await repository.keepCounts(tx, 'accounts', [...counted].filter(([month]) => month < thisMonth));
      return counted;
    });
  }

  /** The overview's series; `days` UTC days ending today, and the last 12 months. */
  async overview(days: number, now = new Date()): Promise<AdminOverview> {
    const { reader } = this.deps;
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const from = new Date(today - (days - 1) * 86_400_000);
    const dayKeys = Array.from({ length: days }, (_, i) => new Date(from.getTime() + i * 86_400_000).toISOString().slice(0, 10));
    const monthKeys = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1)).toISOString().slice(0, 10));
    const [signups, logins, activeDays, activeMonths, accounts] = await Promise.all([
      repository.signupsPerDay(reader, from),
      repository.loginsPerDay(reader, from),
      // yesterday stays open too: a session used just before midnight may be written just after it
      this.activeUsers('day', dayKeys, dayKeys.slice(0, -2)),
      this.activeUsers('month', monthKeys, monthKeys.slice(0, -1)),
      this.accounts(monthKeys.at(-1)!),
    ]);
    // running totals: everything created or enabled up to each month's end
    const runningTotal = (perMonth: Map<string, number>) => {
      const sorted = [...perMonth].sort(([a], [b]) => (a < b ? -1 : 1));
      return (month: string) => sorted.reduce((sum, [m, n]) => (m <= month ? sum + n : sum), 0);
    };
    const usersBy = runningTotal(accounts.users);
    const twoFactorBy = runningTotal(accounts.twoFactor);

    const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    return {
      days: dayKeys.map((day) => ({
        day, signups: signups.get(day) ?? 0, logins: logins.get(day)?.logins ?? 0, failed_logins: logins.get(day)?.failed ?? 0, active_users: activeDays.get(day) ?? 0,
      })),
      months: monthKeys.map((month) => ({ month, active_users: activeMonths.get(month) ?? 0, users: usersBy(month), two_factor_users: twoFactorBy(month) })),
      totals: { users: total(accounts.users), two_factor_users: total(accounts.twoFactor) },
    };
  }
}
