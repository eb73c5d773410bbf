import { and, eq, gt, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { User } from '@saasready/contracts';
import { ADVISORY_LOCKS } from '../../db/advisory-locks.js';
import { preparedRowsOfText, type Executor } from '../../db/client.js';
import { containsPattern } from '../../lib/like.js';
import { isUniqueViolation } from '../../db/errors.js';
import { userMfa, users, userTokens } from '../../db/schema.js';
import { iso } from '../../lib/time.js';
import { emailTaken } from './errors.js';

export type UserRow = typeof users.$inferSelect;

export async function insert(ex: Executor, row: typeof users.$inferInsert): Promise<UserRow> {
  try {
    const [created] = await ex.insert(users).values(row).returning();
    return created!;
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}

export async function findByEmail(ex: Executor, email: string): Promise<UserRow | null> {
  const [row] = await ex.select().from(users).where(eq(users.email, email)).limit(1);
  return row ?? null;
}

export async function findById(ex: Executor, id: string): Promise<UserRow | null> {
  const [row] = await ex.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function update(ex: Executor, id: string, values: Partial<typeof users.$inferInsert>): Promise<void> {
  await ex.update(users).set({ ...values, updated_at: new Date() }).where(eq(users.id, id));
}

/** The API view of a user row: the hash stays behind. */
export function toUser(row: Omit<UserRow, 'password_hash'>): User {
  return {
    id: row.id,
    email: row.email,
    full_name: row.full_name,
    is_active: row.is_active,
    is_superuser: row.is_superuser,
    email_verified: row.email_verified_at !== null,
    created_at: iso(row.created_at),
  };
}

/** Superuser listing of every user, keyset by id, optionally searching email or name. */
export async function listAll(ex: Executor, filter: { limit: number; afterId?: string; search?: string }): Promise<UserRow[]> {
  const conditions = [];
  if (filter.afterId) conditions.push(gt(users.id, filter.afterId));
  if (filter.search) {
    const pattern = containsPattern(filter.search);
    conditions.push(or(ilike(users.email, pattern), ilike(users.full_name, pattern))!);
  }
  return ex.select().from(users).where(and(...conditions)).orderBy(users.id).limit(filter.limit + 1);
}

export async function markEmailVerified(ex: Executor, id: string): Promise<void> {
  await ex.update(users).set({ email_verified_at: new Date(), updated_at: new Date() }).where(and(eq(users.id, id), isNull(users.email_verified_at)));
}

export type TokenPurpose = 'password_reset' | 'email_verification';

/**
 * Stores a new emailed token and retires the user's earlier unused ones of its purpose, in one statement
 * (neither sees the other's row), with `along`: WITH items selecting from `inserted` (the email
 * carrying the token: written with it, in the same statement).
 */
export async function insertToken(
  ex: Executor,
  row: { id: string; user_id: string; purpose: TokenPurpose; token_hash: string; expires_at: Date },
  along?: (inserted: SQL) => SQL[],
): Promise<void> {
  const more = along?.(sql`new_token`) ?? [];
  await preparedRowsOfText(ex, 'user_token_insert', sql`
    with retired as (
      update user_tokens set used_at = now() where user_id = ${row.user_id} and purpose = ${row.purpose} and used_at is null
    ), new_token as (
      insert into user_tokens (id, user_id, purpose, token_hash, expires_at)
      values (${row.id}, ${row.user_id}, ${row.purpose}, ${row.token_hash}, ${row.expires_at.toISOString()}::timestamptz)
      returning id
    )${more.length ? sql`, ${sql.join(more, sql`, `)}` : sql``}
    select count(*) from new_token`);
}

export async function findToken(ex: Executor, purpose: TokenPurpose, tokenHash: string) {
  const [row] = await ex.select().from(userTokens).where(and(eq(userTokens.token_hash, tokenHash), eq(userTokens.purpose, purpose))).limit(1);
  return row ?? null;
}

/** Marks the token used; false when it was used already (a concurrent request won). */
export async function consumeToken(ex: Executor, id: string): Promise<boolean> {
  const rows = await ex.update(userTokens).set({ used_at: new Date() }).where(and(eq(userTokens.id, id), isNull(userTokens.used_at))).returning({ id: userTokens.id });
  return rows.length === 1;
}

/**
 * The account, locked against other changes until the transaction ends (a read-modify-write that
 * audits the old value). `no key update`: its key
 * (id, email) is not changed by the callers, so a session's foreign-key check does not wait on it
 * (a login holding its audit chain's head would otherwise deadlock with a change that records in
 * that chain at its commit).
 */
export async function findByIdForUpdate(ex: Executor, id: string): Promise<UserRow | null> {
  const [row] = await ex.select().from(users).where(eq(users.id, id)).limit(1).for('no key update');
  return row ?? null;
}

/**
 * The advisory lock that orders account deletions against the admin overview's keeping of accounts
 * per month of creation (activity_counts, period `accounts`): deletions take it shared, keeping takes
 * it exclusive, so a deletion lands either before the count (not counted) or after the kept row
 * exists (taken off it) — never in between.
 */
const ACCOUNT_COUNTS_LOCK = ADVISORY_LOCKS.accountCounts;

/**
 * Deletes the account (sessions, memberships, factors and tokens go with it) and takes it off the
 * kept count of its month of creation, if that month is kept. A SCIM directory removes an account it
 * created once nothing else holds it. In a transaction (the lock is held to its end).
 */
export async function deleteAccount(ex: Executor, id: string): Promise<void> {
  // its own statement first: the next one's snapshot must see a keep that committed while we waited
  await ex.execute(sql`select pg_advisory_xact_lock_shared(${ACCOUNT_COUNTS_LOCK}::bigint)`);
  await ex.execute(sql`
    with gone as (delete from users where id = ${id} returning created_at)
    update activity_counts c set users = c.users - 1
      from gone
     where c.period = 'accounts' and c.starts_on = date_trunc('month', gone.created_at at time zone 'UTC')::date`);
}

/** Holds account deletions off until the caller's transaction ends: accounts counted per month and kept then agree (deleteAccount). */
export async function lockAccountCounts(ex: Executor): Promise<void> {
  await ex.execute(sql`select pg_advisory_xact_lock(${ACCOUNT_COUNTS_LOCK}::bigint)`);
}
