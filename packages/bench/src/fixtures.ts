// Large data sets for the list scenarios, written straight into the bench database with one SQL
// statement each (generate_series; ids from gen_random_uuid(), available in PostgreSQL 13+ and PGlite),
// and EXPLAIN of the exact SQL the app's repositories send.
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '@saasready/server/internal/db/client.js';
import { encodeCursor } from '@saasready/server/internal/lib/cursor.js';
import * as auditRepository from '@saasready/server/internal/modules/audit-logs/repository.js';
import * as membershipsRepository from '@saasready/server/internal/modules/memberships/repository.js';
import type { BenchDatabase } from './targets.js';

/**
 * `count` users (password_hash is not a hash: they never log in), each an active member of
 * `organizationId` with its system Member role, in one statement. Returns how long it took, in ms.
 */
export async function seedMembers(database: BenchDatabase, organizationId: string, count: number): Promise<number> {
  const started = performance.now();
  const tag = `${database.kind}-${Date.now().toString(36)}`;
  await database.bulk(
    `with new_users as (
       insert into users (id, email, password_hash, full_name)
       select gen_random_uuid(), 'bench-member-' || g || '-' || $3 || '@example.com', 'bench-seeded-no-login', 'Bench Member ' || g
         from generate_series(1, $2::int) g
       returning id
     )
     insert into memberships (id, organization_id, user_id, role_id, status)
     select gen_random_uuid(), $1::uuid, u.id,
            (select id from roles where organization_id = $1::uuid and name = 'Member' and is_system), 'active'
       from new_users u`,
    [organizationId, count, tag],
  );
  await database.bulk('vacuum analyze users');
  await database.bulk('vacuum analyze memberships');
  return performance.now() - started;
}

/** The cursor that asks for keyset page `page` (1-based) of `limit` members, computed from the ids. */
export async function memberCursorBeforePage(database: BenchDatabase, organizationId: string, page: number, limit: number): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    database.handle.db,
    sql`select id from memberships where organization_id = ${organizationId}::uuid order by id offset ${(page - 1) * limit - 1}::int limit 1`,
  );
  if (!row) throw new Error(`the organization has fewer than ${(page - 1) * limit} members`);
  return encodeCursor(row.id);
}

/**
 * `count` audit rows appended to one organization's chain after its current head (seq head+1 …
 * head+count), one a second up to now, in one statement; hashes left null (the append-only trigger
 * refuses only UPDATE/DELETE/TRUNCATE). Then VACUUM ANALYZE, as autovacuum would do to a table
 * this size (and so it does not do it during the measurements). Returns the new head's seq and the
 * time taken, in ms.
 */
export async function seedAuditLogs(database: BenchDatabase, organizationId: string, count: number): Promise<{ head: number; ms: number }> {
  const started = performance.now();
  const before = await auditRepository.chainHead(database.handle.db, organizationId);
  const base = before?.seq ?? 0;
  await database.bulk(
    `insert into audit_logs (id, organization_id, seq, actor_type, action, metadata, created_at)
     select gen_random_uuid(), $1::uuid, $2::bigint + g, 'system', 'bench.seed', '{}'::jsonb, now() - ($3::int - g) * interval '1 second'
       from generate_series(1, $3::int) g`,
    [organizationId, base, count],
  );
  // the rows went in around recordAudit: the chain's head moves past them, or the next append would reuse their positions
  await auditRepository.setHead(database.handle.db, organizationId, base + count, null);
  await database.bulk('vacuum analyze audit_logs');
  return { head: base + count, ms: performance.now() - started };
}

export interface Page {
  status: number;
  count: number;
  nextCursor: string | null;
  body: unknown;
}

/** One GET through the API, with the page's size and X-Next-Cursor. */
export async function getPage(url: string, token: string): Promise<Page> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body: unknown = await response.json();
  return { status: response.status, count: Array.isArray(body) ? body.length : -1, nextCursor: response.headers.get('x-next-cursor'), body };
}

/** Walks the members list from page 1 through the API, following X-Next-Cursor: the cursor of page `page`. */
export async function walkMemberPages(baseUrl: string, organizationId: string, token: string, page: number, limit: number): Promise<string> {
  let cursor: string | null = null;
  for (let i = 1; i < page; i++) {
    const url = `${baseUrl}/api/v1/orgs/${organizationId}/members?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const result = await getPage(url, token);
    if (result.status !== 200 || result.count !== limit || !result.nextCursor) {
      throw new Error(`members page ${i}: status ${result.status}, ${result.count} items, next cursor ${result.nextCursor ?? 'none'}`);
    }
    cursor = result.nextCursor;
  }
  if (!cursor) throw new Error('no cursor: page must be 2 or more');
  return cursor;
}

export const auditCursor = (seq: number): string => Buffer.from(String(seq)).toString('base64url');

const dialect = new PgDialect();

export interface Explained {
  title: string;
  /** the statement as the app sends it, with its parameters */
  text: string;
  params: unknown[];
  plan: string[];
}

/**
 * An Executor that answers every query with its EXPLAIN (planned with the real parameter values,
 * not run), so a repository function shows the plan of exactly the SQL it sends.
 */
function explainer(ex: Executor, into: { text: string; params: unknown[]; plan: string[] }): Executor {
  return {
    execute: async (query: SQL) => {
      const { sql: text, params } = dialect.sqlToQuery(query);
      into.text = text.replace(/\s+/g, ' ').trim();
      into.params = params;
      const rows = await queryRows<Record<string, string>>(ex, sql`explain ${query}`);
      into.plan = rows.map((r) => Object.values(r)[0]!);
      return { rows: [] };
    },
  } as unknown as Executor;
}

async function explain(ex: Executor, title: string, run: (e: Executor) => Promise<unknown>): Promise<Explained> {
  const out = { title, text: '', params: [] as unknown[], plan: [] as string[] };
  await run(explainer(ex, out));
  return out;
}

/** The plans of the audit pages and member pages the scenarios request, as the app would run them. */
export async function explainListQueries(
  database: BenchDatabase,
  audit: { organizationId: string; cursorSeq: number; offset: number } | null,
  members: { organizationId: string; afterId: string } | null,
): Promise<Explained[]> {
  const { db } = database.handle;
  const plans: Explained[] = [];
  if (audit) {
    // listAuditLogs asks for limit + 1 rows
    plans.push(await explain(db, 'Audit log, first page (`?limit=50`)', (e) => auditRepository.list(e, audit.organizationId, {}, 51, 0)));
    plans.push(
      await explain(db, `Audit log, deep cursor page (\`?limit=50&cursor=\` seq ${audit.cursorSeq})`, (e) =>
        auditRepository.list(e, audit.organizationId, { beforeSeq: audit.cursorSeq }, 51, 0),
      ),
    );
    plans.push(
      await explain(db, `Audit log, offset page (\`?limit=50&offset=${audit.offset}\`)`, (e) => auditRepository.list(e, audit.organizationId, {}, 51, audit.offset)),
    );
  }
  if (members) {
    plans.push(await explain(db, 'Members, first page (`?limit=50`)', (e) => membershipsRepository.list(e, members.organizationId, { limit: 50 })));
    plans.push(
      await explain(db, 'Members, deep cursor page (`?limit=50&cursor=`…)', (e) =>
        membershipsRepository.list(e, members.organizationId, { limit: 50, after: { id: members.afterId, key: null } }),
      ),
    );
  }
  return plans;
}
