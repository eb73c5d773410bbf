import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { preparedRows, type Executor } from '../../db/client.js';
import { refreshTokens, sessions } from '../../db/schema.js';
import type { UserRow } from '../users/service.js';

export type SessionRow = typeof sessions.$inferSelect;
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;

export async function insertSession(ex: Executor, row: typeof sessions.$inferInsert): Promise<SessionRow> {
  const [created] = await ex.insert(sessions).values(row).returning();
  return created!;
}

export async function insertRefreshToken(ex: Executor, row: typeof refreshTokens.$inferInsert): Promise<void> {
  await ex.insert(refreshTokens).values(row);
}

export interface RefreshLookup {
  token: RefreshTokenRow;
  session: SessionRow;
}

export async function findRefreshToken(ex: Executor, tokenHash: string): Promise<RefreshLookup | null> {
  const [row] = await ex
    .select({ token: refreshTokens, session: sessions })
    .from(refreshTokens)
    .innerJoin(sessions, eq(sessions.id, refreshTokens.session_id))
    .where(eq(refreshTokens.token_hash, tokenHash))
    .limit(1);
  return row ?? null;
}

/** Marks the token used; false when another request rotated it first (the caller treats that as reuse). */
export async function markRotated(ex: Executor, tokenId: string): Promise<boolean> {
  const rows = await ex
    .update(refreshTokens)
    .set({ rotated_at: new Date() })
    .where(and(eq(refreshTokens.id, tokenId), isNull(refreshTokens.rotated_at)))
    .returning({ id: refreshTokens.id });
  return rows.length === 1;
}

export async function extend(ex: Executor, sessionId: string, expiresAt: Date): Promise<void> {
  await ex.update(sessions).set({ last_used_at: new Date(), expires_at: expiresAt }).where(eq(sessions.id, sessionId));
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
