import { and, eq, sql, type SQL } from 'drizzle-orm';
import { preparedRows, queryRows, type Executor } from '../../db/client.js';
import { invitations } from '../../db/schema.js';
import { alreadyMember, pendingExists, pendingJustRevoked } from './errors.js';

export interface InvitationRow {
  id: string;
  organization_id: string;
  email: string;
  full_name: string | null;
  role_id: string;
  role_name: string;
  status: 'pending' | 'accepted' | 'revoked';
  invited_by: string | null;
  expires_at: Date | string;
  created_at: Date | string;
}

export interface InvitationWithContext extends InvitationRow {
  organization_name: string;
  organization_slug: string;
  organization_deleted: boolean;
  inviter_name: string | null;
  role_permissions: string[];
  role_is_owner: boolean;
}

const SELECT = sql`
  select i.id, i.organization_id, i.email, i.full_name, i.role_id, r.name as role_name, i.status, i.invited_by, i.expires_at, i.created_at
    from invitations i
    join roles r on r.id = i.role_id and r.organization_id = i.organization_id`;

/**
 * Inserts a pending invitation in one statement: it ends a pending one for this email that expired
 * (so the new one takes its place), checks the email is not a member yet (`alreadyMember`, a
 * condition: 409 `invitation.already_member`) and carries `along` (WITH items selecting from
 * `inserted`, e.g. the email: written only with the invitation). A live pending one for this email
 * exists (unique partial index) → 409 `invitation.pending_exists` naming it; if that one was accepted
 * or revoked between our insert and this look-up (another transaction committed in between), still a
 * 409, never a 500: `invitation.already_member` when accepted, `invitation.pending_exists` (retry) when revoked.
 * `audit`: the invitation's audit row rides in the statement too (audit-logs StatementAppend, its head
 * locked once the invitation is written); null when it cannot (its chain has no head row yet, or a
 * row the invitation refers to is gone): then nothing was written.
 */
export async function insert(
  ex: Executor,
  row: { id: string; organization_id: string; email: string; full_name: string | null; role_id: string; invited_by: string; token_hash: string; expires_at: Date },
  options: { alreadyMember: SQL; along?: (inserted: SQL) => SQL[]; audit?: (inserted: SQL) => { ready: SQL; ctes: SQL; written: SQL } },
): Promise<Omit<InvitationRow, 'role_name'> | null> {
  const along = options.along?.(sql`new_invitation`) ?? [];
  const audit = options.audit?.(sql`exists (select 1 from new_invitation)`);
  // With the audit row: the rows the invitation's foreign keys will lock at the end of the statement
  // (FOR KEY SHARE) are locked first, before the audit chain's head, as a transaction locks them
  // before its commit takes the head: waiting for one while holding the head could deadlock with a
  // transaction holding it (a role change locks the organization's row, then the head at commit).
  // One of them gone (the role deleted meanwhile), or the chain without its head row: nothing is
  // written, and the caller's transaction takes over (and meets the foreign key).
  const referenced = sql`referenced as materialized (
      select (select count(*) from (select 1 from organizations where id = ${row.organization_id} for key share) o) = 1
         and (select count(*) from (select 1 from roles where organization_id = ${row.organization_id} and id = ${row.role_id} for key share) r) = 1
         and (select count(*) from (select 1 from users where id = ${row.invited_by} for key share) u) = 1
         and ${audit?.ready ?? sql`true`} as found
    ), `;
  const auditReady = audit ? sql`(select found from referenced)` : null;
  const ready = auditReady ? sql` and ${auditReady}` : sql``;
  // `retired` runs first (the insert waits for its count), so the expired row no longer blocks the index
  // with the audit row, the statement of every invitation sent (same text): planned once per connection
  const run = <T>(query: SQL) => (audit ? preparedRows<T>(ex, 'invitation_with_audit', query) : queryRows<T>(ex, query));
  const [result] = await run<Omit<InvitationRow, 'role_name'> & { already_member: boolean; audit_ready: boolean; audit_guard?: null }>(sql`
    with ${audit ? referenced : sql``}retired as (
      update invitations set status = 'revoked', updated_at = now()
       where organization_id = ${row.organization_id} and email = ${row.email} and status = 'pending' and expires_at <= now()${ready}
      returning id
    ), member as (select ${options.alreadyMember} as already),
    new_invitation as (
      insert into invitations (id, organization_id, email, full_name, role_id, invited_by, token_hash, expires_at)
      select ${row.id}::uuid, ${row.organization_id}::uuid, ${row.email}, ${row.full_name}, ${row.role_id}::uuid, ${row.invited_by}::uuid, ${row.token_hash},
             ${row.expires_at.toISOString()}::timestamptz
       where (select count(*) from retired) >= 0 and not (select already from member)${ready}
      on conflict do nothing
      returning *
    )${along.length ? sql`, ${sql.join(along, sql`, `)}` : sql``}${audit ? sql`, ${audit.ctes}` : sql``}
    select (select already from member) as already_member, ${auditReady ?? sql`true`} as audit_ready, i.*${audit ? sql`,
           -- cannot happen (the head is locked only once the invitation exists): should it, the
           -- statement fails as a whole rather than commit an invitation its audit log lacks
           case when i.id is not null and not ${audit.written} then cast(i.email || ': invitation without its audit row' as int) end as audit_guard` : sql``}
      from (select 1) one left join new_invitation i on true`);
  const { already_member: alreadyMemberNow, audit_ready: wentAlong, audit_guard: _guard, ...inserted } = result!;
  if (!wentAlong) return null;
  if (alreadyMemberNow) throw alreadyMember();
  if (inserted.id) return inserted;
  // the newest invitation for this email is the one we collided with (ids are time-ordered)
  const [other] = await queryRows<{ id: string; status: string }>(ex, sql`
    select id, status from invitations
     where organization_id = ${row.organization_id} and email = ${row.email} and id <> ${row.id}
     order by (status = 'pending') desc, id desc limit 1`);
  if (!other) throw new Error('invitation insert conflicted, but with no other invitation (token hash collision?)');
  if (other.status === 'pending') throw pendingExists(other.id);
  if (other.status === 'accepted') throw alreadyMember();
  throw pendingJustRevoked(other.id);
}

