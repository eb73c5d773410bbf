import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { preparedRows, queryRows, type Executor, type StatementGate } from '../../db/client.js';
import { sessions } from '../../db/schema.js';
import type { UserRow } from '../users/service.js';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(ex: Executor, row: typeof sessions.$inferInsert): Promise<SessionRow> {
  const [created] = await ex.insert(sessions).values(row).returning();
  return created!;
}

/**
 * Opens a session in the same statement as another module's write, and only if that write happened
 * (`gate`, e.g. the login's audit append): null when it did not, and then nothing was written.
 * A named prepared statement: `name` must always go with the same gate shape.
 */
export async function insertSessionGated(ex: Executor, name: string, row: typeof sessions.$inferInsert & { id: string }, gate: StatementGate): Promise<{ id: string } | null> {
  const [created] = await preparedRows<{ id: string }>(ex, name, sql`
    with ${gate.ctes}
    insert into sessions (id, user_id, organization_id, ip, user_agent, expires_at, refresh_hash, method)
    select ${row.id}::uuid, ${row.user_id}::uuid, ${row.organization_id ?? null}::uuid, ${row.ip ?? null}::inet, ${row.user_agent ?? null},
           ${row.expires_at.toISOString()}::timestamptz, ${row.refresh_hash ?? null}, ${row.method ?? 'password'}
      from ${gate.passed}
    returning id`);
  return created ?? null;
}

/**
 * A session's current refresh token lives on the session row (`refresh_hash`); the ones it replaced
 * stay in `refresh_tokens` as history, so a replay of any of them is recognised as reuse.
 */
export interface RotatedSession {
  session_id: string;
  organization_id: string | null;
  mfa_enabled: boolean;
  user: UserRow;
}

/**
 * Rotation in one statement: swap the current hash for the next one (compare-and-swap: a token that
 * is no longer current, or a session revoked, expired or of a disabled user, matches nothing), slide
 * the session's expiry, and file the old hash as history. Two requests racing with one token: the
 * second re-checks the row after the first commits and matches nothing.
 */
export async function rotateRefreshToken(
  ex: Executor,
  rotation: { presentedHash: string; nextHash: string; historyId: string; expiresAt: Date },
): Promise<RotatedSession | null> {
  const [row] = await preparedRows<UserRow & { session_id: string; organization_id: string | null; mfa_enabled: boolean }>(ex, 'refresh_rotate', sql`
    with rotated as (
      -- last_used_at moves at most once a minute, like sessions.touch: its activity trigger (migration
      -- 0019) then runs once a minute per session, not on every rotation
      update sessions s set refresh_hash = ${rotation.nextHash}, expires_at = ${rotation.expiresAt},
             last_used_at = case when s.last_used_at < now() - interval '1 minute' then now() else s.last_used_at end
       where s.refresh_hash = ${rotation.presentedHash} and s.revoked_at is null and s.expires_at > now()
         and exists (select 1 from users u where u.id = s.user_id and u.is_active)
      returning s.id, s.user_id, s.organization_id
    ), history as (
      insert into refresh_tokens (id, session_id, token_hash, expires_at, rotated_at)
      select ${rotation.historyId}, rotated.id, ${rotation.presentedHash}, ${rotation.expiresAt}, now() from rotated
    )
    select r.id as session_id, r.organization_id, (f.enabled_at is not null) as mfa_enabled, u.*
      from rotated r
      join users u on u.id = r.user_id
      left join user_mfa f on f.user_id = r.user_id`);
  if (!row) return null;
  const { session_id, organization_id, mfa_enabled, ...user } = row;
  return { session_id, organization_id, mfa_enabled, user: user as UserRow };
}

/**
 * Why a presented refresh token did not rotate: one the session replaced (`replayed`: reuse, end the
 * session), the current one of a session that cannot be refreshed (`current`), one written by a
 * server from before migration 0013 during a rolling upgrade (`legacy`), or nothing we issued (null).
 */
export async function classifyRefreshToken(ex: Executor, tokenHash: string): Promise<{ kind: 'replayed' | 'current' | 'legacy'; session: SessionRow } | null> {
  const [row] = await queryRows<SessionRow & { kind: 'replayed' | 'current' | 'legacy' }>(ex, sql`
    select case when t.rotated_at is null then 'legacy' else 'replayed' end as kind, s.*
      from refresh_tokens t join sessions s on s.id = t.session_id where t.token_hash = ${tokenHash}
    union all
    select 'current' as kind, s.* from sessions s where s.refresh_hash = ${tokenHash}
    limit 1`);
  if (!row) return null;
  const { kind, ...session } = row;
  return { kind, session: session as SessionRow };
}

