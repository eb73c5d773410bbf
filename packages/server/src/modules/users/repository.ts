import { and, eq, gt, ilike, or } from 'drizzle-orm';
import type { User } from '@saasready/contracts';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { users } from '../../db/schema.js';
import { AppError } from '../../lib/errors.js';

export type UserRow = typeof users.$inferSelect;

export const emailTaken = () =>
  new AppError('auth.email_taken', 'Email already registered', 'An account with this email already exists.');

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
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    full_name: row.full_name,
    is_active: row.is_active,
    is_superuser: row.is_superuser,
    email_verified: row.email_verified_at !== null,
    created_at: row.created_at.toISOString(),
  };
}

/** Superuser listing of every user, keyset by id, optionally searching email or name. */
export async function listAll(ex: Executor, filter: { limit: number; afterId?: string; search?: string }): Promise<UserRow[]> {
  const conditions = [];
  if (filter.afterId) conditions.push(gt(users.id, filter.afterId));
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.email, pattern), ilike(users.full_name, pattern))!);
  }
  return ex.select().from(users).where(and(...conditions)).orderBy(users.id).limit(filter.limit + 1);
}