export async function list(ex: Executor, organizationId: string, status?: string): Promise<InvitationRow[]> {
  const now = sql`now()`;
  const filter =
    status === 'expired' ? sql` and i.status = 'pending' and i.expires_at <= ${now}`
    : status === 'pending' ? sql` and i.status = 'pending' and i.expires_at > ${now}`
    : status ? sql` and i.status = ${status}` : sql``;
  return queryRows<InvitationRow>(ex, sql`${SELECT} where i.organization_id = ${organizationId}${filter} order by i.id desc limit 500`);
}

export async function findById(ex: Executor, organizationId: string, id: string): Promise<InvitationRow | null> {
  const rows = await queryRows<InvitationRow>(ex, sql`${SELECT} where i.organization_id = ${organizationId} and i.id = ${id}`);
  return rows[0] ?? null;
}

export async function findPendingByEmail(ex: Executor, organizationId: string, email: string): Promise<InvitationRow | null> {
  const rows = await queryRows<InvitationRow>(ex, sql`${SELECT} where i.organization_id = ${organizationId} and i.email = ${email} and i.status = 'pending'`);
  return rows[0] ?? null;
}

/** Looks an invitation up by its token hash, with what the invitee and the acceptance need. */
export async function findByTokenHash(ex: Executor, tokenHash: string): Promise<InvitationWithContext | null> {
  const rows = await queryRows<InvitationWithContext>(ex, sql`
    select i.id, i.organization_id, i.email, i.full_name, i.role_id, r.name as role_name, i.status, i.invited_by, i.expires_at, i.created_at,
           o.name as organization_name, o.slug as organization_slug, (o.deleted_at is not null) as organization_deleted,
           u.full_name as inviter_name, (r.is_system and r.name = 'Owner') as role_is_owner,
           coalesce((select array_agg(rp.permission) from role_permissions rp where rp.role_id = r.id), '{}') as role_permissions
      from invitations i
      join organizations o on o.id = i.organization_id
      join roles r on r.id = i.role_id and r.organization_id = i.organization_id
      left join users u on u.id = i.invited_by
     where i.token_hash = ${tokenHash}`);
  return rows[0] ?? null;
}

export async function replaceToken(ex: Executor, organizationId: string, id: string, tokenHash: string, expiresAt: Date): Promise<void> {
  await ex
    .update(invitations)
    .set({ token_hash: tokenHash, expires_at: expiresAt, updated_at: new Date() })
    .where(and(eq(invitations.organization_id, organizationId), eq(invitations.id, id), eq(invitations.status, 'pending')));
}

export async function revoke(ex: Executor, organizationId: string, id: string): Promise<boolean> {
  const rows = await ex
    .update(invitations)
    .set({ status: 'revoked', updated_at: new Date() })
    .where(and(eq(invitations.organization_id, organizationId), eq(invitations.id, id), eq(invitations.status, 'pending')))
    .returning({ id: invitations.id });
  return rows.length === 1;
}

/** Atomically moves a pending, unexpired invitation to accepted; false when someone else got there first. */
export async function markAccepted(ex: Executor, organizationId: string, id: string, userId: string): Promise<boolean> {
  const rows = await ex
    .update(invitations)
    .set({ status: 'accepted', accepted_at: new Date(), accepted_by: userId, updated_at: new Date() })
    .where(and(eq(invitations.organization_id, organizationId), eq(invitations.id, id), eq(invitations.status, 'pending'), sql`${invitations.expires_at} > now()`))
    .returning({ id: invitations.id });
  return rows.length === 1;
}