/**
 * A token a pre-0013 server issued (an unrotated history row) becomes its session's current token,
 * as migration 0013 does for the rows that existed when it ran; false when the session already holds one.
 */
export async function adoptLegacyRefreshToken(ex: Executor, tokenHash: string): Promise<boolean> {
  const rows = await queryRows(ex, sql`
    with moved as (delete from refresh_tokens where token_hash = ${tokenHash} and rotated_at is null returning session_id)
    update sessions s set refresh_hash = ${tokenHash} from moved where s.id = moved.session_id and s.refresh_hash is null returning s.id`);
  return rows.length === 1;
}

/** Bumps last_used_at; callers only do this when it is more than a minute old, so it is not a write per request. */
export async function touch(ex: Executor, sessionId: string): Promise<void> {
  await ex.update(sessions).set({ last_used_at: new Date() }).where(eq(sessions.id, sessionId));
}

export async function revoke(ex: Executor, userId: string, sessionId: string, reason: string): Promise<boolean> {
  const rows = await ex
    .update(sessions)
    .set({ revoked_at: new Date(), revoked_reason: reason })
    .where(and(eq(sessions.id, sessionId), eq(sessions.user_id, userId), isNull(sessions.revoked_at)))
    .returning({ id: sessions.id });
  return rows.length === 1;
}

/** Revokes every live session of the user, except `keepSessionId` when given; returns how many. */
export async function revokeAllForUser(ex: Executor, userId: string, reason: string, keepSessionId?: string): Promise<number> {
  const conditions = [eq(sessions.user_id, userId), isNull(sessions.revoked_at)];
  if (keepSessionId) conditions.push(ne(sessions.id, keepSessionId));
  const rows = await ex
    .update(sessions)
    .set({ revoked_at: new Date(), revoked_reason: reason })
    .where(and(...conditions))
    .returning({ id: sessions.id });
  return rows.length;
}

/** Revokes the user's live sessions whose current organization is this one (a directory deprovisioned them there); returns how many. */
export async function revokeForOrganization(ex: Executor, userId: string, organizationId: string, reason: string): Promise<number> {
  const rows = await ex
    .update(sessions)
    .set({ revoked_at: new Date(), revoked_reason: reason })
    .where(and(eq(sessions.user_id, userId), eq(sessions.organization_id, organizationId), isNull(sessions.revoked_at)))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function listActiveForUser(ex: Executor, userId: string): Promise<SessionRow[]> {
  return ex
    .select()
    .from(sessions)
    .where(and(eq(sessions.user_id, userId), isNull(sessions.revoked_at), gt(sessions.expires_at, sql`now()`)))
    .orderBy(desc(sessions.last_used_at));
}

export interface SessionPrincipalRow {
  session_id: string;
  user_id: string;
  revoked: boolean;
  /** a Date on PostgreSQL, text on PGlite (raw query); compared on every use, so a cached row expires on time */
  expires_at: Date | string;
  /** a Date on PostgreSQL, text on PGlite (raw query) */
  last_used_at: Date | string;
  /** without the password hash: this row is kept in every process's cache */
  user: Omit<UserRow, 'password_hash'>;
  mfa_enabled: boolean;
}

/** The per-request check behind every access token: the session is live and its user active. One PK lookup. */
export const sessionExpired = (row: Pick<SessionPrincipalRow, 'expires_at'>, now = Date.now()): boolean => new Date(row.expires_at).getTime() <= now;

export async function findSessionPrincipal(ex: Executor, sessionId: string): Promise<SessionPrincipalRow | null> {
  const [row] = await preparedRows<Omit<UserRow, 'password_hash'> & Omit<SessionPrincipalRow, 'user'>>(ex, 'session_principal', sql`
    select s.id as session_id, s.user_id, s.revoked_at is not null as revoked, s.expires_at,
           s.last_used_at, (f.enabled_at is not null) as mfa_enabled,
           u.id, u.email, u.full_name, u.is_active, u.is_superuser, u.email_verified_at, u.created_at, u.updated_at
      from sessions s
      join users u on u.id = s.user_id
      left join user_mfa f on f.user_id = s.user_id
     where s.id = ${sessionId}`);
  if (!row) return null;
  const { session_id, user_id, revoked, expires_at, last_used_at, mfa_enabled, ...user } = row;
  return { session_id, user_id, revoked, expires_at, last_used_at, mfa_enabled, user };
}

export async function setOrganization(ex: Executor, userId: string, sessionId: string, organizationId: string): Promise<void> {
  await ex.update(sessions).set({ organization_id: organizationId }).where(and(eq(sessions.id, sessionId), eq(sessions.user_id, userId)));
}
